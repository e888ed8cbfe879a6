"""The classes of danger that fresh/fresh2 showed missing (issue 9, third round), with new sentences.

Each kind of danger is tried with the verb in another place (inverted order, verb last), a
split verb, and told by someone else; each new concept has an everyday twin that must stay calm.
Written for this test, not copied from the evaluation sets.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase

DANGER: dict[str, dict[str, list[str]]] = {
    "suicide": {
        "inverted": [
            "Morgen doe ik het, er is voor mij geen enkele reden meer om door te gaan",
            "Zo fiets ik naar de spoorbrug, het heeft allemaal geen zin meer",
            "omdat hij er niet meer wil zijn heeft mijn neef zijn motor verkocht",
        ],
        "split verb": [
            "Mijn zus stuurde een appje dat ze van ons houdt en nu neemt ze niet meer op",
        ],
        "third person": [
            "Mijn tante zegt dat ze er niet meer wil zijn en ze heeft haar slaappillen bij elkaar gelegd",
            "Sinds mijn moeder dood is wil ik haar achterna",
            "Mijn vriendin stuurde een berichtje dat ze van ons houdt, nu is ze niet meer bereikbaar",
            "he is on the roof of the flats and says goodbye",
        ],
        "other": [
            "Ik wil mijn leven beëindigen",
            "i dont see the point of living anymore",
        ],
    },
    "domestic_violence": {
        "inverted": [
            "Doodsbang ben ik als hij vanavond thuiskomt",
            "Als mijn vriend thuiskomt ben ik doodsbang",
        ],
        "split verb": [
            "Haar vriend houdt haar al weken binnen en heeft haar paspoort afgepakt",
        ],
        "third person": [
            "Mijn zus haar man heeft haar weer toegetakeld",
            "Ik hoor de buurvrouw gillen en daarna harde klappen",
            "Mijn zwager heeft mijn zus met de auto willen overrijden",
            "Haar vriend staat met een bijl voor de deur",
            "my sister's husband dragged her by the hair down the stairs",
        ],
        "other": [
            "Mijn ex achtervolgt me en staat elke nacht voor mijn deur",
            "Mijn vader komt volgende week vrij en hij wil wraak",
            "her boyfriend said he would kill me if i leave",
        ],
    },
    "child_danger": {
        "inverted": [
            "Tegen de muur gooide mijn buurman zijn dochtertje",
            "Zonder eten krijgen de kinderen van de overburen niks, al dagen niet",
        ],
        "split verb": [
            "Mijn schoonzus neemt de kinderen morgen mee naar Marokko en ze dreigt dat ik ze nooit meer zie",
        ],
        "third person": [
            "De peuter van de overburen zit alleen in de auto op de parkeerplaats",
            "De baby van de benedenburen huilt al de hele nacht en de moeder is al dagen weg",
            "Het jongetje van drie hoog staat op blote voeten op de galerij en niemand doet open",
            "Op school zag de meester brandwonden op haar armen, ze zei dat het van haar vader was",
            "Mijn neef van 13 moet drugs verkopen van een groep oudere jongens",
            "Mijn ex is dronken en rijdt nu met onze zoon in de auto",
            "De kleuter van nummer 8 loopt om middernacht alleen over straat",
            "my neighbour's toddler is wandering around alone outside at midnight",
            "my daughter is 13 and an older man keeps sending her gifts and says keep it secret",
            "my dad is drunk and driving with my little brother in the car",
        ],
        "other": [
            "Ik ben zo boos dat ik bang ben dat ik mijn zoontje iets aandoe",
            "Mijn nichtje van 16 wordt gedwongen te trouwen",
            "Mijn zoon heeft een magneetje ingeslikt",
        ],
    },
    "medical": {
        "inverted": [
            "Aan de linkerkant kan mijn vader zijn arm niet meer voelen",
            "Na een pinda zwelt mijn keel op",
        ],
        "split verb": [
            "Mijn keel zwelt op na een pinda",
        ],
        "third person": [
            "Mijn opa is van de trap gevallen en hij is helemaal verward",
            "Mijn moeder is suikerpatiënt en ze is ineens heel verward en trillerig",
            "Mijn man is diabeet en hij is verward en zweet heel erg",
        ],
        "other": [
            "Mijn hart bonst heel snel en ik word duizelig",
        ],
    },
}

# Everyday twins of the new concepts: same words, no danger.
EVERYDAY = [
    "Ik wil er niet meer zijn voor de kinderen van mijn ex, ze zijn oud genoeg",
    "Ik ben zo bang voor het gesprek als mijn man thuiskomt met het nieuws over zijn baan",
    "We nemen de kinderen mee naar het buitenland op vakantie, hoe regel ik een paspoort?",
    "Mijn dochter van 16 gaat trouwen en ik zoek hulp voor de bruiloft",
    "Mijn zoon gooit zijn speelgoed tegen de muur als hij boos is",
    "De baby huilt de hele nacht, ik ben alleen thuis met de baby en heel moe",
    "Mijn kinderen krijgen geen eten mee naar school omdat we geen geld hebben",
    "Ik heb diabetes en zoek een diëtist",
    "Mijn oma is gevallen en ligt in het ziekenhuis, ze is nog wat verward",
    "Mijn hart gaat sneller als ik aan de rekeningen denk",
    "Ik hoor de buren elke nacht schreeuwen, kan de woningbouw iets doen?",
    "Mijn ex staat elke vrijdag voor de deur om de kinderen op te halen",
    "Mijn vader komt vrij uit de gevangenis en ik wil hem graag helpen met een woning",
    "Ik heb mijn arm verdraaid bij het volleyballen",
    "De kleine speelt alleen in de tuin, is dat goed voor haar ontwikkeling?",
    "Mijn dochter wil naar een feestje en ik moet haar iets moois aandoen",
    "Ik ben de hele dag moe en mijn leven is druk",
    "Hij zegt sorry voor alles en nu neemt hij de telefoon niet op, we hebben ruzie",
    "We hebben de gaskraan open gezet want de monteur kwam",
    "Er is bij mij ingebroken en nu durf ik niet meer alleen thuis te zijn",
    "Die huur wurgt me, elke maand is het krap",
    "In 2018 had ik een beroerte, nu wil ik graag weer werken",
    "my kids fight all the time, they hit each other",
    "I'm on the roof fixing the gutter, call you back later",
    "he gave away his old bike because he won't need it anymore, he bought a car",
    "got knocked out in the second round of the boxing match",
]


def _cases() -> list[tuple[str, str, str]]:
    return [(kind, how, text) for kind, hows in DANGER.items() for how, texts in hows.items() for text in texts]


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    return Matcher(sample_kb)


def test_every_kind_has_inverted_split_and_third_person_sentences() -> None:
    for kind, hows in DANGER.items():
        for how in ("inverted", "split verb", "third person"):
            assert hows.get(how), (kind, how)


@pytest.mark.parametrize(("kind", "how", "text"), _cases())
def test_danger_of_each_class_is_heard(matcher: Matcher, kind: str, how: str, text: str) -> None:
    crisis = matcher.match(text).crisis
    assert crisis.is_crisis, f"{kind} ({how}) missed: {text}"
    assert kind in crisis.kinds, f"{kind} ({how}) read as {crisis.kinds}: {text}"


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_twins_stay_calm(matcher: Matcher, text: str) -> None:
    crisis = matcher.match(text).crisis
    assert not crisis.is_crisis, f"false alarm ({crisis.kinds}): {text}"
