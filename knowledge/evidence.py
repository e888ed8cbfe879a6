"""Evidence beyond the exact phrase: an entry's words in another order, form or spelling, and single
telling words.

The lexicon lists phrases ("drinkt te veel", "gas afgesloten"), but residents say "ik denk dat ik
teveel drink" or "ze dreigen het gas af te sluiten". So every entry is also indexed by the base
forms of its words (simplemma's lemmas, through knowledge.dictionary.Lemmas): an entry counts when
all its words stand in one clause, in any order and any form ('drink', 'dronk', 'gedronken' ~
'drinken'), compounds written together or apart ('teveel' = 'te veel') and separable verbs joined
('af te sluiten', 'sluiten het gas af' ~ 'afsluiten', 'afgesloten'). Such a hit weighs BAG_SHARE of
the entry. And a content word of the lexicon counts on its own ('loose') by its information: rare
in everyday language (wordfreq) and used by few domains, times LOOSE_SHARE; everyday words
('thuis', 'man', 'hele', 'dag') never do.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from knowledge.dictionary import LANGUAGES, Lemmas, common_in, zipf
from knowledge.patterns import Hit, Pattern, PatternSet
from knowledge.ranking import SPREAD, _rarity

BAG_SHARE = 0.8  # an entry whose words stand apart, in another order or form, in one clause
LOOSE_SHARE = 0.5  # a single telling word of an entry, alone
MAX_LOOSE_ZIPF = 4.8  # a word more frequent than this is filler, never evidence on its own
MIN_LOOSE_RARITY = 0.25  # a loose word must tell at least this much (rarity over spread)
MAX_SPAN_EXTRA = 4  # an entry's words may stand this many words further apart than its length
PARTICLE_REACH = 6  # a separable verb's particle may stand this many words after the verb ...
PARTICLE_BEFORE = 2  # ... or this many before it ('af te sluiten')
MIN_SPLIT = 2  # each half of a compound written together has at least this many letters
MAX_SPLIT = 30  # a longer "word" is no compound of the lexicon's words (and not worth reading letter by letter)
HOMOGRAPH_ZIPF = 4.0  # a word this frequent in another language than the text's is no loose evidence ('arm')
LOOSE_ENTRIES = 3  # a word tells fully on its own when this many of a domain's entries use it (fewer: less)
PARTICLES = frozenset({
    "af", "aan", "op", "uit", "in", "mee", "weg", "terug", "door", "over", "toe", "om", "bij", "na", "vast",
    "los", "langs", "neer", "onder", "voor", "achter", "kapot", "dood", "open", "dicht", "binnen", "buiten",
    "samen", "tegen", "thuis", "schoon", "klaar",
})


class Evidence:
    """The lexicon's domain entries indexed by base form, for order-free and single-word evidence."""

    def __init__(self, patterns: PatternSet, languages: Mapping[tuple[str, str], frozenset[str]],
                 information: Mapping[tuple[str, str], float], common_words: frozenset[str], lemmas: Lemmas) -> None:
        self._patterns = [p for p in patterns.patterns if all(e.kind != "suffix" for e in p.elements)]
        self._languages = languages
        self._information = information
        self._common = common_words
        self._lemmas = lemmas
        self._texts = frozenset(e.text for p in patterns.patterns for e in p.elements if e.kind == "word")
        self._pairs = frozenset(  # words an entry writes apart: a compound of them may be split ('teveel')
            (a.text, b.text) for p in patterns.patterns
            for a, b, gap in zip(p.elements, p.elements[1:], p.gaps[1:], strict=False)
            if a.kind == b.kind == "word" and gap == 0
        )
        self._canon: dict[str, str] = {}
        self._by_key: dict[str, list[tuple[Pattern, tuple[str, ...]]]] | None = None
        self._loose: dict[str, dict[str, int]] = {}
        self._loose_stems: dict[str, dict[str, int]] = {}
        self._stem_lengths: tuple[int, ...] = ()
        self._told_cache: dict[str, dict[str, int]] = {}
        self._halves: dict[str, tuple[str, ...]] = {}
        self._token_names: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = {}
        self._joins: dict[str, str | None] = {}
        self._loose_languages: dict[tuple[str, str], frozenset[str]] = {}

    def canon(self, word: str) -> str:
        """One name for all forms of a lexicon word: the first of the lexicon words of its lemma."""
        known = self._canon.get(word)
        if known is not None:
            return known
        found = word if word in self._common or not word.isalpha() else min((word, *self._lemmas.related(word)))
        if len(self._canon) > 200_000:
            self._canon.clear()
        self._canon[word] = found
        return found

    def content(self, word: str) -> bool:
        """A word that can tell something on its own: no everyday filler."""
        return word.isalpha() and len(word) >= 3 and word not in self._common and zipf(word) <= MAX_LOOSE_ZIPF

    def build(self) -> None:
        """The indexes by base form (once; in the matcher's background thread, or at the first text)."""
        if self._by_key is None:
            self._build()

    def _build(self) -> None:
        by_key: dict[str, list[tuple[Pattern, tuple[str, ...]]]] = defaultdict(list)
        loose: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        stems: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        loose_languages: dict[tuple[str, str], set[str]] = defaultdict(set)
        for pattern in self._patterns:
            words = [e.text for e in pattern.elements if e.kind == "word"]
            content = [w for w in words if self.content(w)]
            if not content:
                for element in pattern.elements:
                    if element.kind == "stem":
                        stems[element.text][str(pattern.label)] += 1
                continue  # filler only ('mijn man', 'het is krap'): only as written
            keys = tuple(self.canon(e.text) if e.kind == "word" else "" for e in pattern.elements)
            label = str(pattern.label)
            for element in pattern.elements:  # a stem tells as much as the words it starts
                if element.kind == "stem":
                    stems[element.text][label] += 1
            rarest = min(content, key=zipf)
            by_key[self.canon(rarest)].append((pattern, keys))
            for word in dict.fromkeys(content):
                key = self.canon(word)
                loose[key][label] += 1
                loose_languages[(key, label)] |= self._languages.get((pattern.source, label), frozenset())
        self._loose = {k: dict(v) for k, v in loose.items()}
        self._loose_stems = {k: dict(v) for k, v in stems.items()}
        self._stem_lengths = tuple(sorted({len(k) for k in stems}))
        self._loose_languages = {k: frozenset(v) for k, v in loose_languages.items()}
        self._by_key = dict(by_key)

    def keys(self, words: Sequence[Sequence[str]], clause_of: Sequence[int]) -> tuple[list[set[str]], list[set[str]]]:
        """Per token: every name it goes by (forms, base forms, compounds, a separable verb joined), and
        the names it tells by on its own (not the halves of a compound: 'buurthuis' is no 'buurt')."""
        keys, own = [], []
        for forms in words:
            names, told = self._names(tuple(forms))
            keys.append(set(names))
            own.append(set(told))
        count = len(words)
        for index, forms in enumerate(words):
            typed = forms[0]
            if index + 1 < count and clause_of[index] == clause_of[index + 1]:
                joined = self._joined(typed + words[index + 1][0])  # 'te veel' = 'teveel'
                if joined:
                    keys[index].add(joined)
                    keys[index + 1].add(joined)
            if typed in PARTICLES:  # 'sluiten het gas af', 'af te sluiten' ~ 'afsluiten', 'afgesloten'
                for other in range(max(0, index - PARTICLE_REACH), min(count, index + PARTICLE_BEFORE + 1)):
                    if other != index and clause_of[other] == clause_of[index]:
                        joined = self._joined(typed + words[other][0])
                        if joined:
                            keys[other].add(joined)
                            own[other].add(joined)
        return keys, own

    def find(self, words: Sequence[Sequence[str]], clause_of: Sequence[int], main: str | None,
             everyday: Callable[[str], bool]) -> list[Hit]:
        """Entries whose words stand in one clause in any order or form, and loose telling words.

        Another language's entry or word does not count on the text's everyday words (as in the
        matcher's exact hits)."""
        self.build()
        assert self._by_key is not None
        keys, own = self.keys(words, clause_of)
        hits: list[Hit] = []
        by_clause: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        members: dict[int, list[int]] = defaultdict(list)  # clause -> its tokens
        for index, clause in enumerate(clause_of[:len(words)]):
            members[clause].append(index)
        for index, names in enumerate(keys):
            for name in names:
                by_clause[clause_of[index]][name].append(index)
        for clause, where in by_clause.items():
            seen: set[int] = set()
            for name in sorted(where):  # sorted: the same answer in every process
                for pattern, pattern_keys in self._by_key.get(name, ()):
                    if id(pattern) in seen:
                        continue
                    seen.add(id(pattern))
                    hit = self._bag(pattern, pattern_keys, where, words, members[clause])
                    if hit is not None and self._speaks(hit, words, main, everyday):
                        hits.append(hit)
        others = [common_in(language) for language in LANGUAGES if main and language != main]
        for index, names in enumerate(own):
            typed = words[index][0]
            if not self.content(typed) and not any(self.content(form) for form in words[index][1:]):
                continue
            if any(frequency.get(typed, 0.0) >= HOMOGRAPH_ZIPF for frequency in others):
                continue  # 'arm' in an English sentence, 'door' in a Dutch one: an everyday word of the other
            best: dict[str, tuple[float, str]] = {}
            for name in sorted(names):
                per_domain = self._told(name)
                if not per_domain:
                    continue
                total = sum(per_domain.values())
                spread = 1.0 + SPREAD * math.log(len(per_domain))
                rarity = _rarity(zipf(typed), 0.0) / spread
                for label, entries in per_domain.items():
                    weight = rarity * (entries / total) ** 0.5 * min(1.0, entries / LOOSE_ENTRIES)
                    if weight >= MIN_LOOSE_RARITY and weight > best.get(label, (0.0, ""))[0]:
                        languages = self._loose_languages.get((name, label), frozenset())
                        if main and languages and main not in languages and everyday(typed):
                            continue
                        best[label] = (weight, name)
            for label, (weight, name) in best.items():
                hits.append(Hit(label, index, index + 1, LOOSE_SHARE * weight, name, (index,), loose=True))
        return hits

    def _names(self, forms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
        """A token's names (its forms, their base forms, a compound's halves) and those it tells by alone."""
        known = self._token_names.get(forms)
        if known is None:
            told = frozenset({self.canon(form) for form in forms} | set(forms))
            known = (told | frozenset(self._split(forms[0])), told)
            if len(self._token_names) > 100_000:
                self._token_names.clear()
            self._token_names[forms] = known
        return known

    def _joined(self, joined: str) -> str | None:
        """The lexicon's name for two words written together, when it knows them as one ('teveel', 'afsluiten')."""
        known = self._joins.get(joined, False)
        if known is False:
            known = self.canon(joined) if joined.isalpha() and (
                joined in self._texts or self.canon(joined) != joined) else None
            if len(self._joins) > 100_000:
                self._joins.clear()
            self._joins[joined] = known
        return known  # type: ignore[return-value]

    def _split(self, typed: str) -> tuple[str, ...]:
        """The two words an entry writes apart that a compound written together consists of ('teveel' =
        'te veel'; 'parents' is no 'pa rents'), cached."""
        known = self._halves.get(typed)
        if known is not None:
            return known
        found: list[str] = []
        if 2 * MIN_SPLIT + 1 <= len(typed) <= MAX_SPLIT and typed.isalpha() and typed not in self._common:
            for cut in range(MIN_SPLIT, len(typed) - MIN_SPLIT + 1):
                head, tail = typed[:cut], typed[cut:]
                if (head, tail) in self._pairs:
                    found.extend((head, tail, self.canon(tail)))
        if len(self._halves) > 100_000:
            self._halves.clear()
        self._halves[typed] = tuple(found)
        return self._halves[typed]

    def _told(self, name: str) -> dict[str, int]:
        """Per domain: how many entries use this word, or a stem it starts with (cached)."""
        known = self._told_cache.get(name)
        if known is None:
            if len(self._told_cache) > 100_000:
                self._told_cache.clear()
            known = self._told_cache[name] = self._count(name)
        return known

    def _count(self, name: str) -> dict[str, int]:
        told = self._loose.get(name)
        stems = [self._loose_stems[name[:n]] for n in self._stem_lengths
                 if n <= len(name) and name[:n] in self._loose_stems]
        if not stems:
            return told or {}
        merged = dict(told or {})
        for per_domain in stems:
            for label, entries in per_domain.items():
                merged[label] = merged.get(label, 0) + entries
        return merged

    def _bag(self, pattern: Pattern, pattern_keys: tuple[str, ...], where: Mapping[str, list[int]],
             words: Sequence[Sequence[str]], members: Sequence[int]) -> Hit | None:
        positions: list[int] = []
        for element, key in zip(pattern.elements, pattern_keys, strict=True):
            if element.kind == "word":
                found = where.get(key) or where.get(element.text)
                if not found:
                    return None
                positions.append(found[0])
            else:
                found_stem = next((i for i in members if any(form.startswith(element.text) for form in words[i])),
                                  None)
                if found_stem is None:
                    return None
                positions.append(found_stem)
        if max(positions) - min(positions) > len(pattern.elements) + MAX_SPAN_EXTRA:
            return None
        typed = words[positions[0]][0]
        if len(positions) == 1 and typed in self._texts and typed != pattern.elements[0].text:
            return None  # a lexicon word in its own right has its own entries: 'vrienden' is no 'vriendje'
        key = (pattern.source, str(pattern.label))
        weight = BAG_SHARE * self._information.get(key, 1.0)
        return Hit(pattern.label, min(positions), max(positions) + 1, weight, pattern.source,
                   tuple(sorted(set(positions))))

    def _speaks(self, hit: Hit, words: Sequence[Sequence[str]], main: str | None,
                everyday: Callable[[str], bool]) -> bool:
        languages = self._languages.get((hit.source, str(hit.label)))
        return not (main and languages and main not in languages
                    and all(everyday(words[i][0]) for i in hit.tokens()))
