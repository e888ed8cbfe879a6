"""Issue 9, eighth round: the classes fresh13 showed once it was measured blind.

Each class is tested with sentences of its own (not fresh13's), together with the everyday twin that must stay calm.
"""

from __future__ import annotations

import pytest
import yaml

from knowledge.crisis.concepts import ConceptSet
from knowledge.crisis.modifiers import MAX_MARKER_WORDS
from knowledge.crisis.reader import HERE
from knowledge.matcher import Matcher
from knowledge.normalize import normal_phrase

DANGER: dict[str, list[str]] = {
    "suicide": [
        # refusing what keeps one alive, in order to die (nl and en, third person, verb last)
        "mijn opa stopt met zijn medicijnen omdat hij naar oma toe wil",
        "oma neemt haar insuline niet meer in, ze zegt dat ze wil sterven",
        "my dad stopped taking his heart pills because he wants to die",
        "she refuses her dialysis, she says she wants it to end",
        # working out a dose
        "ik heb uitgerekend hoeveel slaappillen ik nodig heb",
        "I've figured out how many of my tablets it would take",
        # a death that happened does not hide a wish to follow
        "sinds mijn man dood is wil ik ook dood",
        # seeking a way to die; a last message for the family
        "ik zoek een pijnloze manier om dood te gaan",
        "I'm looking for the easiest way to end my life",
        "zeg tegen mijn ouders dat het niet hun schuld is",
        "tell my kids I love them, I'm sorry",
        # a decision not to be here; the last time, with the funeral paid for
        "ik heb besloten dat ik er volgende week niet meer ben",
        "I've made up my mind, I won't be around after Friday",
        "ik heb de kleinkinderen voor de laatste keer geknuffeld, het geld voor de uitvaart ligt klaar",
    ],
    "domestic_violence": [
        # "today" yields to an all-clear, a joke or a topic, never to a client's danger
        "een cliënt vertelde dat haar man haar vandaag heeft geslagen",
        # fresh marks, and he is coming
        "mijn lip is kapot en nu hoor ik hem de trap op komen",
        "I have a black eye from last night and he's on his way home",
        # "pushed me to" is no longer read as encouragement before "the floor"
        "my son pushed me to the floor and says he'll do worse tonight",
    ],
    "child_danger": [
        # afranselen: a separable violence verb, passive and split
        "de kleine van hiernaast wordt elke avond afgeranseld",
        "hij ranselt zijn zoontje af als hij gedronken heeft",
        # a girl sold by a 'loverboy'
        "mijn nichtje van 15 moet van haar vriend met andere mannen mee voor geld",
        # gone with a stranger
        "onze zoon van 8 is meegegaan met een vreemde man en nog niet terug",
        "my daughter got into a car with a stranger after school",
    ],
    "medical": [
        # fumes from a heater: everyone dizzy
        "de kachel staat de hele dag aan en nu zijn we allemaal duizelig",
        "since the gas heater is on we all feel dizzy and sick",
        # an asthma attack the inhaler does not stop
        "zijn puffer helpt niet en hij kan bijna niet meer praten",
        "her inhaler isn't helping and she can barely talk",
        # a hand to the chest; sudden speech and a hand gone
        "mijn vader grijpt naar zijn borst en zakt in elkaar",
        "opeens kan hij niet meer goed praten en zijn hand doet niks",
        # "efkes geleden": a moment ago, so now
        "mijne vent is efkes geleden van de trap gevallen en is bewusteloos",
    ],
}

# The markers that soften or calm must never hide a danger written with the same words (a review of this round's
# first lists found all of these hidden; each is a danger a marker once lowered).
MARKER_TRAPS: list[str] = [
    "he took my phone away and locked me in the bedroom",
    "mijn vriend pakte mijn telefoon af en sloeg me in mijn gezicht",
    "pff ik kan niet meer, de pillen liggen klaar",
    "sinds hij met pensioen is slaat hij me",
    "this is my last day, I have the pills ready",
    "hij is alweer dronken en slaat me",
    "he is home now and says he will kill me",
    "mijn begeleider weet niet dat ik al weken pillen spaar om er een eind aan te maken",
    "ik werk bij de supermarkt en mijn man slaat me elke avond",
    "I said no to sex and he hit me",
]


@pytest.mark.parametrize("text", MARKER_TRAPS)
def test_no_marker_hides_a_danger(concepts_matcher: Matcher, text: str) -> None:
    assert concepts_matcher.match(text).crisis.is_crisis, text


EVERYDAY: list[str] = [
    # a death that happened is no wish to die
    "Sinds mijn vader dood is, voel ik me alleen, ik wil graag met iemand praten",
    # a podcast is a subject; 'als ik ooit' is a what-if
    "in een podcast over zelfmoord hoorde ik over 113, kan ik daar ook voor een ander bellen?",
    "Ik ben juf en wil weten hoe ik een melding doe bij Veilig Thuis als ik ooit iets zie",
    # over and fully recovered: "weer helemaal" says the danger is over, it is not coming back
    "twee jaar geleden had mijn vader een hartaanval, nu is hij weer helemaal fit, kan hij weer werken?",
    # a gun kept by a sport shooter in a safe
    "mijn broer heeft een pistool als sportschutter, het ligt in een kluis",
    # exhaustion
    "die week heeft me gesloopt, maar het project is af",
    # markers longer than three words count ("last day at the", with "today" that is not coming back)
    "Today was my last day at the factory, I said goodbye to everyone. How do I apply for benefits?",
    # the same with stopping medication for another reason
    "mijn moeder is gestopt met haar medicijnen, de bijwerkingen waren te erg",
    "he stopped taking his meds because of the side effects",
    # the everyday twins of this pass's concepts
    "hoe zeg ik tegen mijn kinderen dat het niet hun schuld is dat we gaan scheiden",
    "I need a new inhaler, the old one isn't working well",
    "ik zoek een manier om te besparen op de energie",
    "de kachel is kapot en we hebben het allemaal koud",
    # a slammed door, sore feet, children watched at play, a death long ago (a sigh is no marker: "pff ik kan niet
    # meer" may be danger)
    "mijn zoon slaat de deur dicht als hij boos is",
    "mijn voeten vermoorden me na die dienst",
    "the kids are playing on their own outside, I'm watching from the window",
    "Het is twee jaar geleden dat mijn vader zich van het leven beroofde, ik wil graag praten met lotgenoten",
    "My son was beaten up by some boys at school last week, how do I talk to the school?",
    # the twins of the third pass
    "ik heb besloten dat ik er volgende week niet ben, we gaan op vakantie",
    "my therapist pushed me to apply for the job",
    "Ik zit opgesloten in huis door de sneeuw, wie doet mijn boodschappen?",
    "I tried to kill myself when I was 19; I'm 34 now and doing well",
    "my chest hurts a bit after the gym, probably a pulled muscle",
    "Twee jongens vochten op het schoolplein, mijn zoon had een blauw oog maar het is uitgepraat",
    "mijn zoon van 14 riep 'ik wil dood' toen ik zijn telefoon afpakte",
    "our goalie was knocked out by a ball, he got checked at the hospital and is home now",
    "mijn moeder neemt elke dag pillen voor haar hart, ik zet ze klaar voor de hele week",
    "ik ga dood van de buikpijn, veel te veel gegeten",
]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts])
def test_eighth_round_danger(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis and kind in crisis.kinds, (text, crisis.kinds)


@pytest.mark.parametrize("text", EVERYDAY)
def test_eighth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis, text


def test_a_death_that_happened_does_not_calm_the_model(sample_kb) -> None:
    """'dood is' is a fact, not an idiom: its words fill no concept, but the message may still be danger."""
    reader = Matcher(sample_kb).crisis_reader
    matcher = Matcher(sample_kb)
    words = matcher._words("sinds mn vrouw dood is heeft niks meer zin", related=False)
    assert reader.calming_in(words) == ()
    assert reader.calming_in(matcher._words("ik lach me dood", related=False))


def test_no_marker_is_longer_than_the_layer_reads() -> None:
    """A time, all-clear or topic marker of more words than phrases_in reads would never match."""
    too_long = []
    for path in sorted((HERE / "concepts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, entries in (data.get("modifiers") or {}).items():
            too_long += [(path.name, name, e) for e in entries or ()
                         if len(normal_phrase(str(e)).split()) > MAX_MARKER_WORDS]
    assert not too_long


@pytest.mark.parametrize(("text", "domain"), [
    ("het buurmeisje van 6 zit al uren alleen op de trap", "social_contacts"),
    ("the kids next door have not eaten in days", "social_contacts"),
    ("mijn huisgenoot heeft een hele strip pillen geslikt", "social_contacts"),
    ("een leerling uit mijn klas heeft striemen op haar rug", "work_education"),
    ("a pupil in my class has burn marks on her arms", "work_education"),
])
def test_a_bystanders_place_is_one_of_the_domains(concepts_matcher: Matcher, text: str, domain: str) -> None:
    assert domain in concepts_matcher.match(text).domain_ids[:3], concepts_matcher.match(text).domain_ids


def test_a_role_phrase_of_any_length_is_read() -> None:
    """Entries of five and six words once never matched (runs of tokens were read up to four)."""
    concepts = ConceptSet({"language": "en", "roles": {"way": ["looking for a painless way"], "die": ["to die"]},
                           "concepts": {"suicide": {"way to die": {"roles": ["way", "die"]}}}})
    words = [(w,) for w in ("i", "am", "looking", "for", "a", "painless", "way", "to", "die")]
    roles = concepts.roles_in(words, range(len(words)), set())
    assert [c.name for c, _ in concepts.fired(roles)] == ["way to die"]
    shorter = [(w,) for w in ("i", "am", "looking", "for", "a", "way", "to", "die")]
    assert concepts.fired(concepts.roles_in(shorter, range(len(shorter)), set())) == []
