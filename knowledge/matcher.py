"""Free text → ranked life domains, a crisis verdict, and the services that fit.

Everything that can be computed once is computed when the knowledge base loads: the
compiled patterns, the vocabulary for typo correction (bucketed by length), and a
services × domains matrix, so one sentence costs a few dictionary look-ups and one small
vector product, even with 10,000 services. The parts, by job: knowledge/typos.py (typo
correction), knowledge/ranking.py (information weights, evidence per domain),
knowledge/evidence.py (entries in another order or form, single telling words),
knowledge/services.py (the service index and services_for).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from knowledge.crisis import Crisis, CrisisReader
from knowledge.crisis.second_opinion import (
    CRISIS_AT,
    LONG_VETO_AT,
    LONG_VETO_WORDS,
    RESTORE_AT,
    VETO_AT,
    second_opinion,
    unlikely,
    weigh,
)
from knowledge.dictionary import Lemmas, common_in, warm, zipf
from knowledge.domain_opinion import blend, domain_opinion
from knowledge.domains import DOMAIN_IDS
from knowledge.evidence import Evidence
from knowledge.lexicon import Lexicon
from knowledge.model import KnowledgeBase
from knowledge.normalize import clauses, letters_outside_latin, tokens
from knowledge.patterns import Hit, PatternSet
from knowledge.ranking import _domain_scores, _information, _rarity, _related
from knowledge.services import CRISIS_DOMAINS, ServiceIndex, ServiceScore
from knowledge.typos import CONTEXT, TypoCorrector

__all__ = ["CRISIS_DOMAINS", "Crisis", "DomainScore", "Match", "Matcher", "ServiceScore", "TypoCorrector",
           "_domain_scores"]

CRISIS_BOOST = 2.0  # evidence a crisis adds to its own domains
KNOWN_SHARE = 0.35  # below this share of words we know, a text is in a language we don't read
LANGUAGE_MARGIN = 1.0  # a word votes for the language where it is this much more frequent (Zipf)
EVERYDAY_ZIPF = 4.0  # a word this frequent in the text's language is an everyday word of it
_CLAUSE_MARK = re.compile(r"[.,;:!?\n]")  # a text without one inside is one clause
MIN_LOOSE_ONLY = 0.3  # a domain told only by loose words needs this much of them
MAX_PREVIOUS = 3  # earlier messages of the same resident read together with a new one
MAX_CLAUSE_WORDS = 30  # words of a message shown when the second opinion explains a crisis


@dataclass(frozen=True)
class DomainScore:
    """A life domain and how strongly the text speaks of it (0 to 1)."""

    id: str
    score: float


@dataclass(frozen=True)
class Match:
    """What the matcher makes of one text."""

    domains: tuple[DomainScore, ...]
    crisis: Crisis
    evidence: dict[str, tuple[str, ...]]  # domain or crisis kind -> the lexicon entries that matched
    services: tuple[ServiceScore, ...]
    language: str | None  # the language the text is most likely in, when we speak it
    unsupported: bool  # written in a language we cannot read
    empty: bool  # no words at all (only emoji, spaces, punctuation)
    # domain -> (entry, the resident's words it matched, information weight), for the ones that counted
    counted: dict[str, tuple[tuple[str, str, float], ...]] = field(default_factory=dict)
    # domain -> the clause (from 1, as punctuation divides the text) of each counted entry; filled by explain
    clauses: dict[str, tuple[int, ...]] = field(default_factory=dict)
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict)  # domain -> token position of each counted entry

    @property
    def domain_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.domains)


class Matcher:
    """The matcher for one knowledge base; build it once, ask it often."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None, background: bool = True,
                 second_opinion: bool = True) -> None:
        """`second_opinion=False`: the concepts alone (to measure what each contributes, and to test the concepts)."""
        self.kb = kb
        self.asks_second_opinion = second_opinion
        self.lexicon = lexicon or Lexicon.load(synonyms=kb.synonyms)
        # each language's entries apply to text in that language (see _domain_hits)
        self.domain_patterns = PatternSet(self.lexicon.domains, corrected_affixes=True)
        entry_languages: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (source, domain), language in zip(self.lexicon.domains, self.lexicon.domain_languages, strict=False):
            entry_languages[(source, domain)].add(language)
        self.entry_languages = {entry: frozenset(langs) for entry, langs in entry_languages.items()}
        self.information, self._affix_divisors = _information(self.domain_patterns)
        self.crisis_reader = CrisisReader()
        self.services = kb.services
        self.service_index = ServiceIndex(kb)
        self.keyword_patterns = self.service_index.keyword_patterns
        vocabulary = (
            self.domain_patterns.words()
            | self.crisis_reader.words()
            | self.keyword_patterns.words()
            | {w for words in self.lexicon.common_words.values() for w in words}
        )
        self.corrector = TypoCorrector(vocabulary, _related(self.domain_patterns))
        self.common_words = frozenset(w for words in self.lexicon.common_words.values() for w in words)
        self.lemmas = Lemmas(vocabulary - self.common_words)
        self.evidence = Evidence(self.domain_patterns, self.entry_languages, self.information, self.common_words,
                                 self.lemmas)
        # the dictionaries are read in the background: the start is not held up, the first resident seldom waits
        if background:
            threading.Thread(target=self._warm, name="wijkwijzer-dictionaries", daemon=True).start()

    def _warm(self) -> None:
        warm(self.lemmas)
        self.evidence.build()

    # -- the text --------------------------------------------------------------------------
    def _words(self, text: str, related: bool = True) -> list[tuple[str, ...]]:
        """Token i as typed, then its correction when it is no real word (read with its neighbours); with
        `related`, a real word also brings the forms the lexicon has of it ('drink' → 'drinken').

        The crisis reader makes its own verb forms and gets the words without `related`: a lemma's
        plural or past ('hour' → 'hours') must not complete a danger the resident did not describe.
        """
        with_related, plain = self._read_words(text)
        return with_related if related else plain

    def _read_words(self, text: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """The words of `_words` with and without related forms, read in one pass (typos corrected once)."""
        typed = tokens(text)
        words: list[tuple[str, ...]] = []
        plain: list[tuple[str, ...]] = []
        for index, word in enumerate(typed):
            if len(word) < 4 or not word.isalpha():
                words.append((word,))
                plain.append((word,))
                continue
            if word in self.corrector.vocabulary:  # known: no typo, but maybe a form of another lexicon word
                words.append((word, *self.lemmas.related(word)))
                plain.append((word,))
                continue
            if self._stem_known(word):  # a stem entry is (almost) this very word ('skeer*'): no typo
                corrected = None
            else:
                corrected = self.corrector.correct(word, typed[max(0, index - CONTEXT): index + CONTEXT + 1])
            if corrected:
                words.append((word, corrected))
                plain.append((word, corrected))
            else:  # a real word the lexicon may have in another form
                words.append((word, *self.lemmas.related(word)))
                plain.append((word,))
        return words, plain

    def _stem_known(self, word: str) -> bool:
        return self.domain_patterns.stem_covers(word)

    def match(self, text: str, area_id: str | None = None, limit: int = 5, *, previous: Sequence[str] = ()) -> Match:
        """Read one text: domains, crisis, services for the area (None: the whole town).

        `previous`: the resident's last few messages before this one (oldest first); a danger
        split over them and this text counts, one entirely in them is not reported again.
        """
        words, plain = self._read_words(text)
        clause_of = clauses(text) if _CLAUSE_MARK.search(text.rstrip(".!? \n")) else [1] * len(words)
        if len(clause_of) != len(words):
            clause_of = [1] * len(words)
        domain_hits = self._domain_hits(words, clause_of)
        crisis = self._crisis(text, plain, previous)
        counted: dict[str, list[Hit]] = defaultdict(list)
        scores = _domain_scores(domain_hits, counted, clause_of)
        for domain, hits in list(counted.items()):  # a few loose words alone are no story
            if all(h.loose for h in hits) and scores[domain][0] < MIN_LOOSE_ONLY:
                del scores[domain], counted[domain]
        for kind in crisis.kinds:  # acute danger is what the text is most about
            for domain in sorted(CRISIS_DOMAINS[kind], key=DOMAIN_IDS.index):  # the same order in every process
                raw, first = scores.get(domain, (0.0, len(words)))
                scores[domain] = (raw + CRISIS_BOOST, first)
        # the most telling evidence first; equal evidence: what the resident said first (never alphabetical)
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], item[1][1]))
        domains = tuple(DomainScore(d, round(raw / (raw + 1.0), 3)) for d, (raw, _) in ranked)
        if self.asks_second_opinion and plain:  # the domain model reorders, and may add what the words only imply
            order = {d.id: i for i, d in enumerate(domains)}
            blended = blend({d.id: d.score for d in domains}, domain_opinion().probabilities(plain), len(plain))
            domains = tuple(DomainScore(d, score) for d, score in
                            sorted(blended.items(), key=lambda item: (-item[1], order.get(item[0], len(order)))))
        keyword_hits = self._keywords(words)
        services = self.services_for(
            {d.id: d.score for d in domains}, area_id, crisis.kinds, limit, keywords=keyword_hits
        )
        language, unsupported = self._language(text, words, bool(domain_hits) or crisis.is_crisis)
        evidence: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for hit in domain_hits:
            if str(hit.label) in scores and hit.source not in evidence[str(hit.label)]:
                evidence[str(hit.label)] += (hit.source,)
        typed = [forms[0] for forms in words]
        why = {
            domain: tuple((h.source, " ".join(typed[i] for i in h.tokens()), round(h.weight, 3))
                          for h in sorted(hits, key=lambda h: h.start))
            for domain, hits in counted.items()
        }
        starts = {domain: tuple(sorted(h.start for h in hits)) for domain, hits in counted.items()}
        return Match(domains, crisis, dict(evidence), tuple(services), language, unsupported, empty=not words,
                     counted=why, starts=starts)

    def main_language(self, words: Sequence[Sequence[str]]) -> str | None:
        """The language most of the text's words belong to (None when unclear or evenly mixed).

        A word votes for a language when it is one of the lexicon's everyday words of that
        language only, or clearly more frequent in it (wordfreq)."""
        languages = tuple(self.lexicon.common_words)
        votes = dict.fromkeys(languages, 0)
        frequencies = {language: common_in(language) for language in languages}
        for forms in words:
            word = forms[0]
            listed = [lang for lang in languages if word in self.lexicon.common_words[lang]]
            if len(listed) == 1:
                votes[listed[0]] += 1
                continue
            ranked = sorted(languages, key=lambda lang: -frequencies[lang].get(word, 0.0))
            if len(ranked) > 1 and (frequencies[ranked[0]].get(word, 0.0)
                                    >= frequencies[ranked[1]].get(word, 0.0) + LANGUAGE_MARGIN):
                votes[ranked[0]] += 1
        best = sorted(languages, key=lambda lang: -votes[lang])
        if not best or votes[best[0]] == 0 or (len(best) > 1 and votes[best[0]] == votes[best[1]]):
            return None
        return best[0]

    def _domain_hits(self, words: list[tuple[str, ...]], clause_of: Sequence[int] | None = None) -> list[Hit]:
        """Domain hits weighted by their information; another language's entry only on words that are
        not everyday words of the text's language ('die', 'kind', 'arm', 'door' are no domain words
        in a Dutch or English sentence of the other language), so mixed text is still read. Then the
        entries whose words stand apart or in another form, and single telling words
        (knowledge/evidence.py), which weigh less."""
        main = self.main_language(words)
        everyday = self.lexicon.common_words.get(main, frozenset()) if main else frozenset()
        frequency = common_in(main) if main else {}

        def is_everyday(word: str) -> bool:
            return word in everyday or frequency.get(word, 0.0) >= EVERYDAY_ZIPF

        hits: list[Hit] = self.evidence.find(words, clause_of or [1] * len(words), main, is_everyday)
        for hit in self.domain_patterns.find(words):
            languages = self.entry_languages.get((hit.source, str(hit.label)))
            if main and languages and main not in languages and all(
                is_everyday(words[i][0]) for i in range(hit.start, hit.end)
            ):
                continue
            key = (hit.source, str(hit.label))
            weight = self.information.get(key, hit.weight)
            if key in self._affix_divisors:  # a stem or suffix: the word as used (its most frequent form)
                weight = _rarity(max(zipf(form) for form in words[hit.start])) / self._affix_divisors[key]
            hits.append(Hit(hit.label, hit.start, hit.end, weight, hit.source))
        return hits

    def keywords_in(self, text: str) -> set[str]:
        """The service keywords a text uses (to rank services by the resident's own words)."""
        return self._keywords(self._words(text))

    def _keywords(self, words: list[tuple[str, ...]]) -> set[str]:
        """Service keywords in the text, also in another form of the word ('drink' finds 'drinken')."""
        inflected = [
            forms if len(forms) > 1 or forms[0] in self.common_words else (*forms, *self.lemmas.related(forms[0]))
            for forms in words
        ]
        return {str(hit.label) for hit in self.keyword_patterns.find(inflected)}

    def _crisis(self, text: str, words: list[tuple[str, ...]], previous: Sequence[str] = ()) -> Crisis:
        """The concepts' verdict, weighed with the second opinion on this message's own words."""
        before = [(p, self._words(p, related=False)) for p in list(previous)[-MAX_PREVIOUS:]]
        crisis = self.crisis_reader.read(text, words, before)
        if not words or not self.asks_second_opinion:
            return crisis
        shown = " ".join(forms[0] for forms in words[:MAX_CLAUSE_WORDS])
        opinion = second_opinion().judge(words)
        calm = self.crisis_reader.calming_in(words) if opinion.danger >= CRISIS_AT and not crisis.is_crisis else ()
        beside = self.crisis_reader.beside_idioms(text, words) if calm and not crisis.softened else None
        rest = second_opinion().judge(beside) if beside is not None else None
        if rest is not None and rest.danger >= RESTORE_AT:  # "'ik ga dood van de hitte', maar nu reageert hij niet"
            opinion, shown, calm = rest, " ".join(forms[0] for forms in beside[:MAX_CLAUSE_WORDS]), ()
        clause_danger = None
        if crisis.is_crisis and len(words) >= LONG_VETO_WORDS and VETO_AT <= opinion.danger < LONG_VETO_AT:
            # a long message the model calls unlikely: does it call the danger's own clause unlikely too?
            clause_danger = max(second_opinion().judge(self._words(f.clause, related=False)).danger
                                for f in crisis.findings)
        now = (crisis.is_crisis and unlikely(opinion, len(words), clause_danger)
               and self.crisis_reader.happens_now(words))
        return weigh(crisis, opinion, shown, calm, len(words), now, clause_danger)

    def _language(self, text: str, words: list[tuple[str, ...]], understood: bool) -> tuple[str | None, bool]:
        if letters_outside_latin(text) > 0.5:
            return None, True
        counts = {
            language: sum(1 for forms in words if forms[0] in common)
            for language, common in self.lexicon.common_words.items()
        }
        alphabetic = [forms for forms in words if forms[0].isalpha()]
        best = max(counts, key=lambda lang: (counts[lang], lang == "nl"), default=None)
        if best is not None and counts[best] > 0 and counts[best] >= 0.2 * len(alphabetic):
            return best, False
        known = sum(1 for forms in alphabetic if forms[0] in self.corrector.vocabulary)
        return None, (len(alphabetic) >= 3 and known < KNOWN_SHARE * len(alphabetic) and not understood)

    # -- services --------------------------------------------------------------------------
    def services_for(
        self,
        domain_scores: Mapping[str, float],
        area_id: str | None,
        crisis_kinds: tuple[str, ...] = (),
        limit: int = 5,
        keywords: set | frozenset = frozenset(),
    ) -> list[ServiceScore]:
        """The best services for these domains (0..1 each) in this area; crisis lines first on crisis."""
        return self.service_index.services_for(domain_scores, area_id, crisis_kinds, limit, keywords)
