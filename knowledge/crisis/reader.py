"""The crisis reader: concepts and strong phrases per language, per clause, with the time layer.

Built once from knowledge/crisis/concepts/<lang>.yaml and knowledge/crisis/phrases/<lang>.yaml.
`read()` takes the matcher's token stream (`words[i]` = token i as typed, then its typo
corrections) and the resident's previous messages, so a sentence split over two messages
still counts, while a danger that stood entirely in an earlier message is not reported again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.crisis.clauses import (
    ClauseWords,
    clause_starts,
    foreign_positions,
    foreign_words,
    only_words,
    primary_language,
    sentence_starts,
)
from knowledge.crisis.concepts import ConceptSet
from knowledge.crisis.modifiers import CALMING, WHEN, Judge, Markers, phrases_in, present_in
from knowledge.crisis.phrases import PhraseSet
from knowledge.crisis.units import around, clause_of, clause_ranges, first_of_message, insertions, merge_roles, units
from knowledge.crisis.verdict import Crisis, Finding
from knowledge.dictionary import common_in
from knowledge.domains import CRISIS_KINDS
from knowledge.normalize import normal_phrase
from knowledge.patterns import Hit

HERE = Path(__file__).resolve().parent
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MIN_TYPO_LENGTH = 5
MAX_HINTS = 20  # risk words looked at per text (enough to ask once)
MAX_CLAUSE_WORDS = 30  # words of a clause shown in an explanation
MIN_N_LENGTH = 4  # a word this long may be typed without its final n ("leve", "make", "worde")
DROPPED_N_MARGIN = 1.0  # Zipf: how much more common the word with its n must be
TO_COME_BEFORE = 4  # how near before a fact its day must be ("dat hij vrijdag dood is"; not "mijn moeder is dood,
#   morgen moet ik naar de notaris")
SINCE_DAY = frozenset({"sinds", "na", "vanaf", "elke", "iedere", "vorige", "afgelopen",
                       "since", "after", "every", "last"})  # a day after these is no day to come
NOWHERE = ("\x00",)  # what a masked token looks like to the phrase patterns

Words = Sequence[Sequence[str]]


@dataclass
class Language:
    """Everything one language reads with."""

    name: str
    concepts: ConceptSet
    phrases: PhraseSet
    idioms: PhraseSet
    hints: PhraseSet
    function_words: frozenset[str]
    clause_words: ClauseWords
    phrase_unless: dict[str, tuple[str, ...]]
    hint_unless: tuple[str, ...]
    to_come: frozenset[str] = frozenset()  # a fact with one of these just before it is still to come ("vrijdag")
    to_come_facts: frozenset[str] = frozenset()  # the facts that can be ("dood is"; not "doodgegaan")
    triggers: frozenset[str] = frozenset()
    trigger_stems: frozenset[str] = frozenset()
    trigger_suffixes: frozenset[str] = frozenset()
    trigger_stem_lengths: tuple[int, ...] = ()
    trigger_suffix_lengths: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        sets = (self.phrases, self.hints)
        self.triggers = frozenset(
            {w for key in self.concepts.slots for w in key.split()[:1]}
            | {p.elements[0].text for ps in sets for p in ps.patterns if p.elements[0].kind == "word"}
        )
        self.trigger_stems = frozenset(
            set(self.concepts.stems) | {p.elements[0].text for ps in sets for p in ps.patterns
                                        if p.elements[0].kind == "stem"})
        self.trigger_suffixes = frozenset(
            set(self.concepts.suffixes) | {p.elements[0].text for ps in sets for p in ps.patterns
                                           if p.elements[0].kind == "suffix"})
        self.trigger_stem_lengths = tuple(sorted({len(s) for s in self.trigger_stems}))
        self.trigger_suffix_lengths = tuple(sorted({len(s) for s in self.trigger_suffixes}))


class CrisisReader:
    """Reads acute danger from a text (and the resident's last few messages)."""

    def __init__(self, folder: Path = HERE) -> None:
        self.languages: dict[str, Language] = {}
        marker_sections = []
        for path in sorted((folder / "concepts").glob("*.yaml")):
            data = _load(path)
            phrases = _load(folder / "phrases" / path.name)
            name = str(data.get("language", path.stem))
            crisis = []
            for kind, entries in (phrases.get("crisis") or {}).items():
                if kind not in CRISIS_KINDS:
                    raise ValueError(f"{path.name}: unknown crisis kind {kind!r}")
                crisis.extend((str(entry), kind) for entry in entries or ())
            self.languages[name] = Language(
                name,
                ConceptSet(data),
                PhraseSet(crisis),
                PhraseSet([*((str(e), "not") for e in phrases.get("not_crisis") or ()),
                           *((str(e), "fact") for e in phrases.get("facts") or ())]),
                PhraseSet((str(e), "hint") for e in phrases.get("crisis_hint") or ()),
                frozenset(normal_phrase(str(w)) for w in data.get("function_words") or ()),
                ClauseWords.compile((("," if str(w).startswith(",") else "") + normal_phrase(str(w))
                                     for w in data.get("clause_words") or ()),
                                    (normal_phrase(str(w)) for w in data.get("together") or ()),
                                    (normal_phrase(str(w)) for w in data.get("prepositions") or ())),
                {str(k): tuple(v or ()) for k, v in (data.get("phrase_unless") or {}).items()},
                tuple(data.get("hint_unless") or ()),
                frozenset(normal_phrase(str(w)) for w in (phrases.get("facts_to_come") or {}).get("when") or ()),
                frozenset(str(w) for w in (phrases.get("facts_to_come") or {}).get("facts") or ()),
            )
            marker_sections.append(data.get("modifiers") or {})
        self.markers = Markers.merge(marker_sections)
        self.function_words = {name: lang.function_words for name, lang in self.languages.items()}
        vocabulary = {name: frozenset(lang.concepts.words() | lang.phrases.words())
                      for name, lang in self.languages.items()}
        self.only_everyday = only_words(self.function_words)
        self.only_known = {name: words - frozenset().union(*self.function_words.values())
                           for name, words in only_words(vocabulary).items()}
        self.foreign = foreign_words(self.function_words)
        self.dropped_n = vocabulary.get("nl", frozenset())  # the Dutch words a word typed without its final n may be

    def words(self) -> set[str]:
        """The crisis words a typo can be corrected to (5+ letters; shorter ones are never corrected)."""
        found: set[str] = set()
        for lang in self.languages.values():
            found |= lang.concepts.words() | lang.phrases.words() | lang.idioms.words()
        return {w for w in found if len(w) >= MIN_TYPO_LENGTH}

    def read(self, text: str, words: Words, previous: Sequence[tuple[str, Words]] = ()) -> Crisis:
        """The verdict on `text` (already split into `words`), read after `previous` messages."""
        stream: list[Sequence[str]] = []
        starts: set[int] = set()
        commas: set[int] = set()
        for piece_text, piece_words in [*previous, (text, words)]:
            boundary = len(stream)  # after the loop: where the current message starts
            sentences, after_comma = sentence_starts(piece_text, len(piece_words))
            starts |= {boundary + p for p in sentences} | {boundary}
            commas |= {boundary + p for p in after_comma}
            stream.extend(piece_words)
        if boundary >= len(stream):
            return Crisis()
        primary = primary_language(stream, self.only_everyday, self.only_known)
        if primary == "nl":  # "hij wil niet meer leve", "mn lippe worde blauw": chat and dialect drop the final n
            stream = [_with_final_n(forms, self.dropped_n) for forms in stream]
        findings: list[Finding] = []
        softened: list[Finding] = []
        hint_words: list[str] = []
        context = _Context(stream, starts, commas, boundary, Judge(stream, self.markers, starts))
        for lang in self.languages.values():
            foreign = foreign_positions(stream, self.foreign[(lang.name, primary)])
            if not self._triggered(lang, stream, foreign, primary):
                continue
            found, soft, hints = self._read_language(lang, context, foreign)
            findings += found
            softened += soft
            hint_words += hints
        findings = _one_per_clause(findings)
        softened = _one_per_clause(softened)
        kinds = _child_first(tuple(dict.fromkeys(f.kind for f in findings)), findings)
        evidence = tuple(dict.fromkeys(f"{f.concept}: {' '.join(f.words)}" for f in findings))
        if kinds:
            return Crisis(kinds[0], kinds, evidence, findings=tuple(findings), softened=tuple(softened))
        hint = bool(hint_words or softened)
        return Crisis(hint=hint, softened=tuple(softened), hint_words=tuple(dict.fromkeys(hint_words)))

    def idioms_in(self, words: Words) -> tuple[str, ...]:
        """The idioms and look-alikes of any language in these words ("ik ga dood van de hitte").

        Not the facts ("sinds mijn vrouw dood is"): their words never fill a concept either, but a
        message about a death that happened may still be one in danger, so they do not calm the model.
        """
        return tuple(dict.fromkeys(" ".join(words[p][0] for p in range(hit.start, hit.end))
                                   for lang in self.languages.values() for hit in lang.idioms.find(words)
                                   if hit.label == "not"))

    def calming_in(self, words: Words) -> tuple[str, ...]:
        """What says a message is not acute although its words sound so: idioms, all-clears, jokes, topics, a
        child's phone taken away (not the facts, see idioms_in)."""
        marked = [m for name in CALMING for m in sorted(phrases_in(words, range(len(words)),
                                                                     getattr(self.markers, name)))]
        return tuple(dict.fromkeys((*self.idioms_in(words), *marked)))

    def happens_now(self, words: Words) -> bool:
        """Whether the message says a danger happens now ("net", "zojuist", "I just") or shows an acute sign ("ademt
        niet", "not breathing"): the second opinion then never lowers the concepts' alarm."""
        everywhere = range(len(words))
        return bool(present_in(words, everywhere, self.markers.present)
                    or phrases_in(words, everywhere, self.markers.acute_signs))

    def beside_idioms(self, text: str, words: Words) -> Words | None:
        """The words of the message outside the pieces (sentences, comma parts) that hold an idiom, when no calm is
        left in them: "ik ga dood van de hitte, riep hij als grapje, maar nu reageert hij niet meer" → "maar nu
        reageert hij niet meer". An idiom explains its own words, not a danger beside it. None: no idiom, nothing
        beside it, or a joke, all-clear or topic of its own beside it (those count for the whole message; one in the
        idiom's own piece, "als grapje", speaks of the idiom). The matcher lets the rest only raise the model's verdict.
        """
        spans = [range(hit.start, hit.end) for lang in self.languages.values() for hit in lang.idioms.find(words)
                 if hit.label == "not"]
        if not spans:
            return None
        sentences, commas = sentence_starts(text, len(words))
        pieces = clause_ranges(sorted({*sentences, *commas}), len(words), 0)
        rest = [words[p] for piece in pieces if not any(set(piece) & set(span) for span in spans) for p in piece]
        if not rest or len(rest) == len(words) or self.calming_in(rest):
            return None
        return rest

    def _to_come(self, hit: Hit, stream: Words, clause: range) -> bool:
        """Whether a fact (a death that happened) is still to come: a day just before it, "dat hij vrijdag dood is"
        (not "sinds vrijdag", "elke vrijdag", "vorige vrijdag")."""
        if hit.label != "fact":
            return False
        near = range(max(clause.start, hit.start - TO_COME_BEFORE), hit.start)
        return any(hit.source in lang.to_come_facts and stream[p][0] in lang.to_come
                   and (p == 0 or stream[p - 1][0] not in SINCE_DAY) for lang in self.languages.values() for p in near)

    def _triggered(self, lang: Language, stream: Words, foreign: set[int], primary: str | None) -> bool:
        """Whether any word could start something of this language (else it is skipped, for speed)."""
        everyday = self.function_words.get(primary, frozenset()) if primary != lang.name else frozenset()
        for i, forms in enumerate(stream):
            if i in foreign or forms[0] in everyday:
                continue
            if any(form in lang.triggers for form in forms):
                return True
            first = forms[0]
            if any(first[:n] in lang.trigger_stems for n in lang.trigger_stem_lengths if n < len(first)):
                return True
            if any(first[-n:] in lang.trigger_suffixes for n in lang.trigger_suffix_lengths if n < len(first)):
                return True
        return False

    def _read_language(self, lang: Language, context: _Context, foreign: set[int]) -> tuple[
        list[Finding], list[Finding], list[str]
    ]:
        """Findings, softened findings and hint words of one language's concepts and phrases."""
        stream, boundary = context.stream, context.boundary
        visible = [NOWHERE if i in foreign else forms for i, forms in enumerate(stream)]
        cuts = clause_starts(stream, context.starts, lang.clause_words, foreign, context.commas)
        clauses = clause_ranges(cuts, len(stream), boundary)
        frames = insertions(clauses, stream, context.commas, context.starts)
        at = [n for n, clause in enumerate(clauses) for _ in clause]  # position -> clause number
        phrase_hits = [hit for hit in lang.phrases.find(visible) if hit.end > boundary]
        hint_hits = [hit for hit in lang.hints.find([forms[:1] for forms in visible]) if hit.start >= boundary]
        covered: set[int] = set()
        concepts = self._concepts(lang, context, clauses, foreign, frames)
        # only then look for idioms (most sentences: never); or when a blocker stopped a concept, since an idiom may
        # hold the blocker's word ("ze gaat me steken, ze is niet zichzelf"; seventeenth round)
        if phrase_hits or hint_hits or any(concepts[:3]) or concepts[4]:
            covered = {p for other in self.languages.values() for hit in other.idioms.find(stream)
                       if not self._to_come(hit, stream, clauses[at[hit.start]])
                       for p in range(hit.start, hit.end)}  # an idiom is an idiom in any list
            if covered:
                concepts = self._concepts(lang, context, clauses, foreign | covered, frames)
        findings, softened, hint_words, per_clause, _ = concepts
        stood: set[tuple[str, int]] = set()  # (kind, clause): one standing phrase is enough
        for hit in phrase_hits:
            if any(p in covered for p in range(hit.start, hit.end)) or (str(hit.label), at[hit.start]) in stood:
                continue
            unit, index = clause_of(clauses, at, hit.start, boundary)
            blockers = lang.phrase_unless.get(str(hit.label), ())
            if blockers and any(b in roles for roles in around(per_clause, at, hit.start) for b in blockers):
                continue
            said = tuple(stream[p][0] for p in range(hit.start, hit.end))
            verdict, why = context.judge(str(hit.label), said, unit)
            name = f"vaste zin \u201c{hit.source}\u201d"
            finding = Finding(str(hit.label), name, said, _text(stream, unit), index, why)
            if verdict == "stands":
                stood.add((str(hit.label), at[hit.start]))
            if verdict != "cancel":
                (findings if verdict == "stands" else softened).append(finding)
        for hit in hint_hits[:MAX_HINTS]:
            if any(p in covered for p in range(hit.start, hit.end)):
                continue
            if any(b in roles for roles in around(per_clause, at, hit.start) for b in lang.hint_unless):
                continue  # a risk word in an innocent context: judo, the pharmacy, the boss
            said = tuple(stream[p][0] for p in range(hit.start, hit.end))
            unit, _ = clause_of(clauses, at, hit.start, boundary)
            if context.judge("hint", said, unit)[0] != "cancel":
                hint_words.append(" ".join(said))
        return findings, softened, hint_words

    def _concepts(self, lang: Language, context: _Context, clauses: list[range], masked: set[int],
                  frames: tuple[tuple[int, range], ...] = ()) -> tuple[
        list[Finding], list[Finding], list[str], list[dict], list[str]
    ]:
        stream, boundary = context.stream, context.boundary
        findings: list[Finding] = []
        softened: list[Finding] = []
        hint_words: list[str] = []
        per_clause = [lang.concepts.roles_in(stream, list(c), masked, context.commas) for c in clauses]
        alone: set[tuple[str, int]] = set()  # (concept, clause) fired within one clause
        read = [(unit, reach, index, parts, merge_roles(per_clause[n] for n in parts))
                for unit, reach, index, parts in units(clauses, boundary)]
        first = first_of_message(clauses, boundary)
        blocked: list[str] = []  # concepts a blocker stopped: an idiom may hold the blocker's word
        for n, tail in frames:  # "ik ga er, | als de kinderen slapen, een eind aan maken": the frame read as one
            # clause, with the insertion in it for the time layer ("hij sloeg me, toen ik klein was, elke dag")
            if n > first:
                tail_roles = lang.concepts.roles_in(stream, list(tail), masked, context.commas)
                roles = merge_roles((per_clause[n - 1], tail_roles))
                dated = stream[clauses[n].start][0] in WHEN  # only "toen" dates the frame; "omdat vorig jaar ..." not
                unit = (list(range(clauses[n - 1].start, tail.stop)) if dated
                        else [*clauses[n - 1], *tail])
                read.append((unit, 1, n - first, (n - 1, n), roles))
        for unit, reach, index, parts, roles in read:
            after = parts[-1] + 1
            beside = frozenset(per_clause[after]) if after < len(clauses) else frozenset()
            if len(parts) == 2 and reach == 1 and parts[1] in {n for n, _ in frames}:
                beside |= frozenset(per_clause[parts[1]])  # a blocker in the insertion counts too
            for concept, said in lang.concepts.fired(roles, reach, boundary, beside, blocked):
                if any((concept.name, n) in alone for n in parts):
                    continue
                if len(parts) == 1:
                    alone.add((concept.name, parts[0]))
                verdict, why = context.judge(concept.kind, said, unit, concept.past_given)
                if verdict == "cancel":
                    continue
                if concept.hint:
                    hint_words.extend(said)
                    continue
                finding = Finding(concept.kind, concept.name, said, _text(stream, unit), index, why)
                (findings if verdict == "stands" else softened).append(finding)
        return findings, softened, hint_words, per_clause, blocked


@dataclass(frozen=True)
class _Context:
    stream: list[Sequence[str]]
    starts: set[int]
    commas: set[int]
    boundary: int
    judge: Judge


def _one_per_clause(findings: list[Finding]) -> list[Finding]:
    """Concepts before strong phrases; one strong phrase per kind and clause, none where a concept explains it."""
    findings = sorted(findings, key=lambda f: (f.clause_index or 0, f.concept.startswith("vaste zin")))
    kept: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for finding in findings:
        key = (finding.kind, finding.clause_index)
        if finding.concept.startswith("vaste zin") and key in seen:
            continue
        seen.add(key)
        kept.append(finding)
    return kept


def _child_first(kinds: tuple[str, ...], findings: list[Finding]) -> tuple[str, ...]:
    """A child harmed by the same act as violence at home ("ze sluit haar dochtertje op"): the child comes first."""
    if "child_danger" not in kinds or "domestic_violence" not in kinds:
        return kinds
    child = {(f.clause_index, w) for f in findings if f.kind == "child_danger" and not f.concept.startswith("vaste zin")
             for w in f.words}
    if not any((f.clause_index, w) in child for f in findings if f.kind == "domestic_violence" for w in f.words):
        return kinds
    return ("child_danger", *(k for k in kinds if k != "child_danger"))


def _with_final_n(forms: Sequence[str], known: frozenset[str]) -> Sequence[str]:
    """A Dutch word typed without its final n also counts as the crisis word meant: leve → leven, ademe → ademen,
    worde → worden, kindere → kinderen; only when the word with n is far more common than as typed (a Zipf point), so
    "dode" stays "dode" (not "doden") and "hele" stays "hele". The form with n comes after the typed one, so entries
    of several words and the explanation still read what the resident typed (twelfth round)."""
    first = forms[0]
    if len(first) < MIN_N_LENGTH or not first.endswith("e") or first + "n" not in known:
        return forms
    dutch = common_in("nl")
    if dutch.get(first + "n", 0.0) < dutch.get(first, 0.0) + DROPPED_N_MARGIN:
        return forms
    return (*forms, first + "n")


def _load(path: Path) -> dict:
    if not path.exists():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}


def _text(words: Words, unit: Sequence[int]) -> str:
    shown = " ".join(words[i][0] for i in unit[:MAX_CLAUSE_WORDS])
    return shown + (" \u2026" if len(unit) > MAX_CLAUSE_WORDS else "")
