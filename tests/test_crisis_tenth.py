"""Issue 9, tenth round: the classes the concepts missed or misread in tests/eval/fresh21.yaml.

Each class is tested with sentences of its own (not fresh21's), next to the everyday twin that must stay calm;
the engine changes (", nu" starts a clause, "overgeven" is a split verb, three clauses for a goodbye and no answer)
each have a sentence that fails without them.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

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
    ],
}

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
]


@pytest.mark.parametrize("text", [t for texts in DANGER.values() for t in texts])
def test_tenth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """Every danger of this round's classes alarms (any kind: the bench counts a wrong kind)."""
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


def test_a_goodbye_and_no_answer_meet_over_three_clauses(concepts_matcher: Matcher) -> None:
    text = "mijn vriend appte sorry voor alles, dat ik de kinderen moet zeggen dat hij van ze houdt, hij neemt niet op"
    assert concepts_matcher.match(text).crisis.kind == "suicide"
