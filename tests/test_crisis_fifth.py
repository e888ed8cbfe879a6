"""Issue 9, fifth round: probes for the broader classes fresh4 showed missing.

Written before the engine changed (none of them comes from an evaluation set); the figures before
and after are in knowledge/crisis/README.md. Each weak kind has its own probes, and the everyday
twins use the same words without the danger.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

PROBES: dict[str, list[str]] = {
    "child_danger": [
        "mijn buurvrouw is stomdronken en haar dochtertje van 4 loopt alleen door de flat",
        "de vader van mijn kleinzoon is stoned als hij op hem past en gisteren viel de kleine van de trap",
        "het jongetje van hiernaast stinkt, heeft altijd dezelfde kleren aan en vraagt bij ons om eten",
        "mijn nichtje van 9 krijgt van haar stiefmoeder geen eten als ze stout is geweest",
        "onze zoon van 14 is weggelopen, zijn telefoon staat uit en hij slaapt bij mannen die hem drugs geven",
        "een man van 40 chanteert mijn dochter van 13 met naaktfoto's",
        "mijn dochter van 10 zegt dat haar zwemleraar haar in de douche aanraakt",
        "mijn zoontje van 6 had een touw om zijn nek gedaan en zei dat hij dood wilde",
        "de oppas heeft de baby laten vallen en nu is hij heel stil en wil hij niet drinken",
        "ik ben 11 en mijn vader is al vier dagen weg, er is geen eten meer in huis",
        "de oom van mijn buurjongen van 12 geeft hem elke avond drank en wiet",
        "ik zag dat mijn schoonvader mijn dochtertje slaat als hij op haar past",
        "het buurkind zit elke avond tot laat op de galerij in een t-shirt terwijl het vriest",
        "mijn ex is aan het drinken en moet vannacht alleen op onze baby van 5 maanden passen",
        "de tweeling van de buren wordt steeds met een riem geslagen door hun vader",
        "ik weet dat de kinderen van mijn zus al dagen niet gegeten hebben omdat zij de hele tijd dronken is",
    ],
    "medical": [
        "mijn vader is diabeet en zit te zweten, hij is helemaal in de war en zegt niks meer",
        "mijn baby van 3 weken heeft koorts en drinkt niet meer, ze is heel slap",
        "mijn zoon heeft een nootje gegeten terwijl hij allergisch is en nu krijgt hij vlekken en piept hij",
        "ik heb me met een mes in mijn been gesneden en het bloed spuit eruit",
        "mijn opa heeft 40 graden koorts en kan niet meer staan",
        "er ligt een kind in de vijver en het gaat steeds kopje onder",
        "mijn moeder heeft haar hele arm verbrand met kokend water",
        "mijn man is met de scooter aangereden en beweegt zijn benen niet meer",
        "mijn buurman heeft een hele strip oxycodon genomen en wordt heel slaperig",
        "mijn hart klopt als een gek, 200 per minuut, en ik word duizelig",
        "de buurvrouw doet al dagen niet open en ik hoor haar kreunen door de deur",
        "mijn zoontje heeft een snoepje in zijn keel en kan niet meer hoesten",
        "mijn vrouw haar gezicht trekt ineens scheef en haar arm hangt slap",
        "mijn vriend zijn lippen worden blauw en hij stikt bijna",
        "mijn dochter heeft hoge koorts en een stijve nek en ze is heel suf",
        "mijn oma heeft vreselijke buikpijn, koorts en het wordt steeds erger, ze kan niet lopen",
    ],
    "suicide": [
        "morgen spring ik van de Van Brienenoordbrug, niemand gaat me missen",
        "het is beter voor iedereen als ik er niet meer ben",
        "ik zit in de auto in de garage met de motor aan",
        "ik ga er tussenuit, voorgoed",
        "ik loop de zee in en ik kom er niet meer uit",
        "mijn buurman stuurde 'bedankt voor alles' en is al dagen niet meer gezien",
    ],
}

EVERYDAY = [
    "mijn zoon van 4 vroeg waarom oom zo dronken was op het verjaardagsfeest",
    "mijn dochter van 10 vraagt steeds om eten tussendoor, is dat normaal?",
    "mijn zoon van 16 krijgt op school les over drugs en drank",
    "de kinderen zitten elke avond tot laat buiten te spelen nu het zomer is",
    "mijn baby drinkt goed en is een heel stil en tevreden kindje",
    "mijn baby heeft koorts, welke huisarts is er in het weekend open?",
    "mijn zoon is allergisch voor noten, welke school let daar op?",
    "ik heb koorts en hoofdpijn, kan ik me ziek melden bij mijn werk?",
    "mijn zoontje gaat bij zwemles steeds kopje onder en vindt het eng",
    "ik had een aanrijding met de auto, hoe gaat het met de schade en de verzekering?",
    "ik ga er even tussenuit, een weekje naar zee",
    "mijn opa kan niet goed meer lopen, kunnen we een scootmobiel aanvragen?",
    "mijn oma heeft een blauwe arm van de val vorige week, het gaat al beter",
    "ik heb me gebrand aan de oven, een klein blaartje, welke zalf helpt?",
    "mijn hart klopt als een gek van de zenuwen voor mijn examen",
    "de buurvrouw is al dagen op vakantie en haar post ligt tegen de deur",
    "mijn man is gestopt met drinken en dat gaat goed met de kinderen",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in PROBES.items() for t in texts])
def test_each_probe_is_read_as_a_crisis_of_its_kind(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert kind in crisis.kinds, (crisis.kinds, crisis.evidence)


@pytest.mark.parametrize("text", EVERYDAY)
def test_each_everyday_twin_stays_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, crisis.evidence
