"""A sixth self-written set, for a last honest figure after all tuning on the first five.

Written in one go before it was run (first run: see the commit that added this file).
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER: dict[str, list[str]] = {
    "suicide": [
        "omdat ik niemand meer heb, stop ik er vanavond mee",
        "de medicijnen van mijn moeder heb ik allemaal in een la verstopt voor straks",
        "ik denk steeds aan springen als ik de trein hoor",
        "mijn vriendin appte dat ze het niet meer ziet zitten en haar pillen pakt",
        "ik heb geen reden meer om te leven",
        "k ga mezelf wat aandoen",
        "ik heb gisteren bijna een overdosis genomen en wil het nu echt doen",
        "mijn zus heeft haar polsen doorgesneden",
        "i keep thinking about killing myself",
        "my dad told me he has a gun and wants to end it",
    ],
    "domestic_violence": [
        "als hij thuiskomt, slaat hij mij en de kinderen",
        "ze zegt dat haar man haar elke dag uitscheldt en slaat",
        "mijn partner heeft mijn arm gebroken",
        "hij trapte me in mijn buik terwijl ik zwanger was",
        "mijn ex bedreigt me met een mes",
        "ik heb blauwe plekken van mijn man",
        "de buurvrouw komt steeds met een blauw oog naar buiten, haar man is gewelddadig",
        "he hits me every time he is drunk",
        "my partner chokes me during arguments",
        "my mother in law slaps me",
    ],
    "child_danger": [
        "mijn buurjongetje van 5 zat vannacht alleen op de stoep te huilen",
        "de vader slaat zijn kinderen met een riem, ik hoor het door de muur",
        "mijn kleindochter zegt dat mama haar opsluit in de kast",
        "het meisje van hiernaast heeft steeds brandplekken",
        "de baby van mijn nicht wordt door haar vriend hardhandig door elkaar geschud",
        "mijn zoontje van 2 heeft de vaatwastabletten opgegeten",
        "er speelt een peuter zonder toezicht bij het water",
        "the neighbours leave their toddler alone in the flat all night",
        "my granddaughter says her stepdad touches her at night",
        "the boy next door has bruises and says his dad did it",
    ],
    "medical": [
        "mijn man is net in elkaar gezakt en ademt niet",
        "mijn moeder krijgt geen lucht en haar lippen zijn blauw",
        "hij heeft een steek in zijn borst die naar zijn arm gaat",
        "mijn dochter is van het klimrek gevallen en is buiten bewustzijn",
        "de hele keuken ligt vol bloed, mijn vader heeft zich gesneden en het stopt niet",
        "opa praat ineens krom en zijn arm doet het niet meer",
        "my baby is not breathing",
        "my husband is having a heart attack",
        "she is bleeding a lot and it will not stop",
        "my son had a fit and will not wake up",
    ],
}

EVERYDAY: list[str] = [
    "omdat ik niemand ken, stop ik met de cursus",
    "de medicijnen van mijn moeder liggen in de la",
    "ik hoor de trein de hele nacht, kan ik verhuizen",
    "mijn vriendin ziet het niet meer zitten met haar studie",
    "ik heb geen reden meer om in deze stad te blijven",
    "ik ga mezelf wat gunnen, een weekje weg",
    "ik heb gisteren bijna mijn bus gemist",
    "mijn zus heeft haar enkel gebroken",
    "i keep thinking about my debts",
    "my dad told me he wants to end his contract",
    "als hij thuiskomt, kookt hij voor mij en de kinderen",
    "ze zegt dat haar man elke dag laat thuiskomt",
    "mijn partner heeft zijn been gebroken bij het voetballen",
    "ik ben zwanger en zoek een verloskundige",
    "mijn ex wil de kinderen vaker zien",
    "ik heb blauwe plekken van het vallen met de fiets",
    "de buurvrouw heeft een blauw oog van een val",
    "he gets loud when he is drunk but never violent",
    "we have arguments about money",
    "my mother in law is visiting",
    "mijn buurjongetje van 5 komt vaak bij ons spelen",
    "de vader van mijn zoon betaalt geen alimentatie",
    "mijn kleindochter zegt dat mama een nieuwe baan heeft",
    "het meisje van hiernaast zit op dansles",
    "de baby van mijn nicht is geboren",
    "mijn zoontje van 2 wil niet eten",
    "er speelt een peuter in de zandbak",
    "the neighbours have a toddler and a dog",
    "my granddaughter stays with us at night sometimes",
    "the boy next door plays football with my son",
    "mijn man is net thuis en heeft honger",
    "mijn moeder heeft astma en gebruikt een puffer",
    "hij heeft last van zijn arm na het sporten",
    "mijn dochter is van het klimrek gevallen en heeft een bult",
    "mijn vader heeft zich gesneden bij het scheren",
    "opa praat veel over vroeger",
    "my baby is teething",
    "my husband had a heart attack two years ago and is doing well now",
    "she is bleeding from a small cut on her finger",
    "my son had a fit of laughter",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts])
def test_sixth_set_danger(concepts_matcher: Matcher, kind: str, text: str) -> None:
    assert concepts_matcher.match(text).crisis.is_crisis, text


def test_sixth_set_everyday(concepts_matcher: Matcher) -> None:
    false = [t for t in EVERYDAY if concepts_matcher.match(t).crisis.is_crisis]
    assert len(false) <= 1, false  # 40 sentences: at most one (2.5%)
