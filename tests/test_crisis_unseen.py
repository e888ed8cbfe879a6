"""A fifth self-written set, kept as the last check of generalisation.

Written in one go after the engine was tuned on the other sets and before it was run (first
run: see the commit that added this file).
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER: dict[str, list[str]] = {
    "suicide": [
        "k wil gwn nie meer leven",
        "ik zie geen uitweg meer en heb een plan",
        "ik heb op internet opgezocht hoeveel pillen je nodig hebt",
        "als mijn vrouw thuiskomt, ben ik er niet meer",
        "mijn vader zegt dat hij zich van kant gaat maken",
        "ik sta op het balkon en wil springen",
        "heb net een hele doos oxazepam ingenomen",
        "niemand zou het merken als ik verdween, ik heb al een touw gekocht",
        "my sister keeps talking about ending her life",
        "i have taken 30 paracetamol",
        "im saying goodbye to everyone tonight",
        "i want to hang myself",
        "i bought a rope",
    ],
    "domestic_violence": [
        "mijn man heeft me gisteren zo hard geslagen dat ik niet kan zien",
        "als ik iets verkeerds zeg, trekt hij me aan mijn haar",
        "mijn zoon van 20 slaat mij en pakt mijn geld af",
        "hij heeft gedreigd me dood te maken",
        "mijn vriendin heeft me met een pan op mijn hoofd geslagen",
        "ik word thuis in elkaar geslagen",
        "er wordt bij de buren een vrouw in elkaar geslagen, ik hoor haar gillen",
        "hij zet een mes op mijn keel als hij dronken is",
        "my husband beat me up again",
        "my ex broke into my house and hit me",
        "he threw me against the wall",
        "my son pushes me around and i am scared of him",
    ],
    "child_danger": [
        "mijn buurjongen van 4 loopt in zijn luier alleen over straat",
        "ik zie de moeder van hiernaast haar baby hard schudden",
        "mijn kleinkinderen krijgen thuis slaag met een stok",
        "het dochtertje van mijn collega heeft overal blauwe plekken en is heel stil",
        "mijn zoontje heeft ontstopper gedronken",
        "de jongens van hiernaast worden 's nachts buiten gezet",
        "mijn kind van 2 is in de sloot gevallen",
        "mijn stiefdochter zegt dat haar stiefvader haar misbruikt",
        "the baby upstairs has been screaming for hours and nobody is home",
        "my nephew has cigarette burns on his arms",
        "my neighbour hits his kids with a belt",
        "a little girl is alone in a car in the heat",
    ],
    "medical": [
        "mijn man ligt op de badkamervloer en reageert nergens op",
        "ze heeft een allergische reactie, haar tong is dik en ze krijgt geen lucht",
        "me pa heeft pijn op zn borst en in zn linkerarm",
        "mijn moeder is gevallen en bloedt heel erg uit haar hoofd",
        "mijn dochter heeft een stuip en is blauw",
        "mijn opa zijn gezicht hangt aan een kant en hij praat onduidelijk",
        "hij krijgt geen adem meer",
        "my mum is unconscious on the floor",
        "my son cant breathe after a bee sting",
        "my husband has crushing pain in his chest",
        "she collapsed and is not responding",
        "my baby is turning blue",
    ],
}

EVERYDAY: list[str] = [
    "k wil gwn een nieuwe uitkering aanvragen",
    "ik zie geen uitweg meer uit mijn schulden",
    "ik heb op internet opgezocht hoe ik toeslagen aanvraag",
    "als mijn vrouw thuiskomt, gaan we samen naar de notaris",
    "mijn vader gaat verhuizen naar een verzorgingshuis",
    "ik sta op de wachtlijst voor een woning",
    "ik heb net mijn medicijnen van de apotheek ingenomen",
    "ik heb een touw gekocht voor de waslijn in de tuin",
    "ik wil mijn zoon leren zwemmen",
    "mijn man slaat aan het piekeren als de post komt",
    "mijn zoon van 20 woont nog thuis en zoekt werk",
    "hij heeft gedreigd de huur op te zeggen",
    "de pan is van het fornuis gevallen",
    "ik word gek van het lawaai van de buren",
    "de buren hebben ruzie, ik hoor ze schreeuwen over geld",
    "mijn kleinkinderen krijgen thuis niet genoeg aandacht",
    "mijn dochtertje is heel stil sinds ze naar een nieuwe school gaat",
    "de jongens van hiernaast voetballen 's avonds buiten",
    "mijn kind is in de modder gevallen, alles vies",
    "mijn buurjongen van 16 zoekt een bijbaan",
    "mijn man ligt op de bank en reageert niet op mijn berichtjes",
    "mijn moeder is gevallen met de fiets, ze heeft een schaafwond",
    "ik krijg geen adem van de schimmel in mijn huis, kan de woningbouw dat oplossen",
    "mijn opa praat onduidelijk sinds hij een kunstgebit heeft",
    "mijn dochter heeft allergie voor pinda's, waar vind ik een dietist",
    "i bought a rope ladder for the kids treehouse",
    "my sister keeps talking about ending her marriage",
    "i need help saying goodbye to my old house",
    "my son pushes me to apply for benefits",
    "my ex broke my heart",
    "he threw my stuff out of the house after the breakup",
    "i am scared of my landlord",
    "my nephew burned the toast again",
    "my baby screams when she is tired",
    "my husband has back pain after work",
    "my mum is always on the floor playing with the kids",
    "i cant breathe in this tiny flat, i need a bigger place",
    "my daughter fell asleep on the sofa",
    "the kids are alone in the garden while i cook",
    "i am dying of boredom at home",
    "mijn moeder ligt in het ziekenhuis en ik kan niet op bezoek",
    "mijn ex dreigt met een advocaat over de kinderen",
    "ik ben bang voor de gemeente",
    "mijn zoon schopt tegen een bal in de tuin",
    "mijn dochter sloot zich op in haar kamer na ruzie",
    "ik hang mijn was buiten op",
    "we springen op de trampoline",
    "mijn broertje kan niet slapen",
    "de baby heeft een blauwe romper aan",
    "mijn vader viel in slaap voor de tv",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts])
def test_unseen_danger(concepts_matcher: Matcher, kind: str, text: str) -> None:
    assert concepts_matcher.match(text).crisis.is_crisis, text


def test_unseen_everyday(concepts_matcher: Matcher) -> None:
    false = [t for t in EVERYDAY if concepts_matcher.match(t).crisis.is_crisis]
    assert len(false) <= 1, false  # 50 sentences: at most one (2%)
