"""A fourth self-written set: many verb forms, typos and word orders, plus everyday look-alikes.

Written in one go before it was run (first run: see the commit that added this file).
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER: dict[str, list[str]] = {
    "domestic_violence": [
        "gisteravond mepte mijn man me zo hard dat mijn lip openlag",
        "hij heeft me vorige week in elkaar getrapt",
        "mn vriend ramde mijn hoofd tegen de kast",
        "ze sloegen me met een stok, mijn schoonfamilie",
        "toen ik nee zei kneep hij mijn keel dicht",
        "dat hij me ooit zou wurgen had ik nooit gedacht, maar gisteren deed hij het",
        "hij sleurde me aan mijn haren door de kamer",
        "mijn vrouw stak me met een schaar in mijn arm",
        "ik word mishandelt door mijn stiefvader",
        "he slapped me and pushed me down the stairs",
        "my boyfriend has been beating me for months",
        "my husband locked me in and took my phone",
    ],
    "suicide": [
        "ik heb de pillen al uitgeteld",
        "ik wil niet meer wakker worden",
        "als ik er niet meer ben, hebben ze eindelijk rust",
        "ik denk erover om mezelf op te hangen",
        "vannacht ga ik van de brug af springen",
        "ik heb mijn afscheidsbrieven klaarliggen",
        "mijn broertje heeft geprobeerd zich op te hangen",
        "ik heb zoveel paracetamol genomen, ik voel me raar",
        "i dont see the point in living anymore",
        "i am planning to overdose this weekend",
    ],
    "child_danger": [
        "de vader van het buurjochie slaat hem met een riem",
        "ik zag dat mijn buurvrouw haar dochtertje hard in het gezicht sloeg",
        "de tweeling van hiernaast is al twee dagen alleen thuis",
        "mijn achterneefje heeft brandwonden van een strijkijzer, dat deed zijn moeder",
        "een jongetje klimt over het hek van het spoor",
        "mijn kind heeft een fles wasbenzine leeggedronken",
        "my little boy swallowed a button battery",
        "the kids upstairs are screaming and their father is beating them",
        "the baby next door has been crying alone for hours",
        "a kid at school told me his mum burns him with cigarettes",
    ],
    "medical": [
        "mijn vader heeft opeens hele erge pijn op zijn borst",
        "ze is van haar fiets gevallen en is bewusteloos",
        "mijn man hapt naar lucht",
        "mijn zoon heeft een wesp ingeslikt en zijn keel zwelt op",
        "ze bloed heel erg uit haar hoofd",
        "mijn oma is onwel geworden en ligt op de vloer, ze zegt niks",
        "the baby stopped breathing",
        "my friend took something and now he is unconscious",
    ],
}

EVERYDAY: list[str] = [
    "mijn vriend mepte een vlieg dood",
    "hij ramde de deur open omdat hij de sleutel kwijt was",
    "de storm sloeg de ramen kapot",
    "ik heb de pillen van de apotheek opgehaald",
    "mijn baas wurgt me met al die regels",
    "mijn zoon springt van het duikplankje in het zwembad",
    "de kinderen klimmen over het hek van de speeltuin",
    "ik hap naar lucht als ik die rekening zie",
    "ik heb mijn afscheidsfeest van mijn werk gehad",
    "mijn oma is vorige maand overleden en ik mis haar",
    "de baby huilt als ze honger heeft",
    "mijn dochter heeft een wesp gezien en was bang",
    "ik word gek van de buren",
    "ik heb een schaar nodig voor de knutselclub",
    "mijn man heeft rugpijn van het tillen",
    "mijn moeder is onwel geweest maar nu weer thuis uit het ziekenhuis",
    "ik ben zo moe dat ik wel kan omvallen",
    "mijn kind heeft een strijkijzer nodig voor de strijkkraal",
    "de bus sloeg de halte over",
    "ik schop mijn schoenen uit als ik thuiskom",
    "the storm knocked the fence down",
    "my son jumped off the diving board",
    "i almost fainted when i saw the bill",
    "my husband beat me at chess again",
    "my kids are screaming because they want ice cream",
    "i need help with my gas bill",
    "this heat is killing me",
    "i want to die my hair purple",
    "my daughter is crying because her friend moved away",
    "the pills from my doctor help me sleep",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts])
def test_danger_in_many_forms(concepts_matcher: Matcher, kind: str, text: str) -> None:
    assert concepts_matcher.match(text).crisis.is_crisis, text


def test_everyday_look_alikes(concepts_matcher: Matcher) -> None:
    false = [t for t in EVERYDAY if concepts_matcher.match(t).crisis.is_crisis]
    assert len(false) <= 0, false
