"""A second set of sentences written for the crisis engine, in the classes of the issue.

Written in one go before these sentences were run (first run: see the commit message that
added this file); now they guard the engine. Thresholds as the product asks: recall at least
0.95 overall and per kind of danger, at most 3% false alarms.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase

RECALL_MIN = 0.95
FALSE_MAX = 0.03

DANGER: dict[str, list[str]] = {
    "suicide": [
        "morgen ben ik er niet meer, ik heb alles geregeld",
        "ik heb een touw op zolder gelegd",
        "mijn moeder zegt steeds dat ze niet meer wil leven",
        "de pillen liggen klaar voor vanavond",
        "niemand zal me missen als ik van het dak spring",
        "ik denk er elke dag aan om voor de trein te stappen",
        "mijn zoon heeft een afscheidsbrief geschreven",
        "ik heb mijn testament gemaakt en mijn kat weggegeven",
        "als ik mezelf iets aandoe is iedereen van me af",
        "het liefst zou ik gewoon niet meer wakker worden",
        "ik spaar al weken mijn slaappillen op",
        "mn vriendin heeft een hele strip paracetamol geslikt",
        "ik kan niet meer, ik wil er een punt achter zetten",
        "waarom zou ik nog doorgaan, het leven heeft geen zin meer",
        "ik sta nu op de brug",
        "ik heb me weer gesneden in mijn armen",
        "i am going to end it tonight",
        "my brother said he wants to kill himself",
        "i have been cutting myself again",
        "i took a whole bottle of pills",
        "nobody would care if i was gone, i have the rope ready",
        "i wrote goodbye letters to my kids",
        "i dont want to live anymore",
        "im standing on the bridge",
    ],
    "domestic_violence": [
        "mijn vriend heeft me vannacht bij mijn keel gegrepen",
        "hij heeft mijn hoofd tegen de muur geslagen",
        "elke keer als hij drinkt, krijg ik klappen",
        "mijn man dreigt dat hij me vermoordt als ik wegga",
        "ik durf niet naar huis want mijn partner slaat me",
        "mijn dochter wordt door haar man mishandeld",
        "de buurvrouw zegt dat haar man haar met een mes heeft bedreigd",
        "hij sloot me de hele nacht op in de badkamer",
        "hij duwde me van de trap",
        "mijn ex staat voor de deur en dreigt binnen te komen, hij heeft me vorige week in elkaar geslagen",
        "mijn vader schopt mijn moeder als ze iets verkeerd zegt",
        "mn man heeft me gister weer geslage",
        "ik word thuis steeds geslagen en geschopt",
        "hij gooide een fles naar mijn hoofd",
        "ik ben bang dat mijn man me iets aandoet",
        "my husband punched me in the face last night",
        "he keeps threatening to kill me",
        "my partner strangled me until i passed out",
        "my dad beats my mum",
        "she is being abused by her boyfriend",
    ],
    "child_danger": [
        "het buurmeisje heeft steeds blauwe plekken op haar armen",
        "de kinderen hiernaast krijgen nooit eten en zijn heel mager",
        "er loopt een kleuter in zijn eentje langs het kanaal",
        "mijn ex slaat onze zoon",
        "de peuter van de overburen zit al de hele dag alleen in huis",
        "mijn dochter van 3 heeft een batterij ingeslikt",
        "de oppas heeft mijn kind geslagen",
        "de jongen uit mijn klas heeft brandplekken van sigaretten",
        "mijn kleinzoon vertelt dat zijn stiefvader hem opsluit in de kast",
        "de baby huilt al uren en de ouders zijn weg",
        "ik zag een klein kind op de vensterbank van de derde verdieping",
        "de buurman betast zijn dochter",
        "mijn neefje wordt door zijn vader geslagen met een riem",
        "my neighbour leaves her baby alone all day",
        "the little boy next door has bruises all over his back",
        "my toddler drank bleach",
        "a child is standing alone on the roof of the shed near the edge",
        "her stepdad hits the kids",
        "the kids across the road are left alone every night",
        "my granddaughter told me her uncle touches her",
    ],
    "medical": [
        "mijn vader ligt op de grond en ademt bijna niet",
        "mijn vrouw heeft een hevige pijn in haar borst en zweet erg",
        "mijn baby wordt blauw rond zijn mond",
        "hij is van de trap gevallen en reageert niet meer",
        "ze krijgt opeens haar woorden niet meer en haar mond hangt scheef",
        "mijn zoon heeft een epileptische aanval die niet stopt",
        "mijn moeder is flauwgevallen en wordt niet wakker",
        "het bloed spuit uit zijn been",
        "na een pinda is zijn gezicht opgezwollen en hij krijgt geen lucht",
        "ik krijg bijna geen adem",
        "mn opa zakt in elkaar en praat raar",
        "mijn man heeft een drukkend gevoel op de borst dat uitstraalt naar zijn kaak",
        "she is not breathing",
        "my dad collapsed and is unconscious",
        "my son is having a seizure and it wont stop",
        "i cant breathe and my chest hurts",
        "my wife is bleeding heavily after a fall",
        "my baby's lips are turning blue",
    ],
}

EVERYDAY: list[str] = [
    "ik zoek iemand die me kan helpen met mijn belastingaangifte",
    "die brief van de gemeente snap ik niet",
    "mijn kind wil niet naar school",
    "de kinderen zijn alleen thuis tot ik om vijf uur terug ben van werk",
    "mijn zoon speelt graag buiten bij het water met zijn vriendjes",
    "ik heb pijn in mijn rug door het tillen",
    "mijn dochter heeft een blauwe plek van het fietsen",
    "ik ben bang dat ik mijn huis kwijtraak",
    "ik ben bang voor de tandarts",
    "mijn man is ziek en ligt op bed",
    "ik heb medicijnen nodig maar kan ze niet betalen",
    "de apotheek heeft mijn pillen niet op voorraad",
    "mijn oma is vorig jaar overleden",
    "mijn vader is dood en ik moet zijn huis leeghalen",
    "de deurwaarder dreigt beslag te leggen op mijn loon",
    "mijn verhuurder dreigt me uit huis te zetten",
    "ik word gek van die formulieren",
    "die baas maakt me helemaal kapot",
    "ik schrik me dood van de energierekening",
    "ik ga dood van de verveling hier",
    "die rekening slaat nergens op",
    "ik sla het ontbijt vaak over omdat ik geen geld heb",
    "mijn zoon wordt gepest op school",
    "ik heb geen adem meer na de trap, ik ben te zwaar",
    "ik wil stoppen met roken",
    "hoe kom ik aan een rollator",
    "vroeger werd ik geslagen door mijn vader, nu gaat het goed met me",
    "jaren geleden heb ik een overdosis genomen, ik ben nu al lang clean",
    "mijn kind viel bijna van de schommel gisteren",
    "ik viel gisteren bijna flauw van de hitte",
    "ik ben mijn spullen aan het uitzoeken voor de verhuizing",
    "ik heb mijn oude kleren weggegeven aan de kringloop",
    "mijn buurman schreeuwt vaak naar zijn hond",
    "ik wil dood graag een nieuwe baan",
    "mijn baby huilt veel 's nachts, ik ben zo moe",
    "mijn zoon klimt graag in bomen",
    "de kleine heeft een brandwond van de oven, de huisarts heeft ernaar gekeken",
    "mijn man heeft astma en gebruikt een pufje",
    "ik wil mijn leven weer op orde krijgen",
    "i am dying to see my grandchildren again",
    "my landlord is threatening me with court",
    "this paperwork is killing me",
    "my kids are home alone for an hour after school",
    "i hit my head on the cupboard",
    "my daughter has a bruise from football",
    "i used to self harm years ago but i am doing well now",
    "i need help with my medication costs",
    "my son is scared of the dark",
    "i am afraid i will lose my job",
    "i nearly fainted in the heat last week",
    "i want to kill time before my appointment",
    "i am out of breath after climbing the stairs",
    "my husband is a good man, he never hits me",
    "het kind van de buren speelt vaak alleen in de tuin",
    "ik snij me altijd bij het koken",
    "mijn hart doet pijn van verdriet sinds de scheiding",
    "ik heb moeite met ademhalen als ik angstig ben, kan ik met iemand praten",
    "mijn vriend gooit altijd zijn sokken op de grond",
    "we hebben ruzie over geld",
    "kan ik ergens terecht voor relatietherapie",
]


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    return Matcher(sample_kb, second_opinion=False)  # the concepts alone; tests/test_second_opinion.py adds the model


def test_recall_per_kind_and_false_alarms(matcher: Matcher) -> None:
    missed = []
    for kind, texts in DANGER.items():
        found = sum(1 for text in texts if kind in matcher.match(text).crisis.kinds)
        missed += [f"{kind}: {t}" for t in texts if not matcher.match(t).crisis.is_crisis]
        assert found / len(texts) >= RECALL_MIN, (kind, found, len(texts), missed)
    false = [t for t in EVERYDAY if matcher.match(t).crisis.is_crisis]
    assert len(false) / len(EVERYDAY) <= FALSE_MAX, false
