"""The classes of danger that fresh/fresh2 showed missing (issue 9, third round), with new sentences.

Each kind of danger is tried with the verb in another place (inverted order, verb last), a
split verb, and told by someone else; each new concept has an everyday twin that must stay calm.
Written for this test, not copied from the evaluation sets.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

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


def test_every_kind_has_inverted_split_and_third_person_sentences() -> None:
    for kind, hows in DANGER.items():
        for how in ("inverted", "split verb", "third person"):
            assert hows.get(how), (kind, how)


@pytest.mark.parametrize(("kind", "how", "text"), _cases())
def test_danger_of_each_class_is_heard(concepts_matcher: Matcher, kind: str, how: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, f"{kind} ({how}) missed: {text}"
    assert kind in crisis.kinds, f"{kind} ({how}) read as {crisis.kinds}: {text}"


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_twins_stay_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, f"false alarm ({crisis.kinds}): {text}"


# A second probe, written in one go before it was run (first run: 47 of 54 dangers heard, 5 of 40
# everyday sentences alarmed); the classes it showed were then fixed (a goodbye text and a phone that is off,
# driving into a tree, a child kept quiet with pills, lying on the floor for hours, fireworks, a cat kept in).
PROBE: list[tuple[str, str]] = [
    ("suicide", "ik kan niet meer, ik heb alle pillen van mijn moeder in mijn tas en ga naar het park"),
    ("suicide", "niemand zal me missen als ik er morgen niet meer ben"),
    ("suicide", "k heb een brief geschreven voor mn kinderen en ga vannacht weg voor altijd"),
    ("suicide", "mijn vader zegt steeds dat hij het leven niet meer ziet zitten en hij heeft zijn geweer "
                "schoongemaakt"),
    ("suicide", "ik heb op internet gezocht hoeveel paracetamol dodelijk is"),
    ("suicide", "mijn dochter van 15 snijdt zich elke avond en zegt dat ze dood wil"),
    ("suicide", "ik sta op het dak van de flat en durf niet terug"),
    ("suicide", "mijn buurman heeft afscheid genomen van iedereen en zijn hond weggegeven"),
    ("suicide", "ik ga mezelf ophangen in de schuur"),
    ("suicide", "mijn man heeft een touw op zolder gehangen en zegt dat het voor hem is"),
    ("suicide", "I have been saving my pills for weeks and tonight is the night"),
    ("suicide", "my mum texted me goodbye and her phone is off now"),
    ("suicide", "nobody would care if I was gone, I've written my letters"),
    ("suicide", "I keep thinking about driving my car into a tree"),
    ("domestic_violence", "mijn man slaat me als hij gedronken heeft en vannacht was het heel erg"),
    ("domestic_violence", "hij heeft mijn telefoon kapot gegooid en me bij de keel gegrepen"),
    ("domestic_violence", "mijn vriend heeft me gisteren met een mes bedreigd, ik ben nu bij een vriendin maar "
                          "moet terug"),
    ("domestic_violence", "ze heeft me uit huis geschopt en mijn hoofd tegen de deur geslagen"),
    ("domestic_violence", "mijn zus wordt door haar man opgesloten en mag niemand bellen"),
    ("domestic_violence", "de buurman scheldt zijn vrouw uit en ik hoor haar huilen en iets kapot vallen"),
    ("domestic_violence", "m'n lief pakt me bij m'n keel als hij zat is"),
    ("domestic_violence", "mijn schoonzoon heeft mijn dochter een blauw oog geslagen"),
    ("domestic_violence", "my husband pushed me down the stairs and says next time he'll kill me"),
    ("domestic_violence", "my partner won't let me leave the house and took my keys and phone"),
    ("domestic_violence", "my dad hits my mum every weekend and I'm scared"),
    ("child_danger", "ik zie dat de moeder van mijn leerling haar kind hard slaat bij het hek"),
    ("child_danger", "de kinderen van de bovenburen zijn al twee dagen alleen, ik hoor ze huilen"),
    ("child_danger", "mijn ex geeft ons zoontje van 3 slaappillen zodat hij stil is"),
    ("child_danger", "een jongetje van een jaar of vijf loopt in zijn pyjama langs de snelweg"),
    ("child_danger", "mijn kleinzoon zegt dat zijn stiefvader hem met een riem slaat"),
    ("child_danger", "het dochtertje van de buren heeft steeds blauwe plekken en ze is bang om naar huis te gaan"),
    ("child_danger", "mijn peuter heeft een flesje ontstopper gedronken"),
    ("child_danger", "de baby van mijn zus is zo mager en ze geeft hem bijna nooit eten"),
    ("child_danger", "een man van 40 stuurt mijn dochter van 12 berichtjes en wil afspreken"),
    ("child_danger", "mijn zoontje zit al een uur opgesloten in de hete auto op de parkeerplaats"),
    ("child_danger", "the little boy next door is always locked out and crying in the cold at night"),
    ("child_danger", "my nephew (4) told me his dad burns him with cigarettes"),
    ("medical", "my baby is not breathing properly and her lips are turning blue"),
    ("medical", "mijn moeder is ineens gevallen en praat heel raar, haar mond hangt scheef"),
    ("medical", "mijn man heeft heel erge pijn op zijn borst die uitstraalt naar zijn arm"),
    ("medical", "ik krijg geen lucht meer en mijn keel zit dicht na die noten"),
    ("medical", "mijn opa is niet wakker te krijgen"),
    ("medical", "de bloeding stopt niet, het bloed spuit uit zijn been"),
    ("medical", "mijn zoontje heeft een stuip en hij reageert niet"),
    ("medical", "m'n vrouw ligt op de grond en ademt heel raar"),
    ("medical", "mijn vader is gevallen en kan niet meer opstaan, hij ligt er al uren"),
    ("medical", "ik heb heel veel pijn in mijn buik en ik ben zwanger en ik bloed"),
    ("medical", "my dad collapsed in the kitchen and isn't responding"),
    ("medical", "my friend took a lot of pills at a party and won't wake up"),
    ("medical", "she is having a fit and it's been going on for ten minutes"),
    ("medical", "mn vader heeft suikerziekte en hij is heel raar aan het doen en zweet en is verward"),
    ("medical", "kan nie meer ademe en mn lippe worde blauw"),
    ("medical", "ik heb zo'n pijn op me borst en me arm doet ook pijn"),
    ("medical", "Mijn buurvrouw van 90 ligt al sinds gisteren op de vloer"),
]

PROBE_EVERYDAY = [
    "Mijn zoon ligt al uren op de bank te gamen, hoe krijg ik hem naar buiten?",
    "Ik heb alle pillen van de apotheek in mijn tas, maar ik snap de bijsluiter niet",
    "Ik ben bang dat ik mijn baan verlies als ik ziek word",
    "Mijn dochter van 14 wil alleen thuis blijven als wij uit eten gaan, mag dat?",
    "Het manneke van de buren speelt elke dag op straat, heel gezellig",
    "Mijn moeder is gevallen met de fiets, ze heeft een schaafwond",
    "De baby van mijn zus huilt veel, ze is moe",
    "Mijn ex neemt de kinderen in de zomer mee naar Spanje op vakantie",
    "Mijn buurman is dronken thuisgekomen en zong heel hard",
    "Ik sta op de brug te wachten op mijn vriendin",
    "We hoorden klappen van vuurwerk en gegil van blije kinderen met oud en nieuw",
    "Mijn vader komt vrij na een taakstraf en zoekt werk",
    "Mijn zoon gooit de bal tegen de muur van de buren, ze klagen steeds",
    "Mijn hart gaat sneller als ik sport, is dat normaal?",
    "Ik heb diabetes en mijn suiker is soms te hoog, kan ik een cursus volgen?",
    "Mijn arm slaapt soms als ik op mijn zij lig",
    "Mijn dochter trouwt volgend jaar met haar vriend, ze zijn allebei 25",
    "Onze juf zei dat mijn zoon blauwe plekken heeft van het voetballen",
    "Mijn vriendin stuurde sorry voor alles omdat ze de afspraak vergat",
    "Ik geef mijn zoontje paracetamol als hij koorts heeft, hoeveel mag dat?",
    "Mijn oom komt elke zondag bij ons eten",
    "Ik rij elke dag langs de snelweg naar mijn werk",
    "Ik heb afscheid genomen van mijn oude huis, we verhuizen",
    "Die huisbaas maakt me gek, de verwarming is al weken kapot",
    "Mijn man is diabeet en moet naar de oogarts",
    "Mijn buurvrouw houdt haar kat binnen sinds er een vos is gezien",
    "Ik ben mijn paspoort kwijt, hoe vraag ik een nieuwe aan?",
    "Mijn kinderen slapen op de grond omdat we geen bedden hebben",
    "Mijn ex staat elke zaterdag bij mijn huis om de kinderen op te halen",
    "Het leven is duur, ik kom niet meer rond",
    "I'm dying to see my grandchildren again",
    "my boss is killing me with all this overtime",
    "my toddler fell off the sofa but he is fine now",
    "she texted me goodbye before her flight, can you help me with her mail?",
    "I drove into a tree last winter because of the ice, the insurance won't pay",
    "my son keeps punching his pillow when he is angry",
    "i gave away my old clothes to charity",
    "my daughter is 15 and wants to meet a boy from school",
    "my husband drinks a lot at parties",
    "my neighbour screams at her kids every morning",
]


@pytest.mark.parametrize(("kind", "text"), PROBE)
def test_second_probe_danger_is_heard(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis and kind in crisis.kinds, f"{kind} read as {crisis.kinds}: {text}"


@pytest.mark.parametrize("text", PROBE_EVERYDAY)
def test_second_probe_everyday_stays_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, f"false alarm ({crisis.kinds}): {text}"


# A third probe in the styles a resident types (chat spelling, Flemish, learner Dutch, English), written
# before it was run: 46 of 47 dangers heard (not "I have a rope and I know where I will do it"), 3 of 40
# everyday sentences alarmed ("die deadline vermoordt me", "slaat de spijker op zijn kop", "dood gewoon").
PROBE3: list[tuple[str, str]] = [
    ("suicide", "ik wil niet meer leve, alles is zwart"),
    ("suicide", "mn broer zegt dat ie er een eind aan maakt vanavond"),
    ("suicide", "ik heb de pillen al geteld, morgen neem ik ze allemaal"),
    ("suicide", "wil gewoon slapen en nooit meer wakker worden"),
    ("suicide", "ik zie geen uitweg meer, ik heb een mes gepakt"),
    ("suicide", "Ik ben een last voor iedereen, het is beter als ik verdwijn"),
    ("suicide", "mijn moeder heeft een afscheidsbrief op tafel gelegd en is weg"),
    ("suicide", "ik mij dood maken, geen zin leven"),
    ("suicide", "ze zit op de vensterbank van de 8e verdieping en wil springen"),
    ("suicide", "I want to end it all tonight"),
    ("suicide", "I have a rope and I know where I will do it"),
    ("suicide", "my best friend said she is going to kill herself"),
    ("domestic_violence", "hij slaat mij elke dag, ik ben bang"),
    ("domestic_violence", "mijn man heeft me geslagen met een riem, ik bloed"),
    ("domestic_violence", "mijn vriend duwde me van de trap af"),
    ("domestic_violence", "hij zegt dat hij me vermoordt als ik naar de politie ga"),
    ("domestic_violence", "mijn broer schopt mijn moeder en ze ligt op de grond"),
    ("domestic_violence", "ge moet komen, mijne vent slaat mij in elkaar"),
    ("domestic_violence", "mijn man pakte me bij mijn keel en kneep tot ik geen lucht kreeg"),
    ("domestic_violence", "my boyfriend hits me when he is drunk"),
    ("domestic_violence", "he choked me last night and said he will do it again"),
    ("domestic_violence", "my husband locks me in the bedroom"),
    ("child_danger", "mijn zoontje van 2 is in de sloot gevallen en ik zie hem niet meer"),
    ("child_danger", "de buurjongen van 6 wordt elke dag geslagen door zijn vader"),
    ("child_danger", "ik denk dat de oppas mijn baby door elkaar schudt"),
    ("child_danger", "mijn dochter van 7 wordt misbruikt door haar opa"),
    ("child_danger", "de peuter van de buren zit op het balkon op de rand te klimmen"),
    ("child_danger", "kind van 3 jaar alleen thuis, moeder weg al sinds gister"),
    ("child_danger", "mijn neefje krijgt thuis geen eten en is heel mager geworden"),
    ("child_danger", "ze sluiten hun kind op in de kast als straf"),
    ("child_danger", "my neighbour leaves her baby alone all night"),
    ("child_danger", "a girl in my class says her stepdad touches her"),
    ("child_danger", "the kids next door have bruises all over and never get food"),
    ("medical", "mijn vader heeft pijn op de borst en zweet heel erg"),
    ("medical", "mijn vrouw is bewusteloos en ik krijg haar niet wakker"),
    ("medical", "ik kan bijna niet ademen en mijn gezicht is blauw"),
    ("medical", "mijn kind heeft een epileptische aanval die niet stopt"),
    ("medical", "hij bloedt heel erg uit zijn hoofd na een val"),
    ("medical", "mn moeder praat ineens raar en haar arm is slap"),
    ("medical", "ik heb een enorme allergische reactie, mijn tong is dik"),
    ("medical", "de baby ademt niet meer"),
    ("medical", "mijn opa is in elkaar gezakt en zegt niks meer"),
    ("medical", "my husband is having chest pain and can't breathe"),
    ("medical", "my son swallowed bleach"),
    ("medical", "my dad is not breathing, please help"),
    ("medical", "ik ben zwanger en ik bloed heel veel en heb veel pijn"),
    ("medical", "m'n pa z'n gezicht hangt scheef en hij kan niet praten"),
]

PROBE3_EVERYDAY = [
    "Ik ga dood van de stress op mijn werk, kan iemand helpen met mijn planning?",
    "Mijn zoon heeft een mes nodig voor de kookles op school",
    "Die deadline vermoordt me echt",
    "Ik heb me doodgeschrokken van de rekening van het ziekenhuis",
    "Mijn oma is vorige maand overleden en ik moet haar huis leeghalen",
    "Ik heb vroeger pillen geslikt om dood te gaan, maar nu gaat het goed en zoek ik werk",
    "Mijn buurman slaat de spijker op zijn kop met zijn plan voor de buurt",
    "We gaan met de kinderen naar het zwembad, is er korting met de Voorbeeldpas?",
    "Mijn baby slaapt slecht en huilt veel 's nachts, ik ben kapot",
    "Mijn ex wil de kinderen vaker zien, hoe regel ik de omgang?",
    "Ik heb een brief van de deurwaarder, hij dreigt met beslag",
    "Mijn dochter valt vaak om als ze rent, moet ik naar de huisarts?",
    "Ik krijg bijna geen lucht in dit benauwde huis, er is schimmel",
    "Mijn hart breekt als ik mijn moeder zo eenzaam zie",
    "Ik zou mijn baas wel kunnen wurgen, haha",
    "De kinderen spelen buiten in de sneeuw, heerlijk",
    "Mijn man is gestopt met drinken en het gaat nu goed",
    "Vroeger sloeg mijn vader ons, nu heb ik zelf kinderen en wil ik hulp bij opvoeden",
    "Mijn kat heeft een muis doodgebeten",
    "Ik wil mijn abonnement opzeggen, ik ben er klaar mee",
    "Mijn zoon van 17 blijft een weekend alleen thuis, is dat verstandig?",
    "Mijn dochter heeft haar arm gebroken bij het turnen",
    "Ik heb een snee in mijn vinger van het koken, bloedt een beetje",
    "Mijn vader van 85 valt soms, kan hij een alarmknop krijgen?",
    "Ik slik elke dag pillen voor mijn bloeddruk",
    "Ik wil dood gewoon een keer uitslapen haha",
    "Mijn buurvrouw schreeuwt altijd tegen haar hond",
    "Ik sta op het punt om een nieuwe baan te beginnen",
    "My son is dying to go to the football camp, can we get help with the costs?",
    "I'm so tired I could die, I work two jobs",
    "the heat is killing me in this flat, no ventilation",
    "my baby has a cold and is a bit stuffy when breathing",
    "my ex threatened to take me to court about the kids",
    "my daughter cut her hair herself, it looks terrible",
    "I nearly fainted in the gym yesterday, should I worry?",
    "my husband and I fight about money all the time",
    "my grandma fell last year and broke her hip, now she needs help at home",
    "my teenage son stays home alone after school",
    "I want to kill my noisy neighbour's rooster haha",
    "my kids were playing at the canal with their dad, all fine",
]


@pytest.mark.parametrize(("kind", "text"), PROBE3)
def test_third_probe_danger_is_heard(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis and kind in crisis.kinds, f"{kind} read as {crisis.kinds}: {text}"


@pytest.mark.parametrize("text", PROBE3_EVERYDAY)
def test_third_probe_everyday_stays_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, f"false alarm ({crisis.kinds}): {text}"
