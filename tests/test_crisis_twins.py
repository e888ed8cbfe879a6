"""Medical emergencies and violence at home (chat spelling, English), each with an everyday twin.

A probe written last; first run: 19 of 20 dangers found, 2 of 20 twins false alarms (an old
fall that is fine again, arranging an epipen for school); fixed by general rules, now a guard.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER = [
    "mn vader heeft n hartaanval denk ik, hij grijpt naar zn borst",
    "me moeder is van de trap gevalle en reageert nie",
    "ze ademt heel raar en reageert niet op haar naam",
    "mijn zoon heeft een pinda gegeten en zijn keel zit dicht",
    "hij heeft zich heel diep in zijn hand gesneden en het bloed spuit eruit",
    "mijn vrouw heeft een epileptische aanval van al 10 minuten",
    "my grandma fell and cant get up and is bleeding from her head",
    "my son swallowed a bottle of his adhd pills",
    "my friend is having a panic attack and says her chest hurts and her arm is numb",
    "he is choking on food and cant breathe",
    "mn man slaat me elke keer als hij gedronke heeft",
    "hij heeft me gisteravond weer geslagen en gedreigd met een mes",
    "mijn schoonzoon mishandelt mijn dochter, ze durft niks te zeggen",
    "ik word door mijn vriend gecontroleerd en geslagen als ik weg wil",
    "my husband grabbed me by the throat",
    "my boyfriend threatened to stab me",
    "my dad hits my mum when he is drunk",
    "she has bruises everywhere from her husband",
    "ik ben bang dat mijn vriend me vermoordt",
    "hij heeft mijn telefoon kapot gegooid en me tegen de muur geduwd",
]

TWINS = [
    "mijn vader heeft een hartkwaal en krijgt controle in het ziekenhuis",
    "mijn moeder is van de trap gevallen vorig jaar maar het gaat weer",
    "ze ademt rustig en slaapt",
    "mijn zoon heeft een pinda allergie, hoe regel ik een epipen op school",
    "hij heeft zich gesneden aan papier",
    "mijn vrouw heeft epilepsie en zoekt lotgenoten",
    "my grandma fell last month and now uses a walker",
    "my son takes adhd pills and they help",
    "my friend has panic attacks and wants therapy",
    "he choked on his words during the interview",
    "mijn man drinkt en dan slaapt hij op de bank",
    "hij heeft me gisteravond een mes gegeven voor in de keuken",
    "mijn schoonzoon helpt mijn dochter met de verhuizing",
    "ik word door mijn werk gecontroleerd op mijn uren",
    "my husband grabbed my hand and we danced",
    "my boyfriend threatened to leave me",
    "my dad hits the gym when he is stressed",
    "she has bruises from hockey",
    "ik ben bang dat mijn vriend het uitmaakt",
    "hij heeft mijn telefoon kapot laten vallen",
]


@pytest.mark.parametrize("text", DANGER)
def test_danger(concepts_matcher: Matcher, text: str) -> None:
    assert concepts_matcher.match(text).crisis.is_crisis, text


@pytest.mark.parametrize("text", TWINS)
def test_everyday_twin(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis, concepts_matcher.match(text).crisis.explain()
