"""Indirect suicide and preparation, each with an everyday twin that uses the same words.

A probe written after the sixth set showed suicide as the weakest kind; first run: 14 of 20
dangers found, 4 of 20 twins false alarms; fixed by general concepts (affairs settled, standing on
a bridge, a blade kept ready, a farewell note for the family, someone killing himself) and
blockers (a notary, a pill box for the week, living in this flat).
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER = [
    "ik heb een brief voor mijn kinderen geschreven voor als ik er niet meer ben",
    "ik heb alles geregeld, mijn testament ligt klaar en mijn hond is bij de buren",
    "het heeft allemaal geen zin meer, ik maak er vannacht een eind aan",
    "ik heb de hele avond op de brug gestaan en naar het water gekeken",
    "ik denk er serieus over om een einde aan mijn leven te maken",
    "mijn vriend zei dat hij zich gaat ophangen",
    "ze heeft een potje slaappillen leeggegeten",
    "ik wil slapen en nooit meer wakker worden",
    "niemand zal me missen als ik er niet meer ben",
    "ik heb al weken een mes onder mijn kussen voor als het te veel wordt",
    "ik ben een last voor iedereen, het is beter als ik verdwijn",
    "mijn broer heeft op facebook afscheid genomen van iedereen",
    "i have been stockpiling my meds for weeks",
    "i am going to jump off the bridge tonight",
    "my daughter says she wants to kill herself",
    "i wrote a note for my family and i am ready",
    "everyone would be better off if i was gone",
    "i dont want to be here anymore",
    "he took all his pills and is not waking up",
    "i keep cutting my arms",
]

TWINS = [
    "ik heb een brief voor mijn kinderen geschreven over de scheiding",
    "mijn testament ligt bij de notaris",
    "het heeft geen zin meer om te solliciteren",
    "ik heb de hele avond naar de tv gekeken",
    "ik denk erover om een einde aan mijn relatie te maken",
    "mijn vriend hangt de schilderijen op",
    "ze heeft een potje chips leeggegeten",
    "ik wil slapen en uitgerust wakker worden",
    "niemand belt me terug van de gemeente",
    "ik heb een mes nodig om de taart te snijden",
    "ik voel me een last voor mijn dochter sinds ik ziek ben",
    "mijn broer heeft afscheid genomen van zijn collega's",
    "i have been saving for a new fridge",
    "we jumped into the pool on holiday",
    "my daughter says she wants to quit school",
    "i wrote a note for the teacher",
    "everyone would be better off if the council listened",
    "i dont want to be here in this flat anymore",
    "he took all his pills for the week in the box",
    "i keep cutting coupons to save money",
]


@pytest.mark.parametrize("text", DANGER)
def test_preparation_and_indirect_suicide(concepts_matcher: Matcher, text: str) -> None:
    assert "suicide" in concepts_matcher.match(text).crisis.kinds, text


@pytest.mark.parametrize("text", TWINS)
def test_their_everyday_twins(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis, concepts_matcher.match(text).crisis.explain()
