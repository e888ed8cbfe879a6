"""Issue 9, ninth round: the classes the concepts missed in tools/training/unusual_situations.yaml.

Each class is tested with sentences of its own (not the training file's), next to the everyday twin that must stay
calm, and the engine changes with a sentence that fails without them.
"""

from __future__ import annotations

import pytest

from knowledge.crisis.concepts import ConceptSet
from knowledge.matcher import Matcher

DANGER: dict[str, list[str]] = {
    "suicide": [
        # a gun turned on oneself, told by the writer or about someone else
        "mijn vader heeft zijn dienstwapen gepakt en zegt dat hij het vannacht op zichzelf richt",
        "my uncle says he will use his rifle on himself tonight",
        # poison the writer is going to take
        "ik heb de antivries uit de garage gepakt, vanavond ga ik het opdrinken",
        # a means made ready (klaarzetten), with despair
        "de pillen staan klaargezet en ik kan echt niet meer",
        # a rope of any kind rigged
        "het springtouw hangt aan de balk op zolder, ik heb het vastgemaakt",
        # going under water, or to the water, with no way back
        "morgen ga ik duiken en kom ik niet meer boven",
        "ik ga vannacht naar de vaart, het is genoeg geweest",
        # a farewell and then no answer
        "mijn broer stuurde een afscheidsappje aan iedereen en neemt zijn telefoon niet meer op",
        # (fresh17's classes) pills hidden with a note; an outburst once, meant this time; saving up antidepressants
        "onder haar matras lag een doosje pillen en een briefje voor mij",
        "vroeger zei ze 'ik wil dood' als ze haar zin niet kreeg, maar nu meent ze het, ze heeft pillen gespaard",
        "I've been saving up my sleeping tablets and I finally have enough",
        # (fresh20's classes) tablets put aside every night; at the crossing with a train coming; how long until
        # one dies of a number of pills; a farewell written and gone from home
        "elke dag leg ik een paar pillen opzij, het potje is bijna vol",
        "ik sta bij het spoor, over vijf minuten komt de volgende trein",
        "hoe lang duurt het voor je doodgaat van 30 slaappillen",
        "mijn broer schreef een afscheid in de groepsapp en hij is niet thuis",
    ],
    "domestic_violence": [
        # an object pronoun before the verb is its object, in a verb-last clause
        "mijn man zegt dat hij me neerschiet als ik wegga",
        "ik weet zeker dat hij haar vanavond weer slaat",
        # burned by a partner
        "mijn vriend verbrandde mijn hand met zijn sigaret",
        # poison in the food
        "ik denk dat mijn man iets in mijn eten doet, ik word er elke keer ziek van",
        # a weapon and someone coming after her
        "hij rent met een keukenmes achter me aan door het huis",
        # a weapon and menacing words
        "hij legt elke avond zijn jachtmes naast het bed en zegt dat ik de ochtend niet haal",
        # tied up by a partner
        "mijn vrouw heeft me vastgebonden en is weggegaan",
        # something thrown at her, the thing named in the clause before
        "ze heeft een wond van de fles die hij naar haar hoofd smeet",
        # an armed ex breaking in
        "mijn ex staat met een bijl bij de achterdeur en probeert hem open te breken",
        # a future time keeps the danger standing ("over een uur")
        "hij heeft me gisteren geslagen en over een uur is hij weer thuis",
        # a past danger that returns tonight, said in another sentence
        "vorig jaar heeft hij me in elkaar geslagen. vanavond komt hij weer thuis",
        "he broke my nose last summer and said he'd do worse if I told anyone. He's back tonight.",
        # kept indoors by a partner, the sentence going on after a comma
        "mijn vriend houdt me al een week binnen, de deur is op slot",
        # (fresh18's classes) a throat pressed shut, a head held under a tap, marks and fear of tonight
        "hij kneep gisteren mijn keel dicht tot ik bijna flauwviel",
        "mijn vriend hield mijn hoofd onder de kraan tot ik stikte",
        "mijn rug zit vol vingerafdrukken en ik ben bang voor als hij thuis komt",
        # (fresh19's classes) a pillow pressed on her face; a gun in the drawer and menacing words; not let out
        "mijn vriend drukte een kussen op mijn gezicht tot ik bijna stikte",
        "mijn man heeft een pistool in de kast en zegt dat ik het weekend niet haal",
        "my sister's husband will not let her leave the house",
        # (fresh20's class) marks, then work, then he comes home early: three short sentences
        "new bruises on my legs. long trousers at work again. he's home early tonight",
        # English: bleach on the body, a head held under water
        "she poured bleach on my arms while I slept",
        "my stepdad held my head under the water in the bath",
    ],
    "child_danger": [
        # a child telling that a parent hurts it, at school
        "op het schoolplein vertelde een jongetje dat zijn vader hem met een riem slaat",
        # shut in a freezer, a hot car
        "mijn neefje zit in de koelkast in de schuur en we krijgen hem er niet uit",
        "onze peuter zit in de auto in de volle zon en de sleutels liggen erin",
        # a small child missing near water
        "mijn dochtertje van 3 is zoek en de sloot is vlakbij",
        # a child with a loaded gun
        "het jongetje van de buren speelt met het geladen geweer van zijn vader",
        # rat poison in the mouth
        "de kleine heeft rattengif gevonden en heeft het in zijn mond",
        # locked in a shed as a punishment
        "de buurman sluit zijn zoontje elke middag als straf op in het schuurtje",
        # (fresh18's classes) a pillow held on a baby; a man going to a girl's room while her mother works
        "de oppas drukt een kussen op het gezicht van de baby, ik zie het op de camera",
        "de vriend van mijn zus gaat elke nacht naar de kamer van mijn nichtje van tien als mijn zus werkt",
        # (fresh19's classes) a small child out of the gate near water; a weapon and "het weekend niet haal"
        "our little boy slipped out of the garden and we can't find him, the canal is at the end of the street",
        # English: spiked drink, pulled into a car, driving off drunk
        "someone put something in her drink and now my daughter can't stand up",
        "a man pulled my son into a van outside the school",
        "my ex-husband is drunk and drove off with our baby",
    ],
    "medical": [
        # toxic fumes
        "mijn moeder heeft chloor en ammoniak gemengd en is nu heel benauwd",
        # a sudden weak arm and wrong words, 'sinds een kwartier'
        "sinds een kwartier kan mijn vader zijn arm niet meer optillen en praat hij raar",
        # through the ice
        "mijn vriend is door het ijs gezakt en komt niet meer boven",
        # (fresh17's classes) speech gone strange with a falling arm, in a long message; pregnancy with bleeding
        "ik wilde vragen naar de huurtoeslag, maar mijn moeder praat opeens heel vreemd en haar arm hangt slap",
        "ik ben 30 weken zwanger en ik verlies ineens veel bloed",
        "I fell off the ladder, my arm is bleeding really badly",
        # (fresh19's classes) a thunderclap headache in its own clause; incoherent speech and an arm that does nothing
        "ik kreeg ineens hoofdpijn als een donderslag, de ergste ooit",
        "mijn oom ligt op de grond, hij praat onsamenhangend en zijn arm doet niks meer",
        # (fresh20's class) a chest like a tight band and a tingling left arm, in a long message
        "de huur is niet betaald en ik slaap slecht, nu voelt mijn borst als een knellende band en mijn arm tintelt",
        # English: a diabetic with low sugar
        "my grandad is diabetic, his blood sugar is at 2 and he's confused and sweaty",
    ],
}

# dangers that a wider `client` list (a helpline, the community officer or the crisis service named) would hide
MARKER_TRAPS = [
    "ik heb de crisislijn gebeld maar ze namen niet op, de pillen liggen klaar",
    "ik heb de wijkagent gebeld, mijn man heeft me in elkaar geslagen",
    "de crisisdienst is geweest maar mijn man heeft me daarna in elkaar geslagen",
    "I called the suicide helpline but nobody answered, I have the pills ready and I can't go on",
]

EVERYDAY = [
    # the landlord who does not answer is no unconscious person
    "de verhuurder reageert niet op mijn mails over de schimmel",
    # games and play, toys
    "mijn zoon speelt games waarin hij mensen neerschiet, is dat erg?",
    "de kinderen spelen cowboy met een plastieken revolver en schieten iedereen dood",
    "my kids played cops and robbers and locked their dad in the shed for a minute",
    # hyperbole with nagging and quarrels (and no gentle question either)
    "mijn man zegt dat ik hem vermoord met mijn gezeur over de afwas",
    "mijn kinderen vermoorden me nog met hun geruzie over de tv",
    # "op mijn werk ... sluiten ze me buiten": a preposition is no split verb's particle
    "op mijn werk sluiten ze me buiten bij de koffie",
    # a hairdresser's disaster
    "de kapper heeft mijn haar vermoord, ik durf zo niet naar buiten",
    # a reason clause takes the time of what it explains
    "ik zat vorig jaar in de opvang omdat mijn man me sloeg, nu zoek ik werk",
    # a plate thrown, nobody aimed at
    "hij gooide uit frustratie een bord kapot, maar hij heeft nooit iets tegen mij gedaan",
    # a skipped appointment, a skipped lesson
    "ik sla de les vandaag over",
    # a farewell message at work
    "laatste bericht van vandaag, bedankt voor je hulp",
    # a burn from the iron by accident
    "ik heb mijn arm gebrand aan het strijkijzer, het doet pijn",
    # (fresh17's classes) a report about reports, a school book, recovery after a stroke, a fit with the all-clear
    "ik werk bij de gemeente en wil weten hoe jullie omgaan met meldingen van huiselijk geweld",
    "voor mijn leesdossier lees ik een boek over een jongen die zelfmoord pleegt",
    "mijn moeder had vorige maand een beroerte, ze revalideert en praat een stuk beter",
    "mijn zoon had gisteren een koortsstuip, de ambulance is geweest en nu is hij weer helemaal zichzelf",
    "ik ga nog liever dood dan dat ik naar die verjaardag ga",
    "ik viel gisteren flauw in de trein, de huisarts zegt dat het door de hitte kwam",
    "de dokter houdt me door de griep een week binnen",
    "de buurman slaat elke zaterdag spijkers in de muur",
    "mijn puber gamet tot diep in de nacht en is 's ochtends niet aanspreekbaar",
    "my husband had a stroke last spring, he's home and doing physio now",
    "my daughter yelled 'I want to die' because I took her phone, then laughed with her friends",
    # (fresh18's classes) a phone handed in, knives sharpened, a fit now treated, a faint at a blood test, a thriller,
    # checked by the midwife, assault over and safe since, weak with laughter, a sunset from the bridge
    "mijn zoon riep dat hij dood wilde omdat hij zijn telefoon moest inleveren",
    "ik laat de messen slijpen bij de markt, ze zijn weer vlijmscherp",
    "mijn zoon had vorige maand een epileptische aanval, hij is nu ingesteld op medicijnen",
    "ik viel flauw bij het bloedprikken maar het gaat nu prima",
    "ik lees een thriller over een man die zijn vrouw vergiftigt",
    "ik had wat bloedverlies in de zwangerschap, de verloskundige heeft gekeken en alles is goed",
    "na de mishandeling door mijn ex ben ik verhuisd, nu voel ik me veilig",
    "de baby ligt slap van het lachen als haar broer gekke bekken trekt",
    "ik stond op de brug naar de zonsondergang te kijken",
    "my son held his head under water at his swimming lesson",
    # (fresh19's classes) baby clothes given away, an anniversary, a toddler's meltdown, a device switched off,
    # a paper cut, babysitting a brother, doors locked against burglars, a wrist broken skating
    "ik geef al mijn babykleertjes weg aan mijn zus",
    "vandaag is het precies twee jaar geleden dat mijn vader zelfmoord pleegde",
    "my toddler had a tantrum at the shop and hit me, so embarrassing",
    "my son yells 'I want to die' when we turn off the tv",
    "ik heb me gesneden aan papier, het bloedt een beetje",
    "mag mijn zoon van 13 een avond oppassen op zijn zusje van 8?",
    "mijn man doet 's avonds alle deuren op slot omdat er is ingebroken bij de buren",
    "ik brak mijn enkel bij het schaatsen",
    "my partner took my keys by accident, how do I get a spare?",
    # (fresh20's classes) volunteers and officers about their work, a heart attack now stable on the ward, a threat
    # that turned out a joke, a stroke in March with rehab
    "als vrijwilliger bij de hulplijn spreek ik veel mensen die aan zelfdoding denken",
    "ik ben wijkagent en zie veel huiselijk geweld, hoe laat ik dat los?",
    "I'm a volunteer at a crisis line and want tips for hard calls about suicide",
    "mijn opa had vannacht een hartaanval, hij ligt nu op de hartbewaking en is stabiel",
    "in de groepsapp dreigde iemand mijn dochter te slaan, maar het bleek een grap van haar vriendin",
    "my mum had a stroke in March and is learning to walk again in rehab",
    # a bare "vanavond" is no danger coming back: the past with recovery stays over
    "twee jaar geleden wilde ik dood, sinds de therapie gaat het beter. vanavond ga ik naar de film",
    # rat poison for the rats, a child near water with a grown-up
    "de ongediertebestrijder heeft rattengif in de schuur gelegd, achter slot",
]


@pytest.mark.parametrize("text", [t for texts in DANGER.values() for t in texts] + MARKER_TRAPS)
def test_ninth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """Every danger of this round's classes, and every marker trap, alarms (any kind: the bench counts a wrong kind)."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY)
def test_ninth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", ["mijn man zegt dat ik hem vermoord met mijn gezeur over de afwas",
                                  "mijn kinderen vermoorden me nog met hun geruzie over de tv"])
def test_hyperbole_does_not_even_ask(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.hint


def test_a_clause_final_entry_counts_only_at_the_end_of_its_clause() -> None:
    concepts = ConceptSet({"language": "nl", "roles": {"skip": ["over$"], "hit": ["slaan"]},
                           "verbs": {"slaan": "sla sloeg geslagen"}, "concepts": {}})
    words = [("ik",), ("sla",), ("de",), ("les",), ("over",)]
    assert "skip" in concepts.roles_in(words, range(len(words)), set())
    words = [("over",), ("een",), ("uur",), ("sla",), ("ik",)]
    assert "skip" not in concepts.roles_in(words, range(len(words)), set())


def test_a_word_before_a_determiner_is_no_particle() -> None:
    concepts = ConceptSet({"language": "nl", "roles": {"lock": ["opsluiten"]},
                           "verbs": {"op|sluiten": "sluit sloot gesloten"}, "concepts": {}})
    split = [("hij",), ("sluit",), ("me",), ("op",)]
    assert "lock" in concepts.roles_in(split, range(len(split)), set())
    preposition = [("op",), ("mijn",), ("werk",), ("sluiten",), ("ze",), ("me",), ("buiten",)]
    assert "lock" not in concepts.roles_in(preposition, range(len(preposition)), set())
