"""Issue 9, tenth round: the classes the concepts missed or misread in tests/eval/fresh21.yaml, fresh22 and fresh23.

Each class is tested with sentences of its own (not fresh21's), next to the everyday twin that must stay calm;
the engine changes (", nu" starts a clause, "overgeven" is a split verb, three clauses for a goodbye and no answer,
"sinds gisteren" is no clause of its own, `past_given`) each have a sentence that fails without them.
"""

from __future__ import annotations

import pytest
import yaml

from knowledge.crisis.reader import HERE
from knowledge.matcher import Matcher
from knowledge.source import read_yaml, written_twice

DANGER: dict[str, list[str]] = {
    "suicide": [
        # finishing it oneself, decided or in despair (verb last in the clause after "dat")
        "ik weet zeker dat ik het vannacht zelf afmaak, ik heb er lang genoeg over nagedacht en heb besloten",
        "niemand kan me nog helpen, het heeft geen zin meer, dus maak ik het zelf af",
        # stepping in front of a train, inverted order
        "morgenochtend stap ik voor de trein van zeven uur",
        "hij zei dat hij vannacht voor een trein gaat liggen",
        # one's own funeral made ready, with a date
        "de muziek voor mijn uitvaart is uitgekozen en alles is klaar voor vanavond",
        # not waking up, and seeing to it oneself
        "vannacht word ik niet meer wakker, daar zorg ik wel voor",
        # a place chosen for when it is no longer bearable
        "ik heb een plekje uitgezocht bij het meer, voor als het niet meer gaat",
        # going to a partner who died, reported by a neighbour
        "mijn oma zegt steeds dat ze naar haar man gaat, die in maart overleed, en ze eet niet meer",
        # insulin as the means, all of it
        "ik ga al mijn insuline in een keer inspuiten",
        # a goodbye note, sorry, and the phone off, over three clauses
        "my brother sent a text saying he is sorry, that there is a letter in the kitchen, and now his phone is off",
        # waiting for the train without boarding
        "on the platform now, when the next train comes I'm not getting on it",
        # the note for whoever reads it
        "tegen de tijd dat je dit leest ben ik er niet meer",
        "by the time anyone reads this I'll be gone",
        # (fresh22) a death wish with the means ready, without "ik"; means counted; given away, not needed after
        # the weekend; not stepping aside for a train; no more worry tomorrow; labelled boxes; letters for the family
        "wil gewoon niet meer wakker worden, de pillen liggen al klaar",
        "ik heb al mijn slaappillen geteld, vannacht is het zover",
        "hij heeft zijn gamecomputer weggegeven en zei dat hij hem na vanavond niet meer nodig heeft",
        "ik sta op het perron en bij de volgende trein stap ik niet meer opzij",
        "morgen hoeft niemand zich nog zorgen om mij te maken, geen zorgen meer om mij",
        "ik heb mijn sieraden verdeeld in zakjes met hun namen erop",
        "de brieven liggen klaar, voor mijn vrouw en voor de kinderen",
        "mijn vriendin zegt dat ze van het dak van de parkeergarage wil springen",
        "he gave me his guitar and said he won't be needing it after tonight",
        "I'm on the bridge and I keep thinking about letting go",
        "I saved up my tablets in a jar for months and now there's enough",
        "she left a note saying sorry and the rope from the garage is missing",
        "no one will miss me after this weekend",
        # (fresh23) arms cut open "to do it right this time"; a will and a gun; a pet given, "vanaf morgen ben ik er
        # niet"; stepping out with everything settled; "kan niet meer, alles klaargezet, sorry"; means hoarded in strips
        "mijn zoon heeft zijn polsen weer opengehaald en zegt dat hij het nu goed gaat doen",
        "mijn man heeft zijn testament klaargelegd en zijn geweer schoongemaakt",
        "jij mag mijn hond hebben, vanaf morgen ben ik er niet meer",
        "ik stap er morgen uit, alles is geregeld",
        "kan niet meer, heb alles klaargelegd, sorry mama",
        "al weken strips gespaard, vannacht neem ik ze allemaal",
        "she keeps saying we'd be better off, and tonight she took her dad's rifle from the cupboard",
        "I wrote letters to my kids and I won't be here when they wake up",
        "he told the team it was his last practice and left his jersey to his best friend",
        "I've been reading how many it takes and they're counted out on my desk",
        "picked the date now, sunday after mum's visit",
        "they'll be fine without me, I'm driving to the cliffs",
    ],
    "domestic_violence": [
        # a belt or a stick
        "als hij dronken is slaat mijn man me met de riem",
        # "you are next", after an animal was killed
        "hij heeft de hond doodgeslagen en zei dat ik de volgende ben",
        # on the way with a weapon
        "mijn ex is onderweg hierheen met een mes, hij weet waar ik slaap",
        # hiding from a weapon, verb last
        "we hebben ons in de badkamer opgesloten omdat mijn vader met een bijl rondloopt",
        # a weapon at the door
        "mijn vriend staat met een hamer voor de slaapkamerdeur",
        # a vague threat for when he comes home
        "hij komt zo thuis en hij appte dat ik dan wat kan verwachten",
        # face hurt and the phone taken
        "mijn lip is kapot en mijn ex heeft mijn telefoon afgepakt",
        # pressing on the neck, third person
        "mijn zus zegt dat haar man gisteravond op haar keel drukte tot ze bijna flauwviel, en hij is er nog",
        # a knife held against the body
        "hij houdt een mes tegen mijn keel als ik iets zeg",
        # pinching until purple
        "mijn stiefvader knijpt mijn moeder tot ze bont en blauw is",
        # English: bruises and hiding; smashing and screaming
        "black eye again, hiding at the neighbours, he's still in the house",
        "her husband is smashing the furniture and she is screaming for help",
        # (fresh22) "dat hij me iets aandoet" fronted; hunted; a weapon by the bed; a plea to let go; pushed against
        # the wall; smashing while she hides; "jij gaat dood" with a knife; chased with a weapon; marks of fingers
        "dat hij me vanavond iets aandoet, daar ben ik bang voor",
        "mijn ex appt dat hij ons gaat vinden, waar we ook zitten",
        "hij stond vannacht met een mes naast het bed",
        "ik hoorde mijn zus door de telefoon gillen dat hij haar moest loslaten",
        "mijn man heeft me tegen de muur geduwd en staat nu in de gang",
        "ik zit in de kast want hij slaat alles kapot",
        "hij heeft een schaar gepakt en schreeuwt: jij gaat dood",
        "hij zat haar met een bijl achterna door de tuin",
        "mijn armen zitten vol blauwe plekken van zijn vingers",
        "mijn vriend zegt dat ik de deur niet uit mag tot ik gehoorzaam",
        "he says he'll burn the house down with us inside",
        "he has taken my passport and car keys and watches me all day",
        "my ex came round with a knife last night and he is parked outside again",
        # (fresh23) doors locked and the keys taken; a hot iron threatened; on the way with a vague threat; shut out in
        # the cold; an arm twisted and the door guarded; shoved with "zetten"; a knife held to a cheek; a belt, misspelt
        "mijn vriend heeft de voordeur op slot gedraaid en mijn sleutels meegenomen",
        "mijn man zegt dat hij me met een heet strijkijzer bewerkt als ik slaap",
        "mijn ex is onderweg en appt dat ik het wel zal merken",
        "mijn vrouw heeft me op het balkon buitengesloten, het vriest en ik heb alleen een t-shirt aan",
        "pols omgedraaid tot het kraakte en nu blokkeert hij de deur",
        "mijn broer heeft me tegen de muur gezet en wil mijn geld",
        "hij pakte een mes uit de la en hield het tegen mijn wang",
        "mijn man heeft mij met riem geslaan",
        "my friend is hiding at her mum's and her husband is driving over there",
        "hiding behind the shed, my ex is in the garden with a knife",
    ],
    "child_danger": [
        # a belt, told by a coach; a carer hitting a child with a stick
        "een meisje van mijn hockeyteam vertelt dat haar vader haar met de riem slaat",
        "de oppas pakt mijn zoontje met een stok als hij niet luistert",
        # drug things within a small child's reach
        "bij de buren kruipt de peuter tussen de gebruikte naalden en ik zag hem er een oppakken",
        # a baby left behind in a car
        "de peuter is in de auto achtergelaten op de parkeerplaats van de supermarkt",
        # a small child alone into the water and out of sight
        "mijn zoontje is alleen het water ingelopen en ik zie hem niet meer",
        # a minor thrown out
        "ik ben 15 en mijn vader heeft me eruit gegooid, ik slaap in het park",
        # a carer gone for days, no food
        "de moeder van mijn buurjongetjes is al vier dagen niet thuisgekomen en ze hebben honger",
        # a man in a child's room at night
        "de nieuwe vriend van mijn zus gaat 's nachts naar de kamer van haar dochter van acht",
        # through the ice
        "mijn broertje is door het ijs gezakt bij de sloot",
        "the little one fell through the ice on the pond",
        # bruises on a child, the clause after "sinds" (two clauses)
        "mijn zoontje van drie heeft sinds gisteren blauwe plekken op zijn rug",
        # (fresh22) a child and a man and a car; "samen naar een betere plek"; held by a man; a threat to the
        # little one; hurt and scared to go home; out of sight in the water; a child meeting someone from online
        "er stapt net een kind bij een vreemde man in de auto",
        "mijn ex schrijft dat hij en onze zoon samen naar een betere plek gaan",
        "mijn dochter appt dat een man haar vasthoudt en dat ze niet naar huis mag",
        "hij heeft gedreigd de baby iets aan te doen als ik de politie bel",
        "een leerling zegt dat haar stiefvader haar pijn doet en ze durft niet naar huis",
        "mijn peuter liep naar de vijver en ik zie hem niet meer",
        "my 12 year old is meeting a guy from an online game tonight and was told to keep it a secret",
        "my ex says I will never see our son alive again",
        "the baby is alone with my brother who is drunk and has him in the car",
        # (fresh23) a baby in a hot car; burns and a parent who does it; a teenager thrown out; a child half dressed in
        # the cold; children eating from the bin with a drunk mother; a child on the motorway; a small child in the
        # water; a man from the internet picking a child up; scared to go home from a parent with a weapon
        "er zit een baby in een dichte auto in de zon, het is 30 graden",
        "een meisje van 8 heeft brandplekken op haar handen en zegt dat haar vader dat doet",
        "mijn zoon van 15 is door zijn moeder de deur uitgezet en zit nu op het station",
        "het buurjongetje staat op blote voeten buiten en het vriest",
        "de kinderen van hiernaast eten uit de vuilnisbak, hun vader is straalbezopen",
        "een kleuter fietst de snelweg op",
        "het kleine kind van de overburen is in de sloot gevallen",
        "mijn dochter is 13 en een man van internet komt haar vanmiddag ophalen bij school",
        "het buurjongetje wil niet naar huis omdat zijn vader daar met een mes rondloopt",
        "my nephew says his dad holds his head under the bath water",
        "a baby has been left alone in the sun in a pram for hours",
        "toddler on the balcony railing, no adult anywhere",
        "I'm 15 and my mum kicked me out, I have nowhere to sleep",
    ],
    "medical": [
        # lying on the floor, no answer
        "mijn opa ligt op de badkamervloer en geeft geen antwoord",
        # shaking on the floor; foam
        "een man ligt op straat te schokken",
        "er komt schuim uit haar mond en ze reageert niet",
        # one side of the face droops
        "bij mijn vader hangt een kant van zijn gezicht ineens naar beneden",
        # a baby with fever goes stiff, eyes roll away
        "mijn dochtertje heeft koorts en haar ogen draaien weg",
        # drugs with danger signs
        "mijn vriendin heeft xtc genomen en ze gloeit helemaal",
        # a fall, then no response
        "mijn vader is van de ladder gevallen en reageert niet meer",
        # (fresh22) barely breathing; not waking up; an overdose with a racing heart; sudden double vision
        "mijn vader ademt nog maar af en toe en ik krijg hem niet wakker",
        "ik krijg haar niet wakker en er liggen lege doosjes naast haar",
        "te veel tramadol genomen, mijn hart gaat tekeer",
        "ik zie opeens dubbel en kan de woorden niet meer vinden",
        "my husband suddenly can't lift his arm and his speech is slurred",
        "my toddler swallowed a handful of grandpa's pills",
        # (fresh23) no pulse; hours on the floor, confused; a sting and a swelling throat; pale and cold and falling;
        # a fall and no movement; fever with eyes turning up; a seizure after a seizure; a fall and going blue
        "ik voel geen hartslag bij mijn vader, hij ligt op de grond",
        "mijn opa ligt al sinds vannacht op de grond in de gang en is ijskoud",
        "mijn zoon is gestoken door een wesp en zijn stem wordt hees",
        "mijn vriendin is wit en klam en valt steeds om",
        "my grandma fell in the garden and is not moving",
        "mijn baby heeft koorts en haar ogen gaan naar boven",
        "mijn man heeft epilepsie en heeft de ene aanval na de andere zonder bij te komen, al de derde aanval",
        "oma viel om in de keuken en loopt blauw aan",
        "my throat is closing after eating shrimp",
    ],
}

# The last read of this round's markers: each danger below was hidden by a marker or blocker as first written (or,
# the last three, by the older not_home blocker: money, stress or a boss beside a partner who hits).
MARKER_TRAPS = [
    "hij heeft me op zolder opgesloten en de sleutel meegenomen",
    "mijn vader heeft griep en nu is hij bewusteloos",
    "na de vaccinatie is mijn baby bewusteloos",
    "ik herken mezelf niet meer, ik wil dood",
    "ik ben vrijwilliger bij de voetbalclub en mijn man slaat me",
    "hij heeft haar telefoon afgepakt en sluit haar op in de kamer",
    "ik ga liever dood dan naar huis, daar slaat hij me",
    "gaat het? nee hoor, ik wil dood",
    "ik doe ehbo maar mijn moeder is bewusteloos",
    "hij zit me lachend met een mes achterna",
    "de kinderen spelen boven en hij zit me met een mes achterna",
    "ik ben ziek van alles, mijn uitvaart is geregeld en de datum is morgen",
    "ik kom later niet meer thuis, ik sta op de brug en spring",
    "my baby has the flu and now she is unconscious",
    "he locked me in the attic and took my phone",
    "ik volg een cursus en mijn man slaat me elke avond",
    "de huur is te hoog en mijn man slaat me",
    "mijn baas is streng en mijn man slaat me elke dag",
]

EVERYDAY = [
    # a farewell for a new job or a pension
    "ik schrijf afscheidsbrieven aan mijn klas, na de zomer begin ik op een nieuwe school",
    "my colleague is saying goodbye to everyone, she's retiring on Friday",
    "mijn buurman geeft al zijn gereedschap weg omdat hij met pensioen gaat en naar een flat verhuist",
    # pills laid out for the week
    "ik leg elke zondag mijn pillen klaar in de doseerdoos voor de komende week",
    # a past heart attack, a comma and "nu"
    "twee jaar geleden had ik een hartinfarct, nu fiets ik elke dag naar mijn werk",
    "last year I had a stroke, now I walk every morning",
    # hyperbole: a heart attack over a bill; a landlord or teacher who "will kill me"
    "ik krijg een hartaanval van die energierekening",
    "my landlord is going to kill me when he sees the carpet",
    # asked about suicide, said no
    "de huisarts vroeg of ik aan zelfmoord dacht, ik zei nee, ik ben gewoon erg moe",
    # a volunteer at a helpline; a course to recognise abuse
    "ik ben vrijwilliger bij de kindertelefoon en wil beter leren luisteren",
    "ik wil als leerkracht leren hoe ik kindermishandeling herken, is daar een cursus voor?",
    # fainting at a blood test, given a biscuit (no vomiting: 'gaf' without 'over')
    "ik viel flauw bij de bloedafname, de verpleegkundige gaf me wat suiker en toen ging het weer",
    # lips blue from the cold
    "na het zwemmen in het meer waren de lippen van mijn zoon blauw van de kou",
    # snoring that seems to stop
    "mijn man snurkt en stopt soms even met ademen, hij moet naar de slaapkliniek",
    # an epipen to tell the nursery about
    "mijn dochter heeft een epipen gekregen, moet ik dat melden bij de opvang?",
    # the everyday twins of this round's dangers
    "ik stap zo in de trein naar Utrecht",
    "mijn uitvaart heb ik al geregeld bij de uitvaartverzekering, dat geeft rust",
    "ik ben de volgende bij de kassa",
    "de hond loopt aan de riem mee met mijn zoon",
    "onze kinderen spelen verstoppertje en verstoppen zich in de schuur",
    "de peuter zit in de auto met mijn man, ik doe snel boodschappen",
    "mijn man is onderweg naar huis met de boodschappen",
    "ik ben 15 en mag niet naar het feest van mijn vader",
    "de kinderen schaatsen op het ijs van de ijsbaan",
    "ik heb een plekje uitgezocht op de camping voor als het thuis niet meer gaat met de verbouwing",
    # (fresh22) a door slammed, a cough, a hangover, a blood test, a tantrum about grandma, a move abroad, a novel, a
    # letter from the war, a rope for a swing, a wife and the milk, a dream, staying in after a death, a bike given away
    "mijn vriend slaat elke ochtend de voordeur hard dicht, de buren worden er gek van",
    "al een paar dagen pijn op de borst als ik hoest, ik ben verkouden",
    "wat een kater, ik ga dood",
    "gisteren flauwgevallen bij het bloedprikken, nu weer prima",
    "mijn zoon roept dat hij liever doodgaat dan naar de tandarts gaat",
    "we verkopen alles en geven de rest van de meubels weg, want we gaan terug naar Marokko wonen",
    "in de roman springt de hoofdpersoon van een brug, ik moet er steeds aan denken",
    "ik vond een afscheidsbrief van mijn oma uit de oorlog op zolder",
    "touw gekocht voor de schommel in de tuin",
    "mijn vrouw vermoordt me als ik weer vergeet de vuilnisbak buiten te zetten",
    "ik droom al weken dat iemand me achtervolgt met een mes",
    "sinds mijn man overleden is kom ik de deur niet meer uit",
    "ik geef mijn fiets weg aan de buurjongen, ik heb hem niet meer nodig sinds ik een auto heb",
    "ons kind gooit zijn eten op de grond, is dat normaal op zijn twee jaar?",
    "I had a cold all week and my chest hurts when I cough",
    # (the tenth round's training file) a phone taken, a cut while cooking, shame, a task one cannot face
    "mijn dochter riep dat ze dood wil omdat haar telefoon is afgepakt",
    "I cut myself chopping onions, it's a small cut",
    "ik ga dood van schaamte, ik ben weer gezakt voor mijn theorie-examen",
    "ik zie het niet meer zitten met al die rekeningen, kan iemand meekijken?",
    # (fresh23) a crime show, a board game, an in-law over a Christmas tree, the smoke alarm and burnt toast, a
    # first-aid course, "moe van het leven hier, maar ik geef niet op", a phone lost, an Xbox taken, "one more time
    # and I jump", an open bridge, a heart that stops at a bill
    "we watched a true crime show where a man locks his wife in the basement",
    "bij cluedo heb ik de professor vermoord met de touw in de bibliotheek",
    "mijn schoonvader zegt dat hij me vermoordt om die kapotte vaas",
    "schrok me rot, de rookmelder ging af, was aangebrand brood",
    "we willen met de buurt een reanimatiecursus organiseren en een aed ophangen",
    "ik ben moe van het leven hier, alles is zo duur, maar ik geef niet op",
    "mijn zoon wil dood omdat zijn telefoon kwijt is",
    "my daughter screamed she wants to die because we took her ipad",
    "als ik nog een keer die wachtmuziek hoor spring ik uit het raam",
    "ik sta voor de open brug, ik kom iets later",
    "mijn hart staat stil als ik die energierekening zie",
    "mijn oma is vorig jaar in slaap gevallen en niet meer wakker geworden, ik mis haar",
    # the named-partner concept is for hitting, not for a figure of speech or a skipped day
    "mijn man vermoordt me als hij de rekening ziet",
    "mijn vriend slaat zijn werk over",
    "de school belt, mijn zoon heeft een klasgenoot geduwd",
]


@pytest.mark.parametrize("text", [t for texts in DANGER.values() for t in texts] + MARKER_TRAPS)
def test_tenth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """Every danger of this round's classes, and every marker trap, alarms (any kind: the bench counts a wrong kind)."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY)
def test_tenth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())


def test_a_comma_and_nu_start_a_new_clause(concepts_matcher: Matcher) -> None:
    """'elke dag' after ', nu' is today's routine, not the past danger going on."""
    crisis = concepts_matcher.match("vorig jaar had ik een hartinfarct, nu wandel ik weer elke dag").crisis
    assert not crisis.is_crisis and crisis.softened, crisis.explain()


def test_sinds_with_a_time_is_no_clause_of_its_own(concepts_matcher: Matcher) -> None:
    """'sinds gisteren' is a time inside its clause: the child and the bruises meet."""
    for text in ("mijn dochtertje van twee heeft sinds gisteren blauwe plekken in haar nek",
                 "mijn dochtertje van twee heeft sinds 2 dagen blauwe plekken in haar nek"):  # a number: "getal"
        crisis = concepts_matcher.match(text).crisis
        assert crisis.kind == "child_danger", (text, crisis.explain())


def test_a_concept_that_names_a_past_event_is_not_lowered_by_it(concepts_matcher: Matcher) -> None:
    """'die vorig jaar overleed' dates the death, not the danger (past_given)."""
    text = "de buurvrouw zegt dat ze deze week naar haar man gaat, die vorig jaar overleed"
    assert concepts_matcher.match(text).crisis.kind == "suicide"


def test_a_goodbye_and_no_answer_meet_over_three_clauses(concepts_matcher: Matcher) -> None:
    text = "mijn vriend appte sorry voor alles, dat ik de kinderen moet zeggen dat hij van ze houdt, hij neemt niet op"
    assert concepts_matcher.match(text).crisis.kind == "suicide"


@pytest.mark.parametrize("path", sorted(HERE.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_role_concept_or_list_is_written_twice(path) -> None:
    """A second `playing:` in the roles once replaced the first without a word (tenth round): every key is unique."""
    assert not [(key, first, again) for _, key, first, again in written_twice(read_yaml(path))]


def test_a_split_verbs_participle_is_written_without_its_particle() -> None:
    """`op|sluiten: sluit sloot gesloten` (forms.py adds "opgesloten"); "aangeraakt" written out once made the full
    participle count only beside a separate "aan"."""
    verbs = yaml.safe_load((HERE / "concepts" / "nl.yaml").read_text(encoding="utf-8"))["verbs"]
    written_out = [lemma for lemma, spec in verbs.items() if "|" in lemma and len(str(spec or "").split()) >= 3
                   and str(spec).split()[2].startswith(lemma.split("|")[0])]
    assert not written_out, written_out
