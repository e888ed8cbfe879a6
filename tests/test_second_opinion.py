"""The crisis second opinion: what it adds to the concepts, what it leaves alone, and that it is current."""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from knowledge.crisis.modifiers import ALL_CLEAR
from knowledge.crisis.second_opinion import (
    ASK_AT,
    CRISIS_AT,
    KINDS,
    LONG_VETO_AT,
    LONG_VETO_WORDS,
    RESTORE_AT,
    SURE_AT,
    UNLIKELY,
    VETO_AT,
    VETO_WORDS,
    Opinion,
    second_opinion,
    weigh,
)
from knowledge.crisis.verdict import Crisis, Finding
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from tools.train_second_opinions import fingerprint, fit, training_files

# Sentences written for this test (in no training or evaluation file) that the concepts do not read as danger.
MISSED_BY_CONCEPTS = [
    ("mijn opa zakte net door zijn benen en nu reageert hij niet meer als ik tegen hem praat", "medical"),
    ("mijn kleinzoon van vier krijgt van zijn stiefvader alleen eten als hij stil is, hij is heel mager",
     "child_danger"),
    ("de baby van mijn nicht ligt de hele dag in een vieze luier in de box, niemand kijkt naar hem om",
     "child_danger"),
    # (the tenth round's concepts hear "de deur op slot gedaan en de sleutel meegenomen" themselves)
    ("mijn man heeft de sleutel meegenomen en zegt dat ik hier niet meer uit kom", "domestic_violence"),
    ("mijn ex staat weer voor de deur en roept dat hij me vanavond te pakken krijgt", "domestic_violence"),
    ("mijn vriendin schreef dat ze iedereen bedankt voor alles en dat het zo beter is voor iedereen", "suicide"),
]
PROBE_ALARMS_MAX = 0.09  # measured when the model was last trained (seventeenth round, 29,060 sentences): 171/1908
# (9.0%); see the README. The seventeenth round added 135 twins from its last read (tests/test_crisis_seventeenth.py).
# The sixteenth round's model: 157/1773 (8.9%), after 287 twins, most from three last reads that wrote hedged and
# look-alike sentences at the edges of its changes; its first retrained model alarmed on 138/1648 (8.4%), the second,
# trained on fresh51-55 as well, scored 13 older twins 0.55-0.60 that the first scored 0.52-0.54 ("mijn broer heeft
# afscheid genomen van zijn collega's"). The fifteenth round's model: 122/1486 (8.2%).
PROBE_ASKED_MAX = 0.13  # measured: 236/1908 (12.4%; the sixteenth round 207/1773, 11.7%, the fifteenth 147/1486, 9.9%);
# the last reads' hedges ("vast niks ernstigs", "I'm not afraid of him", "niet dat ik er een eind aan wil maken") ask
# by design, as do the thirteenth round's professionals speaking in general
# Probe dangers the model rates unlikely (VETO_AT, or LONG_VETO_AT in a long message), so that the concepts' alarm only
# asks (seventeenth round: 11 of 2,809; the sixteenth round's nine below, and since the model was retrained on
# fresh56-60 "I wear a scarf at work so no one sees the finger marks on my neck" and "Ik zette de pizza in de oven en
# toen kreeg mijn vader een hartaanval", which the previous model let alarm; the sixteenth round: 9 of 2,645: the
# fifteenth round's "I want to kill myself, just like when I was a teenager", "I had chemo last week and now I have a
# fever of 39", "I want to die, that was also how I felt two years ago", and six of the last reads' edge sentences: a
# course before a report of a neighbour who hits his children, "vast niks ernstigs" before a stroke, "mag ik iets
# vragen?" or "voor de rechter slepen" beside an abduction, a father who wants to die every day since his licence was
# taken, "hoe lang moet ik wachten" before a stroke; the README lists them)
PROBE_LOWERED_MAX = 11
# The eighth to eleventh rounds' twins include softened dangers (the past, a topic, a client, a tantrum) that ask by
# design, and dangers the eleventh round's markers soften now get the gentle question instead of an alarm.
EVERYDAY = [
    "ik zoek iemand die me helpt met formulieren",
    "ik lach me dood om die nieuwe collega",
    "twee jaar geleden wilde ik dood, sinds de therapie gaat het beter",
    "de verhuurder dreigt met de rechter als ik niet betaal",
    "ik viel vorige week bijna om op de trap maar het ging goed",
    "die baas maakt me nog eens gek met al zijn mails",
]


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    return Matcher(sample_kb, background=False)


def test_the_packaged_model_is_trained_on_the_current_training_files() -> None:
    """Change a training sentence and forget to run tools/train_second_opinions.py: this fails."""
    root = training_files()[0].parents[2]
    expected = {str(p.relative_to(root)): fingerprint(p) for p in training_files()}
    assert second_opinion().trained_on == expected


@pytest.mark.parametrize(("text", "kind"), MISSED_BY_CONCEPTS, ids=[k for _, k in MISSED_BY_CONCEPTS])
def test_the_second_opinion_hears_danger_the_concepts_miss(matcher: Matcher, text: str, kind: str) -> None:
    words = matcher._words(text, related=False)
    assert not matcher.crisis_reader.read(text, words, []).is_crisis  # the concepts alone miss it
    crisis = matcher.match(text).crisis
    assert crisis.kind == kind
    assert any("tweede mening" in line for line in crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_words_past_danger_idiom_and_legal_threats_stay_calm(matcher: Matcher, text: str) -> None:
    crisis = matcher.match(text).crisis
    assert not crisis.is_crisis
    assert not crisis.hint


def test_without_the_second_opinion_those_sentences_are_missed(sample_kb: KnowledgeBase) -> None:
    """The figures in the README compare both; this proves the switch is the model, not the concepts."""
    concepts_only = Matcher(sample_kb, background=False, second_opinion=False)
    assert not any(concepts_only.match(text).crisis.is_crisis for text, _ in MISSED_BY_CONCEPTS)


def probes() -> tuple[list[str], list[str]]:
    """The everyday twins and the dangers written for the concepts' tests (tests/test_crisis*.py), none trained on."""
    calm: list[str] = []
    danger: list[str] = []
    for path in sorted(Path(__file__).parent.glob("test_crisis*.py")):
        module = importlib.import_module(f"tests.{path.stem}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
                (calm if "EVERYDAY" in name or "TWINS" in name else danger).extend(value)
    return list(dict.fromkeys(calm)), list(dict.fromkeys(danger))


def test_on_the_concepts_probes_the_model_adds_few_alarms_and_loses_no_danger(matcher: Matcher) -> None:
    """About 1,100 everyday twins written to trap the concepts: the concepts alone alarm on none of them
    (their own tests hold that); the second opinion alarms on some. This holds the rate where it was
    measured when the model was trained (the README gives it), and every probe danger is still heard: an alarm, or
    for a few the model rates almost surely calm the gentle question."""
    calm, danger = probes()
    assert len(calm) > 400 and len(danger) > 100
    alarms = [text for text in calm if matcher.match(text).crisis.is_crisis]
    asked = [text for text in calm if matcher.match(text).crisis.hint]
    print(f"\neveryday probes: {len(alarms)}/{len(calm)} alarm, {len(asked)}/{len(calm)} asked gently")
    assert len(alarms) / len(calm) <= PROBE_ALARMS_MAX, alarms
    assert len(asked) / len(calm) <= PROBE_ASKED_MAX, asked
    verdicts = {text: matcher.match(text).crisis for text in danger}
    lowered = [text for text, crisis in verdicts.items() if not crisis.is_crisis]
    print(f"probe dangers the model lowered to the gentle question: {len(lowered)}/{len(danger)}", lowered)
    assert len(lowered) <= PROBE_LOWERED_MAX, lowered
    for text in lowered:  # never lost: the concepts' alarm became the question, and the explanation says why
        assert verdicts[text].hint and any(UNLIKELY in line for line in verdicts[text].explain()), text


FOUND = Finding("suicide", "middel + bereidheid", ("pillen",), "ik neem de pillen", 1)
EARLIER = Finding("suicide", "middel + bereidheid", ("pillen",), "ik neem de pillen", 0)  # with the previous message
CLEARED = Finding("domestic_violence", "geweld tegen iemand", ("slaat", "me"), "en dan slaat hij me", 2,
                  softened=f"{ALL_CLEAR} (niemand is gewond)")


def test_a_danger_that_happens_now_or_in_a_short_message_is_never_lowered() -> None:
    """The model lowers a concept's alarm only in a message of VETO_WORDS words or more that does not say it happens
    now ("net", "just", "not breathing")."""
    found = Crisis("suicide", ("suicide",), findings=(FOUND,))
    unlikely = Opinion(VETO_AT / 2, "medical", ("woord",))
    assert not weigh(found, unlikely, "de zin", words=VETO_WORDS).is_crisis
    assert weigh(found, unlikely, "de zin", words=VETO_WORDS - 1).is_crisis
    assert weigh(found, unlikely, "de zin", words=VETO_WORDS, now=True).is_crisis


def test_in_a_long_message_the_model_lowers_up_to_long_veto_at_when_the_dangers_clause_is_unlikely_too() -> None:
    """From LONG_VETO_WORDS words the model may lower an alarm it rates below LONG_VETO_AT, but only when it rates the
    danger's own clause below that too: a danger told in the middle of a long story stays an alarm."""
    found = Crisis("suicide", ("suicide",), findings=(FOUND,))
    middling = Opinion((VETO_AT + LONG_VETO_AT) / 2, "medical", ("woord",))
    assert not weigh(found, middling, "de zin", words=LONG_VETO_WORDS, clause_danger=LONG_VETO_AT / 2).is_crisis
    assert weigh(found, middling, "de zin", words=LONG_VETO_WORDS, clause_danger=0.6).is_crisis  # the clause: danger
    assert weigh(found, middling, "de zin", words=LONG_VETO_WORDS - 1, clause_danger=0.01).is_crisis  # not long
    assert weigh(found, middling, "de zin", words=LONG_VETO_WORDS).is_crisis  # the clause not judged
    assert weigh(found, middling, "de zin", words=LONG_VETO_WORDS, clause_danger=0.01, now=True).is_crisis
    assert weigh(found, Opinion(LONG_VETO_AT, "medical", ()), "de zin", words=50, clause_danger=0.01).is_crisis


def test_a_sure_model_alarms_despite_a_calming_marker() -> None:
    """With an all-clear, a topic or a joke in the message the model alone only asks, unless it is sure (SURE_AT):
    "gisteren was er niks aan de hand" before a sudden confusion and a dragging leg."""
    calm = ("niks aan de hand",)
    assert weigh(Crisis(), Opinion(SURE_AT, "medical", ("verward",)), "de zin", calm).kind == "medical"
    below = weigh(Crisis(), Opinion(SURE_AT - 0.01, "medical", ("verward",)), "de zin", calm)
    assert not below.is_crisis and below.hint


@pytest.mark.parametrize(
    ("crisis", "danger", "kind", "expected_kind", "expected_hint"),
    [
        (Crisis("suicide", ("suicide",), findings=(FOUND,)), 0.99, "medical", "suicide", False),  # concepts stand
        (Crisis("suicide", ("suicide",), findings=(FOUND,)), VETO_AT, "medical", "suicide", False),  # stands
        (Crisis("suicide", ("suicide",), findings=(FOUND,)), VETO_AT - 0.01, "medical", None, True),  # only asks
        (Crisis("suicide", ("suicide",), findings=(EARLIER,)), 0.001, "medical", "suicide", False),  # not its text
        (Crisis(hint=True, softened=(FOUND,)), 0.99, "suicide", None, True),  # the time layer softened it
        (Crisis(hint=True, softened=(CLEARED,)), 0.99, "domestic_violence", "domestic_violence", False),  # restored
        (Crisis(hint=True, softened=(CLEARED,)), RESTORE_AT - 0.01, "domestic_violence", None, True),  # not sure
        (Crisis(hint=True, softened=(CLEARED, FOUND)), 0.99, "suicide", None, True),  # also past: stays soft
        (Crisis(), CRISIS_AT, "medical", "medical", False),
        (Crisis(), (CRISIS_AT + ASK_AT) / 2, "medical", None, True),
        (Crisis(), ASK_AT - 0.01, "medical", None, False),
        (Crisis(), 0.99, None, None, False),
    ],
)
def test_weigh(crisis: Crisis, danger: float, kind: str | None, expected_kind: str | None,
               expected_hint: bool) -> None:
    result = weigh(crisis, Opinion(danger, kind, ("woord",)), "de zin")
    assert result.kind == expected_kind
    assert result.hint is expected_hint
    if expected_kind and not crisis.is_crisis and not crisis.softened:
        assert result.findings[0].concept.startswith("tweede mening")
        assert result.findings[0].words == ("woord",)
    if expected_kind and crisis.softened:  # the concept's own finding comes back, no longer softened
        assert result.findings == (replace(CLEARED, softened=""),) and not result.softened


def test_in_a_message_with_an_idiom_the_model_alone_only_asks() -> None:
    """'ik ga dood van de hitte': the concepts know the idiom; the model's alarm becomes the gentle question."""
    result = weigh(Crisis(), Opinion(0.9, "suicide", ("dood",)), "de zin", calm=("ga dood van",))
    assert not result.is_crisis and result.hint
    assert weigh(Crisis(), Opinion(0.9, "suicide", ("dood",)), "de zin").kind == "suicide"


def test_the_matcher_tells_weigh_the_idioms_and_markers_it_knows(matcher: Matcher) -> None:
    reader = matcher.crisis_reader
    assert reader.calming_in(matcher._words("ik ga dood van de hitte vandaag", related=False))
    farewell = "morgen is mijn laatste werkdag, ik heb al afscheid genomen"
    assert reader.calming_in(matcher._words(farewell, related=False))
    assert not reader.calming_in(matcher._words("ik wil dood, vandaag nog", related=False))
    # a professional telling of a client softens what the concepts find, but the model alone may still alarm
    told = "a patient just told me her husband will hurt her badly tonight when she gets home"
    assert not reader.calming_in(matcher._words(told, related=False))


def test_an_empty_message_has_no_opinion() -> None:
    assert second_opinion().judge([]) == Opinion(0.0, None, ())


def test_training_is_deterministic_and_learns() -> None:
    samples = [["w:slaat", "w:me"], ["w:slaat", "w:hij"], ["w:formulier", "w:me"], ["w:formulier", "w:hulp"]]
    labels = np.eye(len(KINDS))[[2, 2, 0, 0]]  # one row of targets per sentence: kind 2, 2, none, none
    first = fit(samples, labels)
    second = fit(samples, labels)
    assert first[0] == second[0]
    assert (first[1] == second[1]).all() and (first[2] == second[2]).all()
    vocabulary, weights, _ = fit(samples, labels)
    row = vocabulary.index("w:slaat")
    assert weights[row, 2] > weights[row, 0]
