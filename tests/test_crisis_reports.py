"""A third self-written set: danger told by someone else, and everyday sentences full of risky words.

Written in one go before it was run (first run: see the commit that added this file).
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER: dict[str, list[str]] = {
    "child_danger": [
        "mijn kleindochter vertelde dat haar vader haar met de riem slaat",
        "de juf van mijn zoon belde: een klasgenootje komt steeds met blauwe plekken op school",
        "bij de buren hoor ik elke avond een kind gillen en dan klappen",
        "het jongetje van drie hoog zit vaak tot middernacht alleen op de galerij",
        "mijn buurvrouw laat haar baby urenlang alleen als ze gaat stappen",
        "ik zie de kinderen van nummer 12 in de vuilnisbakken naar eten zoeken",
        "mijn nichtje van zes zegt dat haar oom aan haar zit",
        "mijn ex schudt de baby door elkaar als hij huilt",
        "mijn kleinzoon heeft rare brandplekken op zijn handen en wil niet zeggen hoe",
        "een klein meisje zwerft al de hele middag alleen over straat",
        "de stiefmoeder van mijn neefje sluit hem op in zijn kamer zonder eten",
        "er staat een kind op de rand van het dak van de flat",
        "mijn peuter heeft pillen van oma opgegeten",
        "de kinderen van mijn zus worden thuis geslagen",
        "mijn dochter van 14 wordt door een man van 30 gedwongen om seks te hebben",
        "the girl next door told my daughter her dad hurts her",
        "my grandson has marks on his neck like someone grabbed him",
        "a toddler is wandering alone near the canal",
        "my sister leaves her kids alone for days",
        "i think my neighbour is starving his children",
    ],
    "suicide": [
        "mijn moeder heeft gezegd dat ze er een eind aan gaat maken",
        "mijn vriend stuurde een bericht dat hij afscheid neemt",
        "mijn zoon heeft zijn hele medicijndoos leeggegeten",
        "hij zit al een uur op het dak en wil springen",
        "ik heb alles opgeruimd en iedereen een brief geschreven, morgen ben ik weg",
        "my mum says she has nothing left to live for and has been collecting her pills",
    ],
    "domestic_violence": [
        "mijn dochter belde huilend dat haar vriend haar heeft geslagen",
        "de buurman mishandelt zijn vrouw, ik hoor haar schreeuwen",
        "ik ben door mijn partner tegen de grond gewerkt en geschopt",
        "sinds gisteren sluit hij me op en pakt mijn telefoon af",
        "my friend's husband choked her last night",
        "he said he will kill me if i leave",
    ],
    "medical": [
        "mijn buurman ligt in de tuin en reageert niet",
        "mijn moeder praat ineens heel raar en haar arm is slap",
        "de baby ademt heel snel en wordt grauw",
        "mijn vriend heeft te veel gedronken en is niet meer wakker te krijgen",
        "my grandad has chest pain and is sweating a lot",
        "my daughter has swallowed something and is choking",
    ],
}

EVERYDAY: list[str] = [
    "mijn kleinzoon komt dit weekend logeren",
    "de juf zegt dat mijn zoon moeite heeft met lezen",
    "mijn dochter huilt veel sinds de scheiding, is er hulp voor kinderen",
    "de kinderen van de buren spelen tot laat buiten in de zomer",
    "mijn peuter heeft koorts, naar welke dokter moet ik",
    "mijn kind is gevallen en heeft een schaafwond",
    "mijn zoon zit alleen op zijn kamer te gamen",
    "de baby slaapt slecht en ik ben uitgeput",
    "ik zoek een oppas voor mijn kinderen",
    "mijn dochter wil alleen naar school fietsen, mag dat",
    "mijn buurman slaat met deuren en maakt veel lawaai",
    "mijn man slaapt op de bank na ruzie",
    "mijn ex betaalt geen alimentatie",
    "mijn vriend wil dat ik bij hem intrek",
    "hij dreigt de omgangsregeling naar de rechter te brengen",
    "de woningbouw dreigt met ontruiming",
    "mijn moeder heeft dementie en raakt soms de weg kwijt",
    "mijn vader heeft suikerziekte en moet insuline spuiten",
    "ik heb last van hartkloppingen als ik gestrest ben",
    "mijn moeder is vorige week bijna gevallen in de douche",
    "ik ben doodop na mijn werk",
    "ik word er doodziek van dat niemand terugbelt",
    "mijn schulden maken me kapot",
    "ik zie het even niet zitten met die verhuizing",
    "mijn zoon zit op judo en komt vaak met blauwe plekken thuis",
    "i am scared of losing my house",
    "my son fell off his bike and has a bruise",
    "my ex threatens to take me to court over the kids",
    "the kids stay with their grandma every weekend",
    "my daughter cries when i drop her off at school",
    "my baby has a cough, which doctor should i call",
    "i lost my job and i feel like a failure",
    "my boss is killing me with overtime",
    "my dad died last year and i need help with his papers",
    "i cut my finger while cooking, it is fine now",
    "de kinderen zijn dood op na het schoolreisje",
    "mijn dochter slaat haar broertje soms als ze boos is, hoe pak ik dat aan",
    "ik wil graag een cursus opvoeden",
    "kan mijn kind ergens naar de zwemles",
    "het water in de kelder staat hoog na de regen",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts])
def test_danger_told_by_others(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, text


def test_everyday_sentences_with_risky_words(concepts_matcher: Matcher) -> None:
    false = [t for t in EVERYDAY if concepts_matcher.match(t).crisis.is_crisis]
    assert len(false) <= 1, false  # 40 sentences: at most one (2.5%)
