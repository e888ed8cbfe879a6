"""Issue 9, fourth round: probe sentences for the wider classes, written BEFORE the engine changed.

fresh3.yaml (unseen until then) showed that each round's word lists fixed the sentences it saw.
These probes are new (not from any evaluation set) and each tries a class, not a sentence: a child
as the object of any harm, confinement, punishment or abandonment (also in a verb-last clause:
"dat de oppas de baby slaat"); a door attacked, a weapon shown, "am I safe tonight"; a height with a
goodbye, "klaar met leven" of anyone, not being here tomorrow, a pet rehomed; a fall with vomiting or
confusion, the worst headache, one side gone, a bleeding head, drugs with danger signs. The everyday
twins (fiction, games, negation, hyperbole, a child hitting other children, recovery) stay calm.

Caught before the change (main at b594b54) / after:
child 10/24 -> 24/24, violence 14/22 -> 22/22, suicide 16/22 -> 22/22, medical 14/22 -> 22/22,
everyday twins calm 19/26 -> 26/26.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

CHILD = [
    "mijn buurjongen van 7 wordt door zijn stiefvader met een riem geslagen",
    "ik denk dat de oppas de baby slaat",
    "ik zag dat de buurvrouw haar dochtertje in de kast opsloot",
    "mijn nichtje van 6 vertelde dat haar vader haar met een sigaret heeft verbrand",
    "de vriend van mijn zus houdt het hoofd van haar zoontje onder water als hij niet luistert",
    "ze binden de kleine vast aan het bed zodat hij niet wegloopt",
    "het kindje van de overburen zit al twee dagen alleen in huis, de moeder is nergens te zien",
    "de baby van boven huilt al de hele nacht en niemand doet open",
    "mijn kleinzoon van 4 moest als straf de hele nacht in de kelder slapen",
    "die kleuter loopt al uren in zijn pyjama buiten in de kou, zijn ouders zijn weg",
    "een meisje van 8 staat al de hele avond op de galerij te huilen want haar vader laat haar niet binnen",
    "ik lig al drie dagen ziek in bed en mijn kinderen hebben niks gegeten, de jongste is 10 maanden",
    "mijn zoontje krijgt al dagen niets te eten van zijn moeder",
    "de peuter van de buren zit de hele dag vastgebonden in zijn stoel",
    "mijn kleindochter van 9 zegt dat haar stiefvader haar steeds knijpt tot ze blauw is",
    "de juf zag brandplekken op de armen van mijn neefje en hij zei dat zijn moeder dat deed",
    "mijn schoonzus schudt de baby hard door elkaar als hij huilt",
    "the babysitter hits my daughter when I am at work",
    "the neighbours' toddler has been alone in the flat since yesterday and the mother is gone",
    "my nephew of 5 told me his dad burns him with cigarettes",
    "the little boy upstairs has been crying for hours and nobody has fed him",
    "my sister locks her 3 year old in the cupboard as punishment",
    "the boy next door is out in the rain in his pyjamas and his mum won't open the door",
    "he holds the baby under water in the bath to make her stop crying",
]
VIOLENCE = [
    "mijn man staat weer voor de deur en bonkt erop, ik durf niet open te doen",
    "mijn ex trapt de voordeur in en schreeuwt dat hij me vermoordt",
    "hij heeft me gisteravond een mes op mijn keel gezet",
    "ik weet niet of ik vannacht veilig ben, hij heeft een geweer in de kast",
    "mijn vriend heeft me een pistool laten zien en gezegd dat hij het gebruikt",
    "mijn vader duwt mijn moeder elke avond tegen de muur",
    "hij knijpt mijn keel dicht als ik iets verkeerds zeg",
    "mijn partner heeft me vannacht van de trap geduwd",
    "mijn man sloeg me vanavond met een stoel",
    "ik hoor de buurman zijn vrouw slaan en ze gilt om hulp",
    "mijn broer heeft mijn moeder vandaag in elkaar getrapt",
    "mijn zus wordt door haar man opgesloten in de slaapkamer",
    "ik durf niet naar huis want mijn man is dronken en agressief",
    "mijn ex staat met een mes voor mijn deur",
    "hij heeft gedreigd me dood te maken als ik bij hem weg ga",
    "my husband is kicking the door and I am hiding in the bathroom",
    "my boyfriend choked me last night and said he'd do it again",
    "my ex is outside my house with a knife",
    "my dad beats my mum every weekend when he is drunk",
    "he showed me a gun and said I will never leave him alive",
    "I don't feel safe tonight, he threatened to kill me",
    "my partner pushed me down the stairs today",
]
SUICIDE = [
    "mijn broer stuurde een foto van het spoor en schreef dat het hem spijt",
    "mijn vader is klaar met leven en heeft zijn horloge aan mij gegeven",
    "of ik er volgende week nog ben weet ik niet",
    "ik heb mijn hond naar mijn zus gebracht en mijn brieven geschreven, vanavond is het klaar",
    "ik zoek een gebouw dat hoog genoeg is om te springen",
    "ik stap zo in de auto en rij met volle vaart tegen een muur, het heeft geen zin meer",
    "ik wil niet meer wakker worden, alles ligt al klaar",
    "mijn moeder zegt dat ze er morgen niet meer zal zijn en heeft haar pillen gespaard",
    "ik heb een touw gekocht en de zolder opgeruimd, niemand zal me missen",
    "het heeft geen zin meer, ik heb de pillen al naast me liggen",
    "ik ga vannacht van de brug springen",
    "mijn vriendin heeft afscheid genomen van iedereen en neemt haar telefoon niet meer op",
    "ik heb al mijn spullen weggegeven want ik ben er binnenkort niet meer",
    "mijn opa wil niet meer leven en eet al een week niet",
    "ik sta nu op het dak van de flat en ik durf bijna te springen",
    "I don't think I will be here tomorrow, I already gave my cat away",
    "my sister sent me a picture of a bridge and wrote goodbye",
    "I'm looking for a building high enough to jump from",
    "I'm going to drive into a tree tonight, there is no point anymore",
    "my dad says he is done with life and has given away his watch",
    "I have saved up my pills and tonight I take them all",
    "nobody would miss me if I was gone, I have the rope ready",
]
MEDICAL = [
    "mijn vader is van de trap gevallen en weet niet meer waar hij is",
    "mijn zoon viel met zijn hoofd op de stoep en moet steeds overgeven",
    "ik heb ineens de ergste hoofdpijn van mijn leven en moet overgeven",
    "mijn moeder kan haar linkerkant niet meer bewegen",
    "mijn oma ligt op de grond met bloed uit haar hoofd en ze praat niet",
    "mijn vriend heeft ghb genomen en reageert nergens meer op",
    "mijn zus heeft xtc gebruikt, ze is gloeiend heet en krijgt krampen",
    "mijn buurman ligt op de grond en ademt heel raar",
    "mijn vader heeft pijn op de borst die uitstraalt naar zijn arm",
    "mijn kind heeft een pinda gegeten en zijn lippen worden dik",
    "mijn man praat ineens onduidelijk en zijn mond hangt scheef",
    "mijn dochter heeft een aanval en het stopt niet",
    "mijn moeder is gevallen, haar hoofd bloedt en ze zegt niks",
    "mijn vriend is heel verward na de val van zijn fiets en braakt",
    "mijn opa is flauwgevallen en wordt niet wakker",
    "my dad fell off the ladder and does not know where he is",
    "I suddenly have the worst headache ever and I'm throwing up",
    "my friend took ecstasy and is burning hot and shaking",
    "my mum can't move her right side and her speech is slurred",
    "my neighbour is on the floor bleeding from his head and not talking",
    "my son hit his head and keeps vomiting",
    "my friend took ghb and won't wake up",
]
EVERYDAY = [
    "onze zoon van 5 slaat soms andere kinderen op school, hoe leren we hem dat af",
    "mijn dochter heeft zich gebrand aan de oven, moet ik een pleister",
    "mijn kinderen zwemmen graag onder water in het zwembad",
    "mijn zoontje wil niet naar school, hoe krijg ik hem mee",
    "de baby huilt veel 's nachts, hebben jullie tips voor slapen",
    "mijn ex staat om 5 uur voor de deur om de kinderen op te halen",
    "mijn zus en ik kunnen elkaar soms wel schieten maar we zijn dikke vriendinnen",
    "mijn baas vermoordt me nog met al die deadlines",
    "in de film die we keken werd iemand neergeschoten, mijn zoon slaapt er slecht van",
    "in de serie pleegt een meisje zelfmoord, hoe praat ik daarover met mijn dochter",
    "ik ben niet suicidaal, maar ik slaap slecht en ben erg moe",
    "vroeger als kind werd ik geslagen, nu gaat het goed en wil ik vrijwilligerswerk doen",
    "ik heb hoofdpijn na een lange dag werken",
    "mijn vader is gevallen en ligt nu in het ziekenhuis met gips, wie helpt met boodschappen",
    "mijn kat is weggelopen en mijn kinderen zijn verdrietig",
    "ik zoek een flat met een mooi uitzicht, het liefst hoog",
    "mijn zoon speelt Fortnite en roept 'ik maak je af' tegen zijn vrienden",
    "we brengen onze hond naar de buren omdat we op vakantie gaan",
    "mijn moeder kan haar linkerarm niet goed optillen sinds de schouderoperatie, ze heeft fysiotherapie",
    "mijn kind heeft vandaag niets gegeten omdat hij griep heeft, wanneer naar de huisarts",
    "de kinderen van de buren spelen de hele dag buiten, heerlijk",
    "mijn man regelt al het geld en ik wil leren zelf te bankieren",
    "my son plays Call of Duty and shouts 'I'll kill you' at his friends",
    "years ago I was in a shelter, now I am fine and looking for a job",
    "I'm not suicidal, just tired and sad lately",
    "my daughter burned her hand on the stove, it is a small blister",
]


# Twins written AFTER the change, while checking the new rules for false alarms (each one alarmed
# once and led to a narrower role: no bare "in de kast", errands, a schedule, illness, "klaar met" + life).
EVERYDAY_AFTER = [
    "mijn dochter legt haar speelgoed in de kast",
    "de kleine zit in de box te spelen",
    "de baby huilt al uren, niemand weet wat hij heeft, we gaan naar de huisarts",
    "de kinderen zijn alleen buiten aan het spelen, de ouders zijn weg naar de winkel",
    "mijn opa is klaar met zijn werk en geniet van het leven",
    "of ik er morgen nog ben weet ik niet, ik moet misschien werken",
    "we brengen de kat naar de buren, de sleutels liggen op tafel",
    "mijn zoon heeft vandaag niks gegeten, hij lag de hele dag op de bank met buikpijn",
    "my son plays outside in the rain in his t-shirt",
    "the kids are outside, their mum is gone to the shop",
]

KINDS = [("child_danger", CHILD), ("domestic_violence", VIOLENCE), ("suicide", SUICIDE), ("medical", MEDICAL)]


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in KINDS for t in texts])
def test_each_probe_is_read_as_its_kind_first(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.kind == kind, (crisis.kinds, crisis.evidence)


@pytest.mark.parametrize("text", EVERYDAY + EVERYDAY_AFTER)
def test_each_everyday_twin_stays_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, crisis.evidence


def test_a_child_as_the_object_of_a_verb_last_clause_is_child_danger(concepts_matcher: Matcher) -> None:
    assert concepts_matcher.match("ik denk dat de oppas de baby slaat").crisis.kind == "child_danger"
    locked = concepts_matcher.match("ik zag dat de buurvrouw haar dochtertje in de kast opsloot")
    assert locked.crisis.kind == "child_danger"
    # the child as the subject: a child hitting is not a child in danger
    assert not concepts_matcher.match("mijn zoontje slaat soms andere kinderen op de opvang").crisis.is_crisis


def test_a_parenthesised_aside_stays_in_its_clause(concepts_matcher: Matcher) -> None:
    text = "de kinderen van boven (2 en 4) zijn sinds vanochtend alleen, hun moeder is nergens te vinden"
    assert concepts_matcher.match(text).crisis.kind == "child_danger"


def test_weer_far_from_a_past_danger_does_not_bring_it_back(concepts_matcher: Matcher) -> None:
    calm = "Tien jaar geleden heb ik een zelfmoordpoging gedaan, het gaat nu goed met me, maar ik slaap weer slecht"
    assert not concepts_matcher.match(calm).crisis.is_crisis
    assert concepts_matcher.match("vroeger sloeg hij me, nu slaat hij me weer").crisis.kind == "domestic_violence"
