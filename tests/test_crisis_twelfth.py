"""Issue 9, twelfth round: the classes fresh27 and fresh28 showed, and the holes a grammar grid found.

The grid (`GRID_NL`, `GRID_EN`) puts violence verbs in every frame a resident uses: verb second after a fronted time,
verb last in a reason clause, perfect tense with the participle at the end, a passive with its doer ("zij wordt door
mijn man opgesloten", "she was hit by her husband"), the past, a question, a report. Before this round 32 of its
Dutch sentences (a particle after a full object: "slaat hij mijn moeder in elkaar"; a third-person passive) and 464
English ones (passives, "ties me up", "locks her in") were missed. Each class below is tested with sentences of its
own, not the evaluation sets', next to the everyday twin that must stay calm.
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase

# Dutch: (present, past, participle, particle) and the frames, with a doer and someone it is done to.
VERBS_NL = {"slaan": ("slaat", "sloeg", "geslagen", ""), "opsluiten": ("sluit", "sloot", "opgesloten", "op"),
            "wurgen": ("wurgt", "wurgde", "gewurgd", ""),
            "in elkaar slaan": ("slaat", "sloeg", "geslagen", "in elkaar"),
            "vastbinden": ("bindt", "bond", "vastgebonden", "vast"), "schoppen": ("schopt", "schopte", "geschopt", "")}


def _grid_nl() -> list[str]:
    doers = ("mijn man", "de vriend van mijn moeder", "hij")
    done_to = (("me", "ik word", "ik ben"), ("haar", "zij wordt", "zij is"),
               ("mijn zus", "mijn zus wordt", "mijn zus is"))
    sentences = []
    for present, past, participle, particle in VERBS_NL.values():
        split = f" {particle}" if particle else ""
        last = (f"{particle} {present}" if " " in particle else particle + present) if particle else present
        done = participle if not particle or participle.startswith(particle) else f"{particle} {participle}"
        for doer in doers:
            for object_, passive, passive_perfect in done_to:
                sentences += [
                    f"elke avond {present} {doer} {object_}{split}",
                    f"ik ben bang omdat {doer} {object_} elke avond {last}",
                    f"{doer} heeft {object_} gisteren weer {done}",
                    f"{passive} elke avond door {doer} {done}",
                    f"{passive_perfect} gisteren weer door {doer} {done}",
                    f"{doer} {past} {object_} gisteren weer{split}",
                    f"wat moet ik doen als {doer} {object_} weer {last}",
                ]
    return sentences


VERBS_EN = {"hit": ("hits", "hit", "hit", ""), "choke": ("chokes", "choked", "choked", ""),
            "kick": ("kicks", "kicked", "kicked", ""), "lock in": ("locks", "locked", "locked", "in"),
            "tie up": ("ties", "tied", "tied", "up")}


def _grid_en() -> list[str]:
    doers = ("my husband", "her boyfriend")
    done_to = (("me", "i was", "i have been"), ("her", "she was", "she has been"))
    sentences = []
    for present, past, participle, particle in VERBS_EN.values():
        split = f" {particle}" if particle else ""
        for doer in doers:
            for object_, passive, passive_perfect in done_to:
                sentences += [
                    f"every night {doer} {present} {object_}{split}",
                    f"i am scared because {doer} {present} {object_}{split} every night",
                    f"{passive} {participle}{split} by {doer} again last night",
                    f"{passive_perfect} {participle}{split} by {doer} again",
                    f"{doer} {past} {object_}{split} again last night",
                    f"what do i do if {doer} {present} {object_}{split} again",
                ]
    return sentences


def _grid_suicide() -> list[str]:
    """Suicide and the child grid: the same idea for the other kinds, in Dutch and English (twelfth round)."""
    forms = [  # (main clause, verb last after "dat"/"als", fronted time)
        ("{s} wil niet meer leven", "{s} niet meer wil leven", "sinds gisteren wil {s} niet meer leven"),
        ("{s} maakt er vanavond een einde aan", "{s} er vanavond een einde aan maakt",
         "vanavond maakt {s} er een einde aan"),
        ("{s} hangt zich vanavond op", "{s} zich vanavond ophangt", "vanavond hangt {s} zich op"),
        ("{s} springt vanavond van de flat", "{s} vanavond van de flat springt", "vanavond springt {s} van de flat"),
        ("{s} neemt vanavond alle pillen in", "{s} vanavond alle pillen inneemt", "vanavond neemt {s} alle pillen in"),
        ("{s} doet zichzelf vannacht iets aan", "{s} zichzelf vannacht iets aandoet",
         "vannacht doet {s} zichzelf iets aan"),
        ("{s} gaat zich van kant maken", "{s} zich van kant gaat maken", "morgen maakt {s} zich van kant"),
    ]
    sentences = []
    for main, last, fronted in forms:
        for who in ("mijn zoon", "ze", "de buurvrouw"):
            sentences += [main.format(s=who), "ik ben bang dat " + last.format(s=who),
                          "wat moet ik doen als " + last.format(s=who), fronted.format(s=who)]
    for who, self_ in (("my son", "himself"), ("my best friend", "herself")):
        for danger in (f"{who} does not want to live anymore", f"{who} is going to kill {self_} tonight",
                       f"{who} has bought a rope to hang {self_}", f"{who} is standing on the roof and wants to jump"):
            sentences += [danger, "i am scared that " + danger, "her mum told me that " + danger]
    for child in ("het meisje van de buren", "onze peuter", "het jongetje van boven"):
        sentences += [f"{child} is al sinds gisteren alleen thuis", f"{child} hangt over de reling van het balkon",
                      f"volgens de juf wordt {child} elke avond geslagen door haar vader",
                      f"{child} is niet wakker te krijgen", f"{child} zit alleen in de auto in de hitte"]
    return sentences


def _grid_medical() -> list[str]:
    """The medical grid: a probe after the round that found no hole, kept so that none opens (twelfth round)."""
    sentences = []
    for who in ("de buurman", "oma"):
        for danger in (f"{who} heeft pijn op de borst en het trekt naar zijn linkerarm",
                       f"{who} is in elkaar gezakt en ademt niet meer",
                       f"{who} praat ineens heel raar en zijn mond hangt scheef",
                       f"{who} is door een wesp gestoken en zijn keel zwelt dicht",
                       f"{who} is van de trap gevallen en reageert niet"):
            sentences += [danger, "help, " + danger, "net belde mijn zus: " + danger]
    for who, his in (("my dad", "his"), ("my wife", "her")):
        for danger in (f"{who} has chest pain spreading to {his} left arm",
                       f"{who} is slurring and {his} face is drooping",
                       f"{who} took too many pills and will not wake up"):
            sentences += [danger, "i think " + danger]
    return sentences


GRID_NL = _grid_nl()
GRID_EN = _grid_en()
GRID_SUICIDE_CHILD = _grid_suicide()
GRID_MEDICAL = _grid_medical()


def test_the_grid_is_large_enough_to_mean_something() -> None:
    assert len(set(GRID_NL)) >= 350 and len(set(GRID_EN)) >= 110


# the same frames with a harmless object or doer: no violence
EVERYDAY_GRID = [
    "elke avond slaat hij de deur dicht",
    "mijn zoon wordt op school geslagen door klasgenoten",
    "hij is door de politie opgesloten na het voetbal",
    "zij is door de stress helemaal in elkaar gezakt vorig jaar",
    "hij werd vorig jaar door een hond gebeten",
    "ze wordt in de film door haar man opgesloten",
    "he was beaten by his brother at chess",
    "she was hit by the ball during the match",
    "he was locked up by the police last night after the fight in the pub",
    "I am locked in a contract with my phone company",
    "im tied up at work all week",
    "my daughter burned her hand on the stove, it is a small blister",
    "my dog was tied up by the neighbour outside the shop",
    # the third person passive is no violence when it is a team, a fine, a speech or a fire drill
    "he was kicked off the team for missing training",
    "she got slapped with a fine for parking",
    "she was choked up during the speech",
]




DANGER = [
    # a fall, then strange speech (stroke signs); English: fell over and slurring
    "mijn schoonvader viel om in de keuken en praat ineens krom",
    "my grandad fell over in the garden and now he is slurring his words",
    # chased out of the house with a knife
    "haar vader heeft haar met een mes de deur uit gejaagd",
    # a young child not collected while the parent is drinking again
    "mijn broertje van 4 is nog niet opgehaald van de opvang en papa drinkt weer",
    # a note, then a place instead of home
    "ik heb een briefje op mijn bureau gelegd en rij straks naar de pier",
    # children alone, the parent gone for days (English)
    "the kids upstairs are alone, their dad has been gone since friday",
    # wrapping up online and thanking everyone
    "mijn zus heeft al haar accounts verwijderd en iedereen bedankt voor alles",
    # a handful of pills on a photo
    "mijn vriend stuurde een foto van een handvol pillen",
    # "he started again, come"
    "mijn buurvrouw appte: hij is weer begonnen, kom snel",
    # a toddler left alone while the parent works
    "als ik werk laat ik de baby alleen in de box, de hele dag",
    # a parent who takes the child to "disappear from the world" together
    "zijn moeder heeft het kind meegenomen en zegt dat ze samen van de wereld verdwijnen",
    # when I'm gone, said goodbye
    "nobody will miss me when I'm gone, I already said bye to my sister",
    # a note saying who gets his things, soon
    "mijn opa liet een briefje zien met wie zijn spullen krijgt na vrijdag",
    # hair pulled out
    "hij trekt de haren uit mijn hoofd",
    # all the pills taken just now; to drive oneself to death
    "mijn vader heeft zojuist alle pillen uit de kast geslikt",
    "hij wil zich doodrijden tegen een boom",
    # a step-parent who touches her at night
    "de vriend van mijn moeder raakt me 's nachts aan en zegt dat ik het niet mag vertellen",
    # a very young child left alone, the age in the next clause
    "het meisje van de buren wordt elke dag alleen gelaten, ze is pas 2",
    # not answering a call (was a fixed phrase, now a concept that knows about ears)
    "mijn vader reageert niet als ik hem roep",
]

EVERYDAY = [
    "opa valt om van de slaap en praat raar in zijn dromen",
    "hij viel om van het lachen en praatte heel raar met een accent",
    "de buurman jaagt de katten uit zijn tuin met een stok",
    "mijn zoon is nog niet opgehaald, de opvang belt dat mama later komt",
    "papa drinkt weer een biertje en mijn zusje is nog niet opgehaald van voetbal, wat moet ik eten",
    "ik heb een briefje op de koelkast gelegd en ga naar de pier om te vissen",
    "the neighbours are gone since sunday and their cat is alone",
    "ik heb mijn oude insta verwijderd en iedereen bedankt voor de leuke tijd, nu begin ik een nieuwe",
    "de regen is weer begonnen, kom alsjeblieft binnen",
    "mijn dochter van 3 speelt overdag alleen in haar kamer terwijl ik werk vanuit huis",
    "ik heb net al mijn pillen ingenomen voor vandaag",
    "mijn stiefvader raakte 's avonds mijn schouder aan om me te troosten toen opa overleed",
    "de peuter speelt met oma, ik ben even alleen gelaten met de afwas",
    "oma reageert niet als ik haar roep, ze heeft haar gehoorapparaat niet in",
    # fresh27's and fresh28's false alarms, in other words
    "ik wil na de zomer mijn opleiding afmaken, maar ik heb geen geld",
    "als verpleegkundige had ik vannacht twee reanimaties, ik ben op",
    "ik heb een afscheidsbrief aan mijn collega's geschreven, ik ga met pensioen",
    "how do I kill the weeds between the tiles without harming the kids",
    "my daughter had a tooth knocked out at hockey, the dentist fixed it",
    "onze club heeft ze helemaal kapotgemaakt in de finale, 5-1",
    "het was maar maagzuur, zeiden ze op de eerste hulp, en hij mocht naar huis",
    "mijn zus is twee jaar geleden aan een overdosis overleden, ik mis haar nog steeds",
    "toen ik klein was werd ik als straf in de kast opgesloten, nu praat ik erover met mijn therapeut",
    "my son screamed that he wants to die because I turned off the wifi",
    "my friend collapsed on the grass after the race, happy and exhausted",
    "ik sta graag op de brug naar de boten te kijken, dat is mijn hobby",
]


def test_a_particle_after_a_full_object_is_no_verb(concepts_matcher: Matcher) -> None:
    """'slaat hij mijn moeder in elkaar': the mother stands before 'in elkaar', which is no verb, so she is hit."""
    assert concepts_matcher.match("elke avond slaat hij mijn moeder in elkaar").crisis.kind == "domestic_violence"
    assert concepts_matcher.match("hij geeft mijn zus elke avond een pak slaag").crisis.kind == "domestic_violence"


def test_a_fronted_time_clause_dates_the_clause_after_it(concepts_matcher: Matcher) -> None:
    """'toen ik jong was, werd ik ... opgesloten' is the past; 'toen ik thuiskwam, sloeg hij me' is not."""
    past = concepts_matcher.match("toen ik jong was, werd ik thuis als straf in de kelder opgesloten").crisis
    assert not past.is_crisis
    assert concepts_matcher.match("toen ik thuiskwam sloeg hij me meteen in mijn gezicht").crisis.is_crisis
    assert concepts_matcher.match("toen hij dronken thuiskwam, schopte hij me tegen mijn buik").crisis.is_crisis


def test_a_number_ending_the_text_after_pas_is_an_age(concepts_matcher: Matcher) -> None:
    assert concepts_matcher.match("het jongetje van boven wordt elke dag alleen gelaten, hij is pas 3").crisis.is_crisis
    assert not concepts_matcher.match("ik ben alleen gelaten op mijn werk, ik ben er pas 3").crisis.is_crisis


# Each holds a marker added this round, and is a danger: the marker must not hide it.
MARKER_TRAPS = [
    "ik denk niet meer aan mijn kinderen, ik wil er vannacht een einde aan maken",
    "last week they said it was heartburn but now the chest pain is back and his left arm is numb",
    "vroeger wel, nu niet meer, zei hij, maar vanavond heeft hij de pillen klaargelegd",
    "opa heeft zijn gehoorapparaat niet in, maar hij ademt ook niet meer en is grauw",
    "mijn vriend heeft me in elkaar geslagen na de wedstrijd, ik lig op de grond",
    "she was hit by her husband again, the police came last week but he is back",
    "Ik heb me opgesloten in de wc want hij is dronken en gooit met stoelen",
    "hij zegt altijd dat hij me vermoordt en vannacht stond hij met een mes naast mijn bed",
    "years after the divorce he turned up drunk tonight and says he will kill me",
    "he hasn't had a seizure in years but now he is jerking all over, turning blue and it won't stop",
    "ze is al jaren aanvalsvrij maar nu heeft ze een aanval die niet stopt en ze wordt blauw",
]


@pytest.mark.parametrize("text", ["mijn zoon zegt dat hij niet meer wil leve",
                                  "k wil er n einde aan make",
                                  "wat moet k doen als mn vader zichzelf iets wil aandoe",
                                  "ze is van plan om zich vannacht van t leve te berove"])
def test_a_dutch_word_without_its_final_n_is_read(concepts_matcher: Matcher, text: str) -> None:
    """Chat and dialect drop the n: 'leve' is 'leven', 'make' 'maken', 'aandoe' 'aandoen' (twelfth round)."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.kind == "suicide", (text, crisis.explain())


def test_a_word_that_is_common_as_typed_keeps_its_meaning(concepts_matcher: Matcher) -> None:
    """'dode' is nearly as common as 'doden' (to kill): it stays the adjective."""
    assert not concepts_matcher.match("onze dode kat ligt nog in de tuin, ik wil hem begraven").crisis.is_crisis


# The third pass: fresh29's classes (rescued and going back to "do it right", a last message and thanks, the tallest
# building picked, marks and he is back any minute, hiding with a child while he searches the house, hiding while he
# gets angry again, held at home, a child in a stranger's car, an old man lying in the snow), next to their twins.
DANGER_THIRD = [
    "ze hebben me gisteren van het spoor gehaald maar vannacht probeer ik het opnieuw",
    "this is my final message, thank you for everything",
    "I've been looking at the tallest bridge in town and I've chosen one for saturday",
    "my face has finger marks and my lip is split, he'll be back any minute",
    "ik zit met de kinderen op zolder verstopt, hij zoekt ons met een mes",
    "I'm hiding in the laundry room, he's drinking again and smashing plates",
    "ik word al twee dagen door mijn vader vastgehouden in mijn kamer",
    "my daughter got into a car with a stranger after school",
    "a homeless man is lying on the pavement outside, ice cold and not making sense",
    "na vrijdag hoeft niemand zich meer zorgen om mij te maken, mijn spullen zijn weggegeven",
]

EVERYDAY_THIRD = [
    "de brandweer heeft onze kat van het dak gehaald en morgen ga ik terug om ze te bedanken",
    "de kinderen spelen verstoppertje, ik zit in de kast en papa zoekt ons",
    "this is my last message in this group, thanks for everything, I'm leaving the club",
    "we visited the tallest building in Rotterdam and picked one restaurant for friday",
    "my son has a black eye from hockey, he'll be back from training any minute",
    "ik werd even vastgehouden door mijn moeder die me troostte",
    "ik werd door de beveiliging vastgehouden in de winkel",
    "the kids are playing in the snow, my dad is outside with them, it's freezing",
    "my teen said he'd kill himself if I took away the xbox, he was laughing five minutes later",
    "ik schrijf een afscheidsbrief voor mijn collega die met pensioen gaat",
    "my wife has epilepsy but hasn't had a seizure in three years, can she get her licence back?",
]




# The last read of this round (a review of the change) wrote these: dangers a marker or blocker added this round hid
# (a fronted time clause from the sentence before, generic tantrum and all-clear markers, "beaten at", "slapped with
# a", "niet meer aan er een", "zegt ze altijd", a teacher in the peers list, outings, "met oma", sport words, "this
# chat", "view") and everyday sentences new concepts alarmed on.
REVIEW_TRAPS = [
    "hij heeft me opgesloten toen ik ziek was en ik krijg geen eten",
    "hij heeft me vastgebonden en op mijn schouder geslagen",
    "when he was drunk he beat me up and locked me in the bathroom",
    "when she was in the bath the baby stopped breathing",
    "hij sloeg me toen ik klein was. nu slaat hij mijn dochter",
    "my dad hit me when i was little. he hits my mum and i am scared",
    "he beat me when i was young. my husband beats me and i am scared",
    "my husband beat me up because i turned off the tv and now he is blocking the door",
    "my son is on the balcony railing and says he will jump because i turned off the wifi",
    "i thought it was heartburn but now the chest pain is spreading to my left arm and i am sweating",
    "my dad said it was just heartburn but he has crushing pain in his chest and is grey",
    "i get beaten at home every night by my stepdad",
    "i was beaten at home by my husband last night and i am scared to go back",
    "my son is beaten at his dads house every weekend",
    "my dad beat us at home with his belt tonight",
    "i got slapped with a belt by my stepdad last night",
    "she got slapped with a wooden spoon by her mum until she bled",
    "ik denk niet meer aan er een eind aan maken, ik ga het gewoon doen",
    "ik denk niet meer aan zelfmoord, ik heb besloten dat ik het ga doen, de pillen liggen klaar",
    "dat zegt ze altijd, maar nu heeft ze een brief geschreven en is ze met de pillen naar de badkamer gegaan",
    "hij wil dood, dat zegt hij al jaren. maar nu staat hij op het dak van de flat",
    "ik word thuis geslagen door mijn vader, ik durf het niet aan de juf te vertellen",
    "mijn ex heeft mijn dochter meegenomen naar het strand en zegt dat ze samen van de wereld gaan verdwijnen",
    "mijn baby ligt alleen thuis want ik moest met opa mee naar de eerste hulp",
    "mijn peuter van 2 is alleen thuis, ik ben met oma naar het ziekenhuis",
    "mijn vader ligt op het veld en is niet aanspreekbaar",
    "ik sta al uren op de brug naar de schepen te kijken en ik ga zo springen",
    "this is my last message in this chat, thank you for trying",
    "i have picked the tallest building in the city, the view will be the last thing i see",
    "ik word door mijn man vastgebonden, ik durf de politie niet te bellen",
]

EVERYDAY_REVIEW = [
    "my daughter doesn't want to live with her dad anymore",
    "he doesn't want to live in Amsterdam anymore",
    "i won't be here anymore after friday, we are moving to Spain",
    "mijn dochter is sinds gisteren alleen thuis want ze is 17 en wij zijn op vakantie",
    "My son had a seizure when he was three, he's eight now and hasn't had one since.",
    "toen ik zes was sloeg mijn vader me, nu gaat het goed met ons",
    "het begint weer te regenen, kom je me halen?",
    "hij is weer begonnen met roken, kun je komen helpen met de boodschappen",
    "this is my last message for today, thank you for everything!",
    "when i am gone on holiday next week, can you take care of my cat",
    "who will take care of my kids when i die?",
    "ik heb net al mijn medicijnen ingenomen, welterusten",
    "ik kan de haren uit mijn hoofd trekken van die kinderen",
    "ik werd tegengehouden bij de ingang van het zwembad, morgen ga ik terug",
    "ik heb een briefje voor mama neergelegd dat ik naar de dijk ga met vrienden",
    "my grandfather is lying outside in the garden, he is a bit confused about the time",
    "he was kicked by a horse",
    "my mother was locked in by the snow for two days",
    "i was tied up by meetings all day",
    "mijn zoon is alleen thuis want ik moest even weg, het is nog maar 5",
]


def test_years_without_a_seizure_is_a_fact_that_leaves_the_model_free(sample_kb: KnowledgeBase) -> None:
    """'al jaren geen aanval' hides its words from the concepts (a fact), but does not calm the second opinion, which
    hears the fit that will not stop now; as an idiom it had silenced both."""
    matcher = Matcher(sample_kb, background=False)
    text = "hij heeft al jaren geen aanval gehad maar nu heeft hij er een die niet stopt, al 10 minuten"
    assert matcher.match(text).crisis.is_crisis
    calm = "mijn zoon heeft epilepsie maar al jaren geen aanval gehad, mag hij zwemmen?"
    assert not matcher.match(calm).crisis.is_crisis


@pytest.mark.parametrize("text", GRID_NL + GRID_EN + GRID_SUICIDE_CHILD + GRID_MEDICAL + DANGER + DANGER_THIRD
                         + MARKER_TRAPS + REVIEW_TRAPS)
def test_twelfth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """The grid (fronted, verb last, perfect, passive with its doer, past, question, report: the grammar of the report
    does not matter), the round's dangers, and the dangers a marker of this round must not hide, by the concepts alone
    (any kind: the bench counts a wrong kind)."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY_GRID + EVERYDAY + EVERYDAY_THIRD + EVERYDAY_REVIEW)
def test_twelfth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    """The same frames with a harmless object or doer, and each danger's everyday twin."""
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())
