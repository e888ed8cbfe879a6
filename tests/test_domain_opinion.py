"""The domain second opinion: current with its training files, blended without losing what the words said."""

from __future__ import annotations

import pytest

from knowledge.domain_opinion import ADD_AT, SHORT_ADD_AT, STORY_WORDS, WEIGHT, blend, domain_opinion
from knowledge.domains import DOMAIN_IDS
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from tools.train_second_opinions import fingerprint, training_files


def test_the_packaged_domain_model_is_trained_on_the_current_training_files() -> None:
    root = training_files()[0].parents[2]
    assert domain_opinion().trained_on == {str(p.relative_to(root)): fingerprint(p) for p in training_files()}
    assert domain_opinion().labels == ("none", *DOMAIN_IDS)


def test_blend_reorders_adds_from_the_threshold_and_never_removes() -> None:
    scores = {"finances": 0.5, "housing": 0.4}
    probabilities = {"housing": 0.6, "finances": 0.05, "mental_health": ADD_AT, "parenting": ADD_AT - 0.01}
    blended = blend(scores, probabilities)
    assert set(blended) == {"finances", "housing", "mental_health"}  # parenting stays under the bar
    assert blended["housing"] > blended["finances"]  # the model moved housing first
    assert blended["housing"] == round((0.4 + WEIGHT * 0.6) / (1 + WEIGHT), 3)
    assert all(0.0 <= value <= 1.0 for value in blended.values())
    assert blend(scores, {}) == {d: round(v / (1 + WEIGHT), 3) for d, v in scores.items()}
    assert blend({}, {"mental_health": 0.9}) == {}  # no words for any domain: nothing to add to


def test_in_a_short_message_the_model_needs_more_to_add_a_domain() -> None:
    scores = {"parenting": 0.5}
    probabilities = {"housing": (ADD_AT + SHORT_ADD_AT) / 2, "mental_health": SHORT_ADD_AT}
    assert ADD_AT < SHORT_ADD_AT
    assert set(blend(scores, probabilities, STORY_WORDS)) == {"parenting", "housing", "mental_health"}
    assert set(blend(scores, probabilities, STORY_WORDS - 1)) == {"parenting", "mental_health"}


@pytest.mark.parametrize("query", ["opvoeding", "wie doet opvoeding in", "wie doet opvoeding"])
def test_a_short_search_keeps_to_the_domains_it_names(sample_kb: KnowledgeBase, query: str) -> None:
    assert Matcher(sample_kb, background=False).match(query).domain_ids == ("parenting",)


@pytest.fixture(scope="module")
def matchers(sample_kb: KnowledgeBase) -> tuple[Matcher, Matcher]:
    return Matcher(sample_kb, background=False), Matcher(sample_kb, background=False, second_opinion=False)


@pytest.mark.parametrize(("text", "first"), [
    # written for this test, in no training or evaluation file
    ("sinds de scheiding slaap ik slecht en pieker ik de hele nacht over alles", "mental_health"),
    ("de energierekening is verdubbeld en ik kan de termijnen niet meer opbrengen", "finances"),
    ("mijn dochter van negen wil niet meer naar school en zit alleen maar op haar kamer", "parenting"),
])
def test_the_first_domain_follows_the_story(matchers: tuple[Matcher, Matcher], text: str, first: str) -> None:
    with_model, _ = matchers
    assert with_model.match(text).domain_ids[0] == first


@pytest.mark.parametrize("text", ["hallo", "dank je wel", "wie ben jij?", "ik wil graag hulp",
                                  "ik weet het ook niet precies"])
def test_a_greeting_gets_no_domain_from_the_model(matchers: tuple[Matcher, Matcher], text: str) -> None:
    with_model, concepts_only = matchers
    assert with_model.match(text).domain_ids == concepts_only.match(text).domain_ids == ()
