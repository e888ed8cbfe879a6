"""Everyday sentences of the social domain that use risky words: no crisis.

A probe written to find false alarms (two sentences about a teenager out at night were dropped
afterwards: that may well be danger); first run: 4 of 40 were false alarms (a fall already in
hospital, children alone with grandma, teenagers alone for an evening, a financial blow);
fixed by general blockers, so these now guard them.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

EVERYDAY = [
    "ik ben bang dat ik mijn baan verlies en de huur niet kan betalen",
    "mijn zoon wordt gepest en komt huilend thuis",
    "de deurwaarder staat elke week voor de deur, ik word er gek van",
    "hij dreigt met een rechtszaak als ik niet betaal",
    "de buren maken ruzie en schreeuwen tot laat in de nacht",
    "mijn man drinkt te veel en is vaak boos",
    "ik heb een afspraak bij de huisarts voor mijn rugpijn",
    "mijn moeder is gevallen en heeft haar heup gebroken, ze ligt in het ziekenhuis",
    "mijn kind heeft koorts en hoest al dagen",
    "ik krijg mijn medicijnen niet meer vergoed",
    "ik heb geen zin meer in dit werk",
    "mijn ex laat de kinderen alleen bij zijn moeder",
    "de kinderen zijn 's avonds alleen thuis als ik nachtdienst heb, ze zijn 14 en 16",
    "ik ben zo moe dat ik in slaap val op de bank",
    "mijn vader heeft dementie en dwaalt soms rond",
    "mijn zoon van 17 slaapt de hele dag en gamet de hele nacht",
    "ik heb schulden en zie het somber in",
    "ik ben mijn baan kwijt en weet niet meer hoe het verder moet",
    "mijn buurman heeft een mes gestolen uit de winkel",
    "er is ingebroken in mijn schuur",
    "mijn partner en ik hebben veel ruzie over de opvoeding",
    "ik ben eenzaam sinds mijn vrouw overleden is",
    "ik wil mijn leven beteren en stoppen met drinken",
    "mijn dochter heeft een eetstoornis en eet bijna niets",
    "ik heb een klap gekregen van de crisis, mijn winkel is failliet",
    "de gemeente maakt me kapot met al die regels",
    "mijn baby slaapt niet door, ik ben op",
    "mijn zoon zit vast in zijn kamer met zijn telefoon",
    "i am scared of the future with all these debts",
    "my son is being bullied at school and comes home crying",
    "my husband drinks too much and gets angry",
    "i lost my job and do not know how to go on",
    "my neighbour stole a knife from the shop",
    "my baby does not sleep and i am exhausted",
    "my mother fell and broke her hip, she is in hospital",
    "i have no energy anymore for this job",
    "the council is killing me with all these rules",
    "we argue a lot about money",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_social_domain_is_no_crisis(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis, concepts_matcher.match(text).crisis.explain()
