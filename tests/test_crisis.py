"""The crisis engine on sentences nobody wrote into its word lists: word order, verb forms,
someone else telling, preparation, typos, English; and the everyday traps it must not fall in."""

from __future__ import annotations

import time

import pytest

from knowledge.crisis import Crisis, CrisisReader
from knowledge.crisis.forms import en_verb, nl_verb
from knowledge.matcher import CRISIS_DOMAINS, Matcher
from knowledge.matcher import Crisis as MatcherCrisis

DANGER = {
    "suicide": [
        "als het zo doorgaat, maak ik er vannacht een eind aan",  # inverted order
        "ik heb een doosje pillen bewaard voor als het echt niet meer gaat",  # preparation
        "ik heb mijn spullen al weggegeven",  # preparation
        "mijn broer zegt dat hij van de flat wil springen",  # third person, verb last
        "gisteren heb ik al mijn slaappillen verzameld, vanavond neem ik ze allemaal in",  # split verb
        "sinds ze weg is wil ik eigenlijk alleen nog maar dood",  # verb second after a clause
        "ik heb afscheid genomen van iedereen die ik ken",  # participle
        "ik wil nie meer leve",  # typos
        "my daughter told me she wants to die",  # English, third person
        "I have been saving up my pills for when it gets too much",  # English preparation
    ],
    "domestic_violence": [
        "als hij boos wordt, gooit hij met stoelen naar mij",  # verb second after a clause
        "ze zegt dat haar vriend haar elke week slaat",  # verb last, third person
        "hij maakt me nog eens af",  # split verb
        "ze sloot hem op in de kelder",  # split verb, past
        "gisteren ben ik weer door mijn man geslagen",  # participle, passive
        "mijn buurvrouw wordt door haar vriend mishandeld, ik hoor het elke avond",  # third person
        "mn vrind schopt me als ie dronke is",  # typos
        "toen ik thuiskwam begon hij me te wurgen",  # infinitive, fronted clause
        "my husband hits me when he drinks",  # English
        "she told me her boyfriend locked her in the bathroom and beat her",  # English third person
    ],
    "child_danger": [
        "de kleine van hiernaast staat om tien uur 's avonds nog alleen buiten te huilen",  # third person
        "oma ziet brandwonden op de armen van haar kleinzoon",  # third person
        "de juf zag blauwe plekken bij een leerling",  # third person
        "mijn peuter heeft schoonmaakmiddel gedronken",  # participle
        "de buurman slaat zijn kinderen, ik hoor ze gillen",  # third person
        "de kinderen van de buren worden steeds alleen thuis gelaten, de hele nacht",  # passive
        "mijn stiefvader heeft mijn zusje aangerand",  # participle
        "er zit een peutertje alleen op het balkon op de vierde verdieping",  # inverted order
        "the kid next door is left alone all night and cries",  # English
        "my neighbour's toddler was climbing out of the window alone",  # English
    ],
    "medical": [
        "kan nie meer ademe en mn lippe worde blauw",  # typos
        "mijn vader heeft pijn op de borst die naar zijn arm trekt",  # relative clause
        "sinds een uur heeft mijn man een drukkende pijn in zijn borst",  # inverted order
        "mijn moeder is net in elkaar gezakt en reageert niet",  # participle, third person
        "ze bloedt heel erg en het stopt niet",  # third person
        "opeens hangt zijn mondhoek scheef en hij kan niet praten",  # inverted order
        "mijn zoon krijgt geen lucht meer na een wespensteek",  # third person
        "hij ademt niet meer",  # third person
        "my wife collapsed and is not breathing",  # English
        "I have crushing chest pain going down my left arm",  # English
    ],
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts])
def test_danger_is_found_however_it_is_said(concepts_matcher: Matcher, kind: str, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, f"missed {kind}: {text}"
    assert kind in crisis.kinds, crisis.explain()
    assert crisis.explain(), "a crisis always says why"


EVERYDAY = [
    "ik zoek iemand die me helpt met formulieren",
    "ik lach me dood om die film",
    "die baas maakt me nog eens gek",
    "twee jaar geleden wilde ik dood, sinds de therapie gaat het beter",
    "ik viel vorige week bijna om",
    "de verhuurder dreigt met de rechter",
    "de verhuurder dreigt met de deurwaarder als ik niet betaal",
    "mijn kind slaat de deur dicht als ik iets zeg",
    "ik sla deze maand de tandarts maar over, geen geld",
    "de kinderen spelen alleen in de tuin",
    "die formulieren maken me gek",
    "ik verveel me dood op mijn werk",
    "mijn zoon heeft een blauwe plek van het voetballen",
    "is er iemand die me kan helpen met de huur",
    "I am dying to know how the allowance works",
    "my landlord threatens to take me to court",
    "this job kills me",
    "the kids are alone at home for an hour after school",
    "vroeger sloeg mijn vader me, maar dat is lang geleden en het gaat nu goed",
    "ik moet even op adem komen, het is druk",
    "de verhuurder reageert niet op mijn klachten",
    "mijn dochter voelt zich alleen en huilt 's avonds",
    "mijn dochter fietst alleen over straat naar school",
    "ik bloed veel tijdens mijn menstruatie",
    "ik kan 's ochtends niet wakker worden",
    "mijn kind heeft krassen van de kat",
    "my landlord is not responding",
    "my son is alone in his room crying at night since the divorce",
    "i do not want my mum to die, she is so ill",
    "ik wil niet dood, ik ben bang voor de operatie",
    "mijn vriendin ziet het niet meer zitten met haar studie",
    "ik verstop de medicijnen voor de kinderen",
    "ik woon op de hoofdstraat 113",
    "ik ben bang voor haar reactie als ik het vertel",
    "i am afraid she will be angry about the bill",
    "ik ben bang dat ze mijn uitkering stopzetten",
    "mijn zoon heeft een pinda allergie, hoe regel ik een epipen op school",
    "mijn moeder is van de trap gevallen vorig jaar maar het gaat weer",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_speech_is_no_crisis(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, crisis.explain()


@pytest.mark.parametrize("text", ["ik zoek iemand die me helpt met formulieren", "is er iemand die me kan helpen",
                                  "die brief snap ik niet", "ik lach me dood om die film",
                                  "aan het einde van de maand is mijn geld op", "de batterij van mijn telefoon is dood",
                                  "my phone is dead", "we are in danger of losing the house",
                                  "i do breathing exercises for my stress", "the kids jump on the trampoline"])
def test_the_gentle_question_never_comes_for_everyday_words(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.hint


@pytest.mark.parametrize("text", ["ik heb bloed in mijn ontlasting", "er ligt een mes op tafel bij hem",
                                  "er lag overal bloed in de keuken en ik weet niet wat ik moet doen",
                                  "ik zag bloed op de stoep voor mijn huis",
                                  "ik heb een mes in mijn tas"])
def test_real_risk_words_without_a_concept_ask_gently(concepts_matcher: Matcher, text: str) -> None:
    crisis = concepts_matcher.match(text).crisis
    assert crisis.hint and not crisis.is_crisis


@pytest.mark.parametrize("text", ["what kind of support is there for pain in my arm",
                                  "someone kind at the door helped me with the forms",
                                  "my kind neighbour had burns on her arm from the oven last year"])
def test_dutch_words_never_count_in_english(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis


@pytest.mark.parametrize(("text", "kind"), [("de buurman sluit zijn zoontje elke dag op in de schuur", "child_danger"),
                                            ("mijn vader viel net flauw en is nog steeds heel grauw", "medical"),
                                            ("mijn kind heeft brandwonden op zijn arm", "child_danger")])
def test_split_verbs_and_dutch_common_words(concepts_matcher: Matcher, text: str, kind: str) -> None:
    assert kind in concepts_matcher.match(text).crisis.kinds


@pytest.mark.parametrize(("text", "kind"), [
    ("ik wil gewoon niet meer leven", "suicide"),
    ("zonder mij zijn ze allemaal beter af", "suicide"),
    ("ik ben klaar met dit leven", "suicide"),
    ("ik heb weer in mijn armen gesneden", "suicide"),
    ("mijn man dwingt me tot seks", "domestic_violence"),
    ("i dont want to live anymore", "suicide"),
    ("everyone would be better off without me", "suicide"),
    ("i am so tired of living", "suicide"),
    ("my boyfriend forced me to have sex", "domestic_violence"),
    ("moet ik 113 bellen", "suicide"),
    ("ik heb vannacht met 113 gechat", "suicide"),
    ("should i call 113", "suicide"),
    ("ik ben zo bang voor hem", "domestic_violence"),
    ("ik durf niet meer naar huis", "domestic_violence"),
    ("i am terrified of him", "domestic_violence"),
    ("mijn zoon heeft zijn epipen nodig, hij zwelt op", "medical"),
    ("she needs her epipen now", "medical"),
    ("she has bruises everywhere from her husband", "domestic_violence"),
])
def test_general_concepts(concepts_matcher: Matcher, text: str, kind: str) -> None:
    assert kind in concepts_matcher.match(text).crisis.kinds, concepts_matcher.match(text).crisis.explain()


@pytest.mark.parametrize("text", ["ik kan niet meer leven van een uitkering",
                                  "ik ben klaar met mijn werk", "i cant live like this anymore in this house",
                                  "ik heb in mijn arm gesneden met het broodmes, het bloedt een beetje"])
def test_general_concepts_keep_everyday_apart(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis, concepts_matcher.match(text).crisis.explain()


def test_english_die_still_fires_in_english(concepts_matcher: Matcher) -> None:
    assert concepts_matcher.match("i want to die").crisis.kind == "suicide"
    assert concepts_matcher.match("sometimes I just want to die").crisis.kind == "suicide"


@pytest.mark.parametrize("text", ["vanavond komt hij weer thuis en dan slaat hij me weer",
                                  "vroeger sloeg hij me en vanavond komt hij weer thuis"])
def test_a_danger_coming_back_stands(concepts_matcher: Matcher, text: str) -> None:
    assert concepts_matcher.match(text).crisis.kind == "domestic_violence"


def test_a_cancel_marker_never_hides_a_present_danger(concepts_matcher: Matcher) -> None:
    text = "vroeger wilde ik dood en sinds de therapie ging het beter. maar nu wil ik weer dood"
    assert concepts_matcher.match(text).crisis.kind == "suicide"
    text = "de verhuurder dreigt met de rechter en mijn man slaat me"
    assert concepts_matcher.match(text).crisis.kind == "domestic_violence"


def test_a_past_danger_only_asks_gently(concepts_matcher: Matcher) -> None:
    crisis = concepts_matcher.match("jaren geleden wilde ik dood").crisis
    assert not crisis.is_crisis and crisis.hint and crisis.softened


@pytest.mark.parametrize("text", [
    "my dad's speech is slurred and one side of his face is drooping, started 10 min ago",
    "his face is drooping and his speech is slurred, it began 2 hours ago",
    "mijn moeder praat raar en haar mond hangt scheef, dat begon 5 min geleden",
    "sinds een kwartier praat mijn vader onduidelijk en hangt zijn mond scheef",
])
def test_a_danger_that_began_minutes_or_hours_ago_is_now(concepts_matcher: Matcher, text: str) -> None:
    """'Ago' and 'geleden' with minutes or hours say when it began, not that it is over."""
    assert concepts_matcher.match(text).crisis.kind == "medical"


@pytest.mark.parametrize("text", [
    "my son hit another kid at school, no one was hurt, but how do I handle his anger",
    "de buurjongen sloeg mijn zoontje op het plein, niemand is gewond maar ik wil met de ouders praten",
    "mijn vader is flauwgevallen in de supermarkt, hij is nu stabiel en ligt ter observatie",
    "mijn dochter slikte een knoopcel batterij, de huisarts zegt dat alles goed afliep",
    "ik voel me somber maar ik heb geen gedachten aan zelfmoord, ik wil gewoon praten met iemand",
])
def test_an_all_clear_only_asks_gently(concepts_matcher: Matcher, text: str) -> None:
    """'Niemand is gewond', 'no one was hurt', 'geen gedachten aan': no crisis lines, at most the gentle question."""
    assert not concepts_matcher.match(text).crisis.is_crisis


def test_an_all_clear_does_not_hide_a_danger_that_comes_back(concepts_matcher: Matcher) -> None:
    text = "niemand is gewond geraakt, maar vanavond komt hij weer en dan slaat hij me weer"
    assert concepts_matcher.match(text).crisis.kind == "domestic_violence"


@pytest.mark.parametrize("text", [
    "het is om zelfmoord van te plegen, die formulieren van de belasting",
    "de kinderen schreeuwen moord en brand als ze in bad moeten",
    "that presentation absolutely killed me, I need a holiday",
    "my neighbour would rather die than cut his hedge",
])
def test_idioms_of_exasperation_are_no_danger(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis


@pytest.mark.parametrize("text", [
    "hahaha ik ga dood, de hond heeft mijn sokken opgegeten",
    "lol I'm dying, my kid just called the teacher mum",
    "mijn collega sloeg weer eens de spijker op zijn kop in het overleg",
    "de huisarts zegt dat ik kans op een beroerte heb als ik blijf roken, wie helpt me stoppen",
    "the machine at the station swallowed my bank card and now I have no money for the bus",
    "ik ben nu acht maanden clean na mijn overdosis en zoek een maatje",
    "we maken veel ruzie maar er wordt niet geslagen hoor, kan iemand bemiddelen",
])
def test_jokes_all_clears_and_idioms_of_this_round_are_no_crisis(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis


@pytest.mark.parametrize(("text", "kind"), [
    ("how many of my sleeping pills should i take so i do not wake up", "suicide"),
    ("i have said my goodbyes and i do not plan on being here after friday", "suicide"),
    ("haha hij lacht erom maar vanavond slaat hij me weer", "domestic_violence"),
])
def test_dangers_of_this_round_are_heard(concepts_matcher: Matcher, text: str, kind: str) -> None:
    assert concepts_matcher.match(text).crisis.kind == kind


@pytest.mark.parametrize("text", [
    "ik ben wijkverpleegkundige, hoe meld ik een cliënt die aan zelfmoord denkt bij jullie aan",
    "as a social worker, where can I refer a client who is a victim of domestic violence",
    "voor mijn scriptie zoek ik cijfers over kindermishandeling in onze wijk",
    "this film has a lot of blood and shooting, is it ok for a twelve year old",
    "my toddler bit and hit me when I took his toy away, how do I respond",
    "the court ordered seizure of my car because of the fines, what can I do",
    "mijn dochter viel van het klimrek maar ze is helemaal oké, wel geschrokken",
])
def test_topics_toddlers_and_legal_words_of_this_round_are_no_crisis(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis


@pytest.mark.parametrize("text", [
    "een peuter in pyjama loopt in zijn eentje langs de drukke weg bij de rotonde",
    "drie kleintjes lopen op het veel te dunne ijs van de sloot",
    "a toddler is walking on the railway tracks near the station with no adult around",
])
def test_a_small_child_on_a_road_on_thin_ice_or_on_the_tracks_is_danger(concepts_matcher: Matcher, text: str) -> None:
    assert concepts_matcher.match(text).crisis.kind == "child_danger"


@pytest.mark.parametrize("text", [
    "de kinderen schaatsen vandaag op de ijsbaan, waar kan ik schaatsen lenen",
    "mijn zoon heeft een blauw oog van een tennisbal, moet ik naar de huisarts",
    "mijn moeder had vorig jaar een beroerte maar is goed hersteld, ze zoekt nu vrijwilligerswerk",
    "hebben jullie folders over zelfdoding voor in de wachtkamer van de bibliotheek",
])
def test_ice_rinks_sport_injuries_recoveries_and_leaflets_are_no_crisis(concepts_matcher: Matcher, text: str) -> None:
    assert not concepts_matcher.match(text).crisis.is_crisis


def test_screaming_for_it_to_stop_is_violence(concepts_matcher: Matcher) -> None:
    text = "de buurvrouw gilt steeds dat hij moet stoppen, er vliegt van alles door het huis"
    assert concepts_matcher.match(text).crisis.kind == "domestic_violence"


def test_a_near_killing_that_comes_back_tonight_stands(concepts_matcher: Matcher) -> None:
    text = "he almost killed me last night and he is coming back tonight"
    assert concepts_matcher.match(text).crisis.kind == "domestic_violence"


def test_a_sentence_split_over_two_messages_counts(concepts_matcher: Matcher) -> None:
    first = concepts_matcher.match("ik heb pillen gespaard", previous=()).crisis
    assert first.hint or first.is_crisis
    second = concepts_matcher.match("voor als het echt niet meer gaat", previous=("ik heb pillen gespaard",)).crisis
    assert second.kind == "suicide"
    third = concepts_matcher.match("een eind aan maken", previous=("ik wil er vanavond",)).crisis
    assert third.kind == "suicide"


def test_a_crisis_in_an_earlier_message_is_not_reported_again(concepts_matcher: Matcher) -> None:
    previous = ("ik wil dood", "mijn man slaat me")
    assert not concepts_matcher.match("hoe vraag ik huurtoeslag aan", previous=previous).crisis.is_crisis
    assert not concepts_matcher.match("ok", previous=previous).crisis.is_crisis


def test_explain_says_concept_words_and_clause(concepts_matcher: Matcher) -> None:
    text = "ik ben moe. ik heb een doosje pillen bewaard voor als het echt niet meer gaat"
    crisis = concepts_matcher.match(text).crisis
    assert crisis.kind == "suicide" and crisis.concept
    lines = crisis.explain()
    assert any("middel + bereidheid" in line and "pillen'" in line and "zin 2" in line for line in lines), lines
    split = concepts_matcher.match("hij maakt me nog eens af").crisis
    assert any("maakt \u2026 af" in line for line in split.explain()), split.explain()


def test_the_crisis_type_is_shared() -> None:
    assert MatcherCrisis is Crisis
    assert not Crisis().is_crisis and Crisis().explain() == []


def test_verb_forms_are_generated() -> None:
    assert {"slaat", "sloeg", "sloegen", "geslagen"} <= set(nl_verb("slaan", "sla sloeg geslagen"))
    forms = nl_verb("op|sluiten", "sluit sloot gesloten")
    assert forms["sloot"] == "op" and forms["opgesloten"] is None
    assert {"schopt", "schopte", "geschopt"} <= set(nl_verb("schoppen", "schop"))
    assert {"bewaard", "bewaarde"} <= set(nl_verb("bewaren", "bewaar"))
    assert {"gooit", "gooide", "gegooid"} <= set(nl_verb("gooien", "gooi"))
    assert {"hits", "hitting"} <= set(en_verb("hit", "hit hitting"))
    assert {"choked", "choking", "chokes"} <= set(en_verb("choke", ""))


def test_every_concept_role_is_known() -> None:
    reader = CrisisReader()
    assert set(reader.languages) == {"nl", "en"}
    for language in reader.languages.values():
        kinds = {c.kind for c in language.concepts.concepts}
        assert kinds == set(CRISIS_DOMAINS), language.name


@pytest.mark.parametrize("text", ["mijn man slaat me, vroeger. " * 2000, "ik wil dood " * 4000, "dat " * 10000,
                                  "my husband hits me and i want to die " * 1500])
def test_long_texts_stay_fast(concepts_matcher: Matcher, text: str) -> None:
    concepts_matcher.match("ik wil hulp")  # the dictionaries are read on first use: that is load time, not this text's
    start = time.process_time()  # CPU time: other work on the machine does not count
    concepts_matcher.match(text)
    assert time.process_time() - start < 10.0  # a guard against blow-ups: this took minutes before the time layer
    # cached per clause; the speed goal itself is measured in bench/matcher_bench.py
