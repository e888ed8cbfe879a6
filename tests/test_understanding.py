"""The understanding engine's pure logic: real words stay, corrections reach stems, per-language
scoping, ranking by information, services that follow the story."""

from __future__ import annotations

import pytest

from knowledge.dictionary import real_words, zipf
from knowledge.lexicon import Lexicon
from knowledge.matcher import Matcher, TypoCorrector, _domain_scores
from knowledge.model import KnowledgeBase
from knowledge.patterns import Hit, PatternSet


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    return Matcher(sample_kb)


def test_the_dictionary_knows_dutch_and_english() -> None:
    words = real_words()
    assert {"doorgaan", "vestiging", "beginnen", "weather", "thinking", "vervelend"} <= set(words)
    assert "deurwaader" not in words and "schuldn" not in words
    assert zipf("de") > zipf("kinderen") > zipf("deurwaarder") > 0


@pytest.mark.parametrize("word", ["beginnen", "weken", "vervelend", "fighting", "doors", "waren", "vecht", "weather"])
def test_a_real_word_is_never_rewritten(matcher: Matcher, word: str) -> None:
    assert matcher.corrector.correct(word) is None
    assert matcher._words(f"ik {word}")[1][0] == word


def test_a_typo_of_an_everyday_word_is_not_pulled_into_a_domain() -> None:
    # "weeken" is one edit from the lexicon's "werken" and from the everyday "weken"
    corrector = TypoCorrector({"werken"}, dictionary=lambda: {"wreken": 3.0, "weken": 5.0})
    assert corrector.correct("wreken") is None  # a real word
    assert corrector.correct("weeken") is None  # as close to the everyday 'weken', which is commoner
    assert corrector.correct("werkn") == "werken"  # only 'werken' is that close


def test_short_typos_are_read_from_their_neighbours() -> None:
    related = {"borst": frozenset({("domain", "physical_health"), "pijn"}),
               "pijn": frozenset({("domain", "physical_health")}),
               "post": frozenset({("domain", "daily_living")})}
    corrector = TypoCorrector({"borst", "post", "pijn"}, related, dictionary=lambda: {"post": 5.0, "borst": 4.3})
    assert corrector.correct("bost", ["ik", "heb", "pijn", "op", "mijn", "bost"]) == "borst"
    assert corrector.correct("bost") == "borst"  # without context: the typed first letter, then frequency
    assert corrector.correct("bost", ["de", "post", "van", "vandaag"]) == "post"


def test_corrections_reach_stems(matcher: Matcher) -> None:
    patterns = PatternSet([("schuld*", "finances")], corrected_affixes=True)
    assert [h.label for h in patterns.find([("schuldn", "schulden")])] == ["finances"]
    exact = PatternSet([("schuld*", "finances")])
    assert exact.find([("xchulden", "schulden")]) == []
    assert matcher.match("de deurwaader stond voor de deur").domain_ids[0] == "finances"


def test_inflections_reach_the_lexicon(matcher: Matcher) -> None:
    assert "flauwgevallen" in matcher._words("ik ga flauwvallen")[2]


def test_lexicon_entries_keep_their_language(matcher: Matcher) -> None:
    lexicon: Lexicon = matcher.lexicon
    assert lexicon.domain_languages and set(lexicon.domain_languages) == {"nl", "en"}
    assert all(len(pair) == 2 for pair in lexicon.domains_in("nl"))


@pytest.mark.parametrize(("text", "language"), [("die man is aardig", "nl"), ("hij loopt door de stad", "nl"),
                                               ("I am kind of busy", "en"), ("what a kind thing to say", "en"),
                                               ("the door is open", "en"), ("he took her by the arm", "en")])
def test_everyday_words_of_one_language_are_no_domain_words_of_the_other(
        matcher: Matcher, text: str, language: str) -> None:
    words = matcher._words(text)
    assert matcher.main_language(words) == language
    for hit in matcher._domain_hits(words):
        assert not any(words[i][0] in {"die", "kind", "arm", "door"} for i in range(hit.start, hit.end)), hit


@pytest.mark.parametrize(("text", "domain"), [("mijn kind wil niet meer eten", "parenting"),
                                             ("mijn arm doet zo'n pijn", "physical_health"),
                                             ("wij zijn arm", "finances"), ("I broke my arm", "physical_health")])
def test_each_language_uses_its_own_common_words(matcher: Matcher, text: str, domain: str) -> None:
    assert matcher.match(text).domain_ids[0] == domain


def test_mixed_text_is_still_read(matcher: Matcher) -> None:
    assert "finances" in matcher.match("mn job is weg en ik heb zoveel debts").domain_ids


def test_ranking_by_information_not_phrase_length(matcher: Matcher) -> None:
    assert matcher.match("mijn man drinkt te veel").domain_ids[0] == "substance_use"
    assert matcher.match("de kinderen zijn thuis en de deurwaarder staat voor de deur").domain_ids[0] == "finances"
    assert matcher.information[("mijn man", "relationships")] < matcher.information[("deurwaarder", "finances")]


def test_ties_go_to_what_was_said_first_never_alphabetical() -> None:
    hits = [Hit("work_education", 3, 4, 1.0, "werk"), Hit("finances", 0, 1, 1.0, "geld")]
    scores = _domain_scores(hits)
    ranked = sorted(scores, key=lambda d: (-scores[d][0], scores[d][1]))
    assert ranked == ["finances", "work_education"]
    hits = [Hit("finances", 3, 4, 1.0, "geld"), Hit("work_education", 0, 1, 1.0, "werk")]
    scores = _domain_scores(hits)
    assert sorted(scores, key=lambda d: (-scores[d][0], scores[d][1])) == ["work_education", "finances"]


def test_first_domain_of_a_tie_follows_the_text(matcher: Matcher) -> None:
    one = matcher.match("ik heb schulden en ik ben eenzaam")
    two = matcher.match("ik ben eenzaam en ik heb schulden")
    if one.domains[0].score == one.domains[1].score:
        assert one.domain_ids[0] == "finances" and two.domain_ids[0] == "social_contacts"


@pytest.mark.parametrize(("text", "domain"), [("ik drink te veel", "substance_use"),
                                              ("I drink too much", "substance_use"),
                                              ("mijn man drinkt te veel", "substance_use")])
def test_services_follow_the_story(matcher: Matcher, text: str, domain: str) -> None:
    result = matcher.match(text)
    assert result.domain_ids[0] == domain
    assert domain in result.services[0].service.domains


def test_services_for_keeps_the_given_order_among_equal_weights(matcher: Matcher) -> None:
    services = matcher.services_for({"substance_use": 1.0, "finances": 1.0}, None)
    assert "substance_use" in services[0].service.domains


def test_the_match_explains_which_words_counted(matcher: Matcher) -> None:
    result = matcher.match("mijn man drinkt te veel")
    entry, typed, weight = result.counted["substance_use"][0]
    assert "drinkt" in typed and weight > 0


def test_the_services_cover_the_story_most_prominent_first(matcher: Matcher) -> None:
    words = "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt, iemand die meedenkt over de rekeningen"
    services = matcher.services_for({"parenting": 0.6, "finances": 0.6, "work_education": 0.6}, "noord",
                                    keywords=matcher.keywords_in(words))
    assert "parenting" in services[0].service.domains
    ids = [s.service.id for s in services]
    assert "schuldhulp-voorbeeldstad" in ids  # the resident's own words pick the service for the second domain
    assert any("work_education" in s.service.domains for s in services)


def test_a_word_a_stem_entry_already_reads_is_not_corrected(matcher: Matcher) -> None:
    assert matcher._words("ben skeer tot de 25e")[1] == ("skeer",)
    assert "huurachterstand" in matcher._words("een huurachterstant van drie maanden")[1]


def test_a_four_letter_typo_is_read_from_the_sentence(matcher: Matcher) -> None:
    assert matcher._words("ik heb pijn op mijn bost")[5] == ("bost", "borst")
    assert "physical_health" in matcher.match("ik heb pijn op mijn bost").domain_ids


def test_explain_shows_words_weights_clauses_and_the_crisis_engines_account(
        matcher: Matcher, sample_kb: KnowledgeBase) -> None:
    from dataclasses import dataclass, replace

    from knowledge.explain import as_json, as_text, explain

    match, contact = explain(sample_kb, matcher, "Alles goed. Mijn man drinkt te veel", None, "nl")
    text = as_text(sample_kb, match, contact, None)
    assert "substance_use" in text and "'mijn man drinkt' via mijn man drinkt" in text and "zin 2" in text
    why = as_json(match, contact)["why"]["substance_use"][0]
    assert why["clause"] == 2 and why["weight"] > 0

    @dataclass(frozen=True)
    class ExplainedCrisis:
        kind: str | None = None
        kinds: tuple[str, ...] = ()
        evidence: tuple[str, ...] = ()
        hint: bool = False

        @property
        def is_crisis(self) -> bool:
            return False

        def explain(self) -> list[str]:  # the crisis engine's account: one line per finding
            return ["geen crisiswoorden gevonden"]

    assert "geen crisiswoorden gevonden" in as_text(sample_kb, replace(match, crisis=ExplainedCrisis()), contact, None)


# -- entries in another order or form, compounds, separable verbs, single telling words ------------

def _lexicon(entries: dict[str, list[str]]) -> Lexicon:
    domains = tuple((entry, domain) for domain, listed in entries.items() for entry in listed)
    common = frozenset({"ik", "je", "de", "het", "een", "en", "mijn", "hij", "ze", "is", "zijn", "te", "veel",
                        "thuis", "man", "dag", "hele", "kinderen", "met", "elke", "heb", "ben"})
    return Lexicon(domains, {"nl": common}, tuple("nl" for _ in domains))


@pytest.fixture(scope="module")
def small(sample_kb: KnowledgeBase) -> Matcher:
    return Matcher(sample_kb, _lexicon({
        "substance_use": ["drinkt te veel", "stoppen met blowen", "blowen elke dag", "blowen met vrienden"],
        "finances": ["gas afgesloten"],
        "relationships": ["mijn man thuis", "de hele dag ruzie"],
        "parenting": ["de kinderen thuis"],
    }), background=False, second_opinion=False)


@pytest.mark.parametrize("text", ["ik drink te veel", "ik dronk veel te veel", "ik heb te veel gedronken",
                                  "hij heeft gisteren weer te veel gedronken"])
def test_first_person_and_past_forms_reach_the_entry(small: Matcher, text: str) -> None:
    assert small.match(text).domain_ids[:1] == ("substance_use",)


@pytest.mark.parametrize("text", ["ik denk dat ik teveel drink", "te veel drinken doet hij", "hij drinkt teveel"])
def test_compounds_written_together_or_apart_and_another_order(small: Matcher, text: str) -> None:
    assert small.match(text).domain_ids[:1] == ("substance_use",)


@pytest.mark.parametrize("text", ["ze dreigen het gas af te sluiten", "ze sluiten morgen het gas af",
                                  "ze gaan het gas afsluiten", "het gas is afgesloten"])
def test_separable_verbs_meet_their_joined_forms(small: Matcher, text: str) -> None:
    assert small.match(text).domain_ids[:1] == ("finances",)


def test_entries_in_another_order_weigh_less_than_as_written(small: Matcher) -> None:
    written = small.match("hij drinkt te veel").domains[0].score
    apart = small.match("te veel drink ik").domains[0].score
    assert 0 < apart < written


def test_a_telling_word_counts_alone_filler_does_not(small: Matcher) -> None:
    alone = small.match("mijn zoon blowt")
    assert alone.domain_ids[:1] == ("substance_use",)
    entry, _, weight = alone.counted["substance_use"][0]
    assert weight < small.information[("stoppen met blowen", "substance_use")]  # a loose word weighs less
    for text in ("mijn man is de hele dag thuis", "de kinderen zijn er", "ik ben met de kinderen"):
        assert all(not hit.loose for hit in small._domain_hits(small._words(text)))


def test_loose_words_from_other_clauses_add_less() -> None:
    together = _domain_scores([Hit("d", 0, 1, 0.4, "a", loose=True), Hit("d", 1, 2, 0.4, "b", loose=True)],
                              clause_of=[1, 1])
    apart = _domain_scores([Hit("d", 0, 1, 0.4, "a", loose=True), Hit("d", 1, 2, 0.4, "b", loose=True)],
                           clause_of=[1, 2])
    assert apart["d"][0] < together["d"][0]


@pytest.mark.parametrize(("text", "domain"), [
    ("ik denk dat ik de laatste tijd echt teveel drink", "substance_use"),
    ("Ik rook twee pakjes per dag", "substance_use"),
    ("Ik ben 58 en word nergens meer aangenomen", "work_education"),
    ("My mother can't wash or dress herself anymore", "daily_living"),
    ("ze dreigen het gas af te sluiten", "finances"),
])
def test_everyday_sentences_get_a_domain_and_a_service_for_it(matcher: Matcher, text: str, domain: str) -> None:
    result = matcher.match(text)
    assert result.domain_ids[:1] == (domain,)
    assert domain in result.services[0].service.domains


def test_the_first_service_serves_the_first_domain(matcher: Matcher) -> None:
    from pathlib import Path

    import yaml

    cases = yaml.safe_load((Path(__file__).parent / "eval" / "sentences.yaml").read_text(encoding="utf-8"))
    for case in cases:
        result = matcher.match(case["text"])
        if result.domains and result.services and not result.crisis.is_crisis:
            assert result.domain_ids[0] in result.services[0].service.domains, case["text"]


def test_a_compound_splits_only_into_words_an_entry_writes_apart(small: Matcher) -> None:
    keys, _ = small.evidence.keys([("teveel",), ("parents",)], [1, 1])
    assert {"te", "veel"} <= keys[0]
    assert not {"pa", "rents"} & keys[1]
