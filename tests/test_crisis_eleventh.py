"""Issue 9, eleventh round: the classes the concepts missed or misread in tests/eval/fresh24.yaml.

Each class is tested with sentences of its own (not fresh24's), next to the everyday twin that must stay calm. The
engine changes each have a sentence that fails without them: a comma before "vandaag", "vanavond", "vannacht" or
"morgen" starts a clause; "weet (al) wanneer" is no clause of its own; "van 3 tot 4" is a time, not an age; an author
coming back brings back violence, not a heart attack; "ik mis hem nog elke dag" is grief, not a danger going on;
"bijna flauwvallen" now is a symptom, not a near-miss.
"""

from __future__ import annotations

import pytest

from knowledge.crisis.concepts import adjective_bases
from knowledge.matcher import Matcher

DANGER: dict[str, list[str]] = {
    "suicide": [
        # a third person who no longer wants to live (not only "ik")
        "mijn zus zegt dat ze niet meer verder wil leven na vanavond",
        # "het vanavond doen" beside a weapon, a plan, "beter af"
        "hij heeft een geweer in huis en zegt dat hij het vanavond gaat doen",
        "mijn vader zegt dat we beter af zijn zonder hem en dat hij het vannacht gaat doen",
        # a plan, and already knowing when ("wanneer" does not cut the clause after "weet")
        "mijn dochter zegt dat ze een plan heeft en al weet wanneer",
        # "nu is het klaar", "voor mij is het klaar" after a last message, a goodbye, everything settled
        "heb mijn laatste appje naar mijn vader gestuurd, nu is het klaar",
        "vanmiddag nog afscheid genomen van mijn broer, voor mij is het klaar",
        "ik ben er klaar mee, alles is geregeld",
        # love and sorry, then no answer (verb-last "dat het hem spijt")
        "hij stuurde een bericht dat hij van ons houdt en dat het hem spijt, en nu neemt hij niet op",
        # to the coast, not coming back
        "ik rij naar de kust en kom niet meer terug",
        # means bought "for the end"; a knife ready, "sorry"
        "gisteren tabletten gekocht voor het einde",
        "het mes ligt klaar, sorry",
        # into the water today; in front of the train; walking into the water, told on the phone
        "ik sta bij het kanaal en vandaag spring ik erin",
        "hij gaat vanavond voor de trein staan",
        "ze belde me vanaf de kade dat ze het water in loopt",
        # cannot care any more, then the curtains stay closed
        "de buurvrouw zei dat ze er niet meer voor kan zorgen en sindsdien zijn haar gordijnen dicht",
        # a comma before "vandaag" starts a clause: "geen werk" no longer hides the jump
        "ik heb geen werk meer, vandaag spring ik van de flat",
        "my roommate locked himself in with a knife and says he doesn't want to wake up again",
        "the tablets are counted out on the table, I'm done",
        "she keeps looking at the bridge and says she won't be here by friday",
        "my brother is on the roof of the car park and won't come down",
    ],
    "domestic_violence": [
        # locked in with the phone taken
        "hij heeft me opgesloten in de badkamer en mijn telefoon afgepakt",
        # screaming and banging next door, her partner home
        "de buurvrouw gilt en ik hoor gebonk tegen de muur, haar vriend is dronken thuis",
        # pushed down the stairs, second person too
        "hij duwde me van de trap af",
        "wat moet je doen als je vriend je de trap af duwt?",
        # berserk, a cry for help
        "help, mijn man is helemaal doorgedraaid",
        # worse if I tell anyone; "ik overleef de nacht niet", told by him
        "hij zegt dat het erger wordt als ik het iemand vertel",
        "hij heeft gezegd dat ik de nacht niet overleef",
        # dragged by the hair (slepen, sleuren); "te lijf gaan"
        "mijn vader sleepte mijn moeder aan haar haren over de vloer",
        "mijn vriendin dreigt me met een pan te lijf te gaan",
        "I'm hiding in the bathroom, he smashed a glass and is still yelling",
    ],
    "child_danger": [
        # an adult who makes a child send pictures of herself
        "de gymleraar laat mijn dochter van 12 foto's van zichzelf sturen",
        # a child thrown out of the window, pulled into a van
        "de vader dreigt het kind uit het raam te gooien",
        "een man trok een meisje van zeven een busje in",
        # sent abroad to be married
        "de vader van mijn vriendin van 14 stuurt haar naar het buitenland om te trouwen",
        # an adult who hurts a child, told by the child
        "mijn zoontje zegt dat de buurman hem pijn doet als hij daar speelt",
        # a small child on a windowsill with the window open
        "de kleine van drie zit op de vensterbank en het raam staat open",
        # gone with a man she does not know
        "mijn dochter van 9 is meegegaan met een man die ze niet kent",
        "my neighbours left their kids alone for the whole weekend",
    ],
    "medical": [
        # grey and no answer; blacking out and deathly pale
        "mijn buurman is grauw en reageert niet",
        "oma valt steeds weg en ziet lijkbleek",
        # the skin pulling in between the ribs
        "bij mijn baby trekt de huid in tussen de ribben en hij hoest",
        # a sting and swelling all over; sudden numbness of the face
        "mijn vader is door een wesp gestoken en zwelt helemaal op",
        "mijn moeder heeft ineens geen gevoel in haar gezicht",
        # collapsed and breathing strangely
        "hij zakte in elkaar en ademt heel raar",
        # "bijna flauwvallen" now is a symptom, not a near-miss
        "mijn hart gaat ineens heel snel en onregelmatig en ik voel dat ik bijna flauwval",
        "my grandad has been on the bathroom floor since last night and is confused",
        "my toddler ate two dishwasher tablets",
    ],
}

# Each of these has the words of one of the dangers above, and is not one.
EVERYDAY = [
    "ik heb een plan voor zijn verjaardag en weet al wanneer",
    "het mes ligt klaar voor de taart, sorry voor de rommel",
    "ik rij naar de kust en kom vanavond niet terug, we slapen in een hotel",
    "hij duwde de doos de trap af",
    "help, mijn computer is helemaal doorgedraaid",
    "de trainer laat de kinderen foto's sturen van hun doelpunten",
    "mijn moeder is grijs geworden",
    "our cat is on the roof and won't come down",
    "we left the kids alone with grandma for an hour",
    "ik kan niet meer voor mijn kat zorgen door mijn allergie, de gordijnen zijn dicht want ik slaap overdag",
    "de buurman kan niet meer voor zijn tuin zorgen",
    "het is warm, vandaag springen we in de vaart",
    "ik ben er klaar mee, ik heb alles geregeld voor de verhuizing",
    "het is genoeg geweest met die verbouwing, voor mij is het klaar",
    "mijn vriend belde dat hij het water in loopt, het is heerlijk warm aan zee",
    "de kinderen gillen en bonken op de deur omdat ze naar buiten willen",
    "ik zie het efkes niet meer zitten met al die papieren",
    "ik ben niet van plan mezelf iets aan te doen, ik wil alleen praten",
    "I'm writing a novel where the main character jumps off a bridge",
    "in my twenties I was in an abusive relationship, now I'm in therapy",
    "hij duwde me opzij in de bus, wat een eikel",
    "mijn zoon van 15 riep dat hij me vermoordt als ik zijn playstation afpak",
    "mijn dochter riep dat ze dood wil omdat ze haar telefoon om negen uur moest inleveren",
    "ik val bijna in slaap bij die saaie les",
    "vorige week viel ik bijna flauw in de bus, nu gaat het weer",
]


def test_a_comma_and_a_day_start_a_new_clause(concepts_matcher: Matcher) -> None:
    """', vandaag' cuts 'geen werk' (a blocker for heights at work) off from the jump."""
    crisis = concepts_matcher.match("ik heb geen werk meer, vandaag spring ik van de flat").crisis
    assert crisis.kind == "suicide", crisis.explain()


def test_a_time_span_is_not_an_age(concepts_matcher: Matcher) -> None:
    """'van 3 tot 5' after 'alleen thuis' is the afternoon, not a three-year-old; 'van 3' still is."""
    assert not concepts_matcher.match("mijn zoon is na school alleen thuis van 3 tot 5, mag dat?").crisis.is_crisis
    assert concepts_matcher.match("mijn zoon van 3 is al de hele middag alleen thuis").crisis.kind == "child_danger"


def test_coming_back_brings_back_violence_not_an_illness(concepts_matcher: Matcher) -> None:
    """'nu is hij weer thuis' after a cardiac arrest is over; after a beating it is the danger coming back."""
    heart = concepts_matcher.match("vorige maand had mijn vader een hartstilstand, nu is hij weer thuis").crisis
    assert not heart.is_crisis, heart.explain()
    hit = concepts_matcher.match("vorig jaar sloeg hij me, vanavond komt hij weer thuis").crisis
    assert hit.kind == "domestic_violence", hit.explain()


def test_grief_every_day_is_not_the_danger_going_on(concepts_matcher: Matcher) -> None:
    """'elke' inside 'ik mis hem nog elke dag' does not keep last year's suicide standing."""
    text = "mijn broer heeft vorig jaar een einde aan zijn leven gemaakt en ik mis hem nog elke dag"
    assert not concepts_matcher.match(text).crisis.is_crisis


# The second pass: fresh25's classes, read after it was measured blind once (the same rule: own sentences).
DANGER_SECOND = [
    # settling affairs with an end in words ("dat was het dan", "van mij verlost", "hoeft te erven")
    "ik heb al mijn abonnementen opgezegd, dat was het dan",
    "de papieren liggen bij de notaris, alles op orde gezet, vanaf zondag zijn jullie van mij verlost",
    "morgen rijd ik naar de dijk, het testament heb ik gisteren getekend",
    "ik ga naar het spoor en kom niet meer terug",
    "ze heeft de route naar de brug al gelopen en de datum staat vast",
    "ik los mijn laatste schulden af zodat niemand ze hoeft te erven",
    # a weapon and going to a dead partner; given away and nobody can stop it; no use for it after Friday
    "mijn vader haalde zijn jachtgeweer uit de kast en zei dat hij haar snel gaat opzoeken",
    "ik heb mijn sieraden weggegeven, jullie kunnen me niet tegenhouden",
    "wie wil mijn fiets, ik heb er na vrijdag toch niks meer aan",
    "al maanden bewaar ik mijn slaaptabletten in een potje, het is nu vol genoeg",
    "cancelled my phone contract and paid the last rent, after tonight nobody has to worry about me",
    "my friend texted 'last time you'll hear from me' and she's on the bridge",
    # rampaging while she whispers; a weapon coming at me; shut out in the frost; tied to a chair; locked in by
    # the in-laws; by the throat; pinned with a car; a fist through the wall; burning if I talk
    "mijn vriend slaat alles kapot en ik zit fluisterend in de badkamer",
    "mijn vrouw kwam met een mes op me af",
    "hij zette me buiten in de vrieskou",
    "mijn broer heeft mijn moeder aan haar stoel vastgebonden",
    "mijn schoonfamilie sluit mij op en ik mag niet bellen",
    "hij heeft haar bij de keel gegrepen en ze hoest nog",
    "mijn vader heeft mijn moeder klemgereden met de auto",
    "he put his fist through the wall next to my head and said we'd finish this later",
    "my husband says he will burn me if I talk to anyone",
    # sleeping in the shed in the frost; a toddler and a lighter; put in the cupboard in the dark; a 12-year-old
    # visited at night; held under water until blue; a toddler not fed
    "mijn zoontje moet van zijn stiefmoeder in de schuur slapen en het vriest",
    "een peutertje speelt met een aansteker in de garage",
    "de vriend van mijn zus zet haar dochtertje in de kast met het licht uit",
    "ik ben 12 en mijn stiefvader komt 's nachts op mijn kamer",
    "de oppas hield de baby onder water en hij kwam blauw boven",
    "the toddler next door hasn't been fed in days",
    # a CO alarm with headaches; gibberish all of a sudden; blue lips (inflected: "blauwe lipjes"); a diabetic's
    # breath; a fall and unequal pupils
    "de co-melder piept en we hebben allebei hoofdpijn",
    "mijn opa begon ineens wartaal te spreken",
    "mijn baby van drie maanden heeft blauwe lipjes",
    "my roommate is diabetic and his breath smells like nail polish remover",
    "the baby rolled off the bed and now one pupil looks bigger",
]

EVERYDAY_SECOND = [
    "we hebben de abonnementen opgezegd want we verhuizen naar Spanje, dat was het dan voor dit huis",
    "het testament heb ik gisteren getekend en morgen rijd ik naar de dijk om te fietsen",
    "wie wil mijn oude fiets? na vrijdag heb ik er toch niks meer aan, dan krijg ik mijn nieuwe",
    "de co-melder piept, de batterij is leeg",
    "ik heb de lucifers en de aansteker hoog weggelegd zodat de peuter er niet bij kan",
    "mijn vrouw kwam met een schaar op me af om mijn haar te knippen",
    "de zwemleraar hield hem even onder water en hij kwam proestend boven",
    "mijn puber sluit zich elke dag op in haar kamer met haar telefoon",
    "he pinned me to the floor at judo and took the yellow belt",
    "ik heb het rattegif hoog in de kast gezet zodat de kleine er niet bij kan",
    "na de kliniek spaar ik geen pillen meer op, mijn psychiater geeft ze per week mee",
    "vorige maand had mijn vader een hartinfarct, hij revalideert nu en wandelt alweer elke dag",
    "my son had a seizure when he was three and hasn't had one since",
    "ik lees een thriller over een kind dat ontvoerd wordt",
    "ik heb mijn zus een brief geschreven om het goed te maken",
    "saying goodbye to my flat tomorrow, moving in with my girlfriend",
    "de huisarts heeft mijn bloeddruk omlaag gekregen, sindsdien geen druk meer op de borst",
    "my 6-year-old punched a kid at school who took his lunch",
]


@pytest.mark.parametrize("text", ["mijn man heeft mijn zus geslagen", "hij heeft mijn moeder geschopt",
                                  "mijn vader heeft mijn moeder klemgereden met de auto"])
def test_a_filler_after_an_auxiliary_is_the_object(concepts_matcher: Matcher, text: str) -> None:
    """Before the participle at the end, after 'heeft', 'mijn zus' is the one hit, not the one who hits."""
    assert concepts_matcher.match(text).crisis.kind == "domestic_violence"


def test_a_subject_before_a_verb_still_hits_nothing(concepts_matcher: Matcher) -> None:
    """Without an auxiliary the filler right before the verb stays its subject."""
    assert not concepts_matcher.match("mijn zoon schopt tegen een bal").crisis.is_crisis


@pytest.mark.parametrize("text", ["mijn baby heeft blauwe lippen", "mijn opa heeft ineens een slappe arm"])
def test_an_inflected_adjective_fills_its_role(concepts_matcher: Matcher, text: str) -> None:
    """'blauwe' is 'blauw', 'slappe' is 'slap': the entries name the plain adjective."""
    assert concepts_matcher.match(text).crisis.kind == "medical"


def test_adjective_bases() -> None:
    assert "blauw" in adjective_bases("blauwe") and "slap" in adjective_bases("slappe")
    assert "bleek" in adjective_bases("bleke") and "grijs" in adjective_bases("grijze")
    assert "lief" in adjective_bases("lieve")
    assert adjective_bases("idee") == () and adjective_bases("knie") == () and adjective_bases("dag") == ()


# The third pass: fresh26's classes (a cord over a beam, the gas loose and the gaps taped, a train that does not stop,
# passwords and "verder hoef ik niet", ice that cracks, hot fat and skin coming off, measuring the drop, pressed
# until black, a cord before the baby), next to their calm twins.
DANGER_THIRD = [
    "ik heb een koord over de balk op zolder gehangen",
    "de gasslang is losgedraaid en de kieren zijn dichtgeplakt",
    "ik sta bij het spoor en wacht op de trein die hier niet stopt",
    "mijn wachtwoorden liggen klaar voor mijn broer, verder hoef ik niet",
    "mijn broertje van 5 staat op het ijs van de vijver en het kraakt",
    "mijn collega kreeg heet vet over zijn arm en de huid laat los",
    "she's on the balcony of the 12th floor asking how far it is down",
    "he pressed on my neck until everything went black",
    "the cord came out before the baby",
]

EVERYDAY_THIRD = [
    "onze hond is onder een auto gekomen, de kinderen zijn verdrietig",
    "de chemo slaat goed aan bij mijn vader",
    "de bank heeft ons met die hypotheek de strop om de nek gedaan",
    "ik heb een touw over de balk in de schuur gehangen om hooibalen te takelen",
    "een jongen heeft mijn zoon in de pauze geschopt, de juf heeft ingegrepen",
    "ze kneep in mijn hand tijdens de bevalling",
    "ik zag in het nieuws dat een kind is verdronken",
    "our son was hit by a ball at school, he's eating and playing normally",
    "my heart is broken since she left",
    "ik sta op het perron te wachten op de trein naar Zwolle",
]


def test_a_joke_the_writer_does_not_believe_lowers_nothing(concepts_matcher: Matcher) -> None:
    """'hij lachte erbij' softens a danger to the gentle question; 'maar ik geloof het wel' (not_joking) undoes that,
    and so does a means at hand: a rope already bought is no joke (sixteenth round)."""
    laughed = "mijn broer zei dat hij er een eind aan maakt, hij lachte erbij"
    assert not concepts_matcher.match(laughed).crisis.is_crisis
    believed = laughed + " maar ik geloof het wel"
    assert concepts_matcher.match(believed).crisis.kind == "suicide"
    rope = "mijn broer zei dat hij het touw al heeft gekocht, hij lachte erbij"
    assert concepts_matcher.match(rope).crisis.kind == "suicide"


def test_after_an_auxiliary_only_a_participle_makes_the_filler_its_object(concepts_matcher: Matcher) -> None:
    """'ik heb gemerkt dat mijn zoon slaat': 'heb' belongs to 'gemerkt', and 'mijn zoon' is still the one who hits."""
    assert not concepts_matcher.match("ik heb gemerkt dat mijn zoon slaat als hij boos is").crisis.is_crisis


@pytest.mark.parametrize("text", [t for texts in DANGER.values() for t in texts] + DANGER_SECOND + DANGER_THIRD)
def test_eleventh_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """Every danger of this round's classes alarms (any kind: the bench counts a wrong kind)."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY + EVERYDAY_SECOND + EVERYDAY_THIRD)
def test_eleventh_round_calm(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())
