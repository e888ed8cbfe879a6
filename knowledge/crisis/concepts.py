"""Concepts: roles that meet within a clause, in any order, on base forms.

Compiled once per language into look-up tables (form → roles, with the particle a split
verb needs); reading a clause is one dictionary look-up per token, and one per longer run of
tokens only while the run is the start of some entry of several words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from knowledge.crisis.ages import AGE_WORDS, CHILD_AGE, MONTHS, TEEN, YOUNG, is_age, is_time, is_word_age, said_age
from knowledge.crisis.forms import build_forms
from knowledge.normalize import normal_phrase

TOKEN_CACHE = 50_000  # tokens whose slots are remembered
AGENT_GAP = 4  # words: a doer this close before the filler (a verb-last clause: subject, object, verb)
# object pronouns, never the subject of the verb after them ("dat hij me neerschiet", "that he hit me")
OBJECT_PRONOUNS = frozenset({"me", "mij", "hem", "haar", "ons", "mezelf", "him", "her", "us", "myself"})
OF_WORDS = frozenset({"van", "of", "from"})  # "de stiefmoeder van mijn neefje sluit hem op": not the subject
VOWELS = frozenset("aeiouy")
# A Dutch auxiliary of the perfect or the passive: "mijn man heeft mijn zus geslagen", "hij werd door zijn vader
# geschopt": a filler between it and a participle is the object, not the subject ("ik heb gemerkt dat mijn zoon
# slaat": "slaat" is no participle, so "mijn zoon" stays its subject).
AUXILIARIES = frozenset({"heeft", "hebben", "heb", "hebt", "had", "hadden", "wordt", "werd", "werden", "worden"})
PARTICLES = ("op", "aan", "af", "uit", "in", "mee", "dood", "klem", "vast", "neer", "weg", "kapot", "om", "over",
             "door", "tegen", "buiten", "binnen", "achter", "na")
INSEPARABLE = ("be", "ver", "ont", "her", "mis", "er")
# a word before one of these is a preposition, not a split verb's particle: "op mijn werk sluiten ze me buiten"
DETERMINERS = frozenset({"de", "het", "een", "mijn", "mn", "zijn", "zn", "onze", "jullie", "hun", "deze", "die", "dat",
                         "the", "a", "an", "my", "his", "our", "their", "this", "that"})


@dataclass(frozen=True)
class Concept:
    kind: str
    name: str
    roles: tuple[str, ...]
    unless: tuple[str, ...] = ()
    reach: int = 1  # clauses in a row the roles may spread over
    hint: bool = False  # only the gentle question
    verb: str | None = None  # the role holding the verb, for `not_subject`
    not_subject: tuple[str, ...] = ()  # roles that do not count right before the verb ("mijn zoon schopt")
    agent: str | None = None  # a doer before that filler makes it the object ("dat de oppas de baby slaat")
    past_given: bool = False  # it names a past event itself ("naar haar man gaan, die vorig jaar overleed"): no past

    @property
    def needs(self) -> frozenset[str]:
        return frozenset(self.roles)


@dataclass(frozen=True)
class Slot:
    """What one form says: it fills `role` (as `lemma`), if `particle` stands in the same clause."""

    role: str
    lemma: str
    particle: str | None


class ConceptSet:
    """The concepts of one language and the tables to find their roles."""

    def __init__(self, data: dict) -> None:
        verbs = {str(k): str(v or "") for k, v in (data.get("verbs") or {}).items()}
        self.language = str(data.get("language"))
        forms = build_forms(self.language, verbs)
        self.slots: dict[str, list[Slot]] = defaultdict(list)  # form or "w1 w2" → slots
        self.stems: dict[str, list[Slot]] = defaultdict(list)
        self._token_cache: dict[tuple[str, ...], list[Slot]] = {}
        self.many: list[str] = []  # roles filled by a number of 10 or more ("30 paracetamol")
        self.young: list[str] = []  # roles filled by a young age ("van 2", "3 jaar", "2 year old")
        self.teen: list[str] = []  # roles filled by a teenager's age ("ze zijn 14 en 16"), not a time
        self.child_age: list[str] = []  # roles filled by a child's age ("jongen van 9", "8 maanden")
        self.suffixes: dict[str, list[Slot]] = defaultdict(list)
        self.clause_final: dict[str, list[str]] = defaultdict(list)  # "over$": a word only as a clause's last
        roles = dict(data.get("roles") or {})
        roles.update(data.get("blockers") or {})
        for role, entries in roles.items():
            for entry in entries or ():
                self._add(str(role), str(entry), forms)
        # the beginnings of the entries of several words: a run of tokens is read further only while it is one
        self.prefixes = frozenset(" ".join(key.split()[:n]) for key in self.slots for n in range(1, len(key.split())))
        self.stem_lengths = sorted({len(s) for s in self.stems})
        self.suffix_lengths = sorted({len(s) for s in self.suffixes})
        self.concepts: list[Concept] = []
        for kind, named in (data.get("concepts") or {}).items():
            for name, spec in (named or {}).items():
                self.concepts.append(Concept(
                    str(kind), str(name), tuple(spec["roles"]), tuple(spec.get("unless") or ()),
                    int(spec.get("reach", 1)), bool(spec.get("hint", False)), spec.get("verb"),
                    tuple(spec.get("not_subject") or ()), spec.get("agent"), bool(spec.get("past_given", False)),
                ))
        self._needs = [(c, c.needs) for c in self.concepts]
        # Each concept is looked at only when its rarest role is present (a clause fills few roles).
        size = {role: len(entries or ()) for role, entries in roles.items()}
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for index, concept in enumerate(self.concepts):
            self._by_key[min(concept.roles, key=lambda r: (size.get(r, 0), r))].append(index)
        missing = {r for c in self.concepts for r in c.roles + c.unless} - set(roles)
        if missing:
            raise ValueError(f"crisis concepts ({self.language}): unknown roles {sorted(missing)}")

    def _add(self, role: str, entry: str, forms: dict[str, list[tuple[str, str | None]]]) -> None:
        if entry in ("#many", "#young", "#teen", "#child"):
            {"#many": self.many, "#young": self.young, "#teen": self.teen, "#child": self.child_age}[entry].append(role)
            return
        if entry.endswith("$"):  # a particle at the end of its clause: "ik sla de les over", not "over een uur"
            self.clause_final[normal_phrase(entry[:-1])].append(role)
            return
        if entry.endswith("*"):
            self.stems[normal_phrase(entry[:-1])].append(Slot(role, entry, None))
            return
        if entry.startswith("*"):
            self.suffixes[normal_phrase(entry[1:])].append(Slot(role, entry, None))
            return
        phrase = normal_phrase(entry)
        if not phrase:
            return
        lemma = phrase.replace(" ", "")
        if lemma in {name for pairs in forms.values() for name, _ in pairs}:
            for form, pairs in forms.items():
                for name, particle in pairs:
                    if name == lemma:
                        self.slots[form].append(Slot(role, lemma, particle))
        self.slots[phrase].append(Slot(role, phrase, None))

    def words(self) -> set[str]:
        """Every single-word form (for the typo corrector's vocabulary)."""
        return {w for key in self.slots for w in key.split() if w.isalpha()}

    def _slots_of(self, forms: Sequence[str]) -> list[Slot]:
        """The slots one token fills (its forms, stems, suffixes); remembered per token, as words repeat."""
        key = tuple(forms)
        found = self._token_cache.get(key)
        if found is not None:
            return found
        found = [slot for form in forms for slot in self.slots.get(form, ())]
        first = forms[0]
        if not found and self.language == "nl":  # "blauwe lippen", "een slappe arm": the entry says "blauw", "slap"
            found = [slot for base in adjective_bases(first) for slot in self.slots.get(base, ())
                     if slot.particle is None]
        for length in self.stem_lengths:
            if length <= len(first):
                found.extend(self.stems.get(first[:length], ()))
        for length in self.suffix_lengths:
            if length <= len(first):
                found.extend(self.suffixes.get(first[-length:], ()))
        if len(self._token_cache) > TOKEN_CACHE:
            self._token_cache.clear()
        self._token_cache[key] = found
        return found

    def roles_in(self, words: Sequence[Sequence[str]], positions: Sequence[int],
                 masked: set[int], commas: Collection[int] = ()) -> dict[str, list[tuple[int, str]]]:
        """role → [(token position, the resident's word)] for the tokens at `positions`.

        `commas`: positions a comma stands before ("hij houdt me binnen, de deur ...": "binnen" ends there).
        """
        # the clause's words that can be a split verb's particle: not one that opens a phrase ("op mijn werk")
        typed = {words[i][0] for i in positions if i not in masked
                 and not (i + 1 < len(words) and i + 1 not in commas and words[i + 1][0] in DETERMINERS)}
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        slots = self.slots
        for n, i in enumerate(positions):
            if i in masked:
                continue
            forms = words[i]
            hits = self._slots_of(forms)
            first = forms[0]
            if i and words[i - 1][0] in OF_WORDS:
                found["#of"].append((i, first))
            if first in AUXILIARIES:
                found["#aux"].append((i, first))
            if first in AGE_WORDS and is_word_age(words, i):  # "onze dochter van drie": an age in letters
                for role in (*self.young, *self.child_age):
                    found[role].append((i, first))
            if first.isdigit():
                number = int(first[:6])
                age = is_age(words, i)
                for role in self.many if number >= 10 and not said_age(words, i) else ():
                    found[role].append((i, first))
                months = i + 1 < len(words) and words[i + 1][0] in MONTHS
                if self.young and (number <= YOUNG and age or months and number <= 36):
                    for role in self.young:
                        found[role].append((i, first))
                if self.child_age and (number <= CHILD_AGE and age or months and number <= 36):
                    for role in self.child_age:
                        found[role].append((i, first))
                if self.teen and TEEN[0] <= number <= TEEN[1] and not is_time(words, i):
                    for role in self.teen:
                        found[role].append((i, first))
            phrase = first
            k = 0
            while phrase in self.prefixes:  # "op zoek naar een manier": as long as an entry starts like this
                k += 1
                if n + k >= len(positions) or positions[n + k] in masked or positions[n + k] != i + k:
                    break
                phrase += " " + words[i + k][0]
                for slot in slots.get(phrase, ()):
                    found[slot.role].append((i, phrase))
            if n == len(positions) - 1:
                for role in self.clause_final.get(first, ()):
                    found[role].append((i, first))
            for slot in hits:
                if slot.particle is None or slot.particle in typed:
                    word = first if slot.particle is None else f"{first} \u2026 {slot.particle}"
                    found[slot.role].append((i, word))
        return found

    def fired(self, roles: dict[str, list[tuple[int, str]]], reach: int = 1,
              touch: int = 0, around: frozenset[str] = frozenset(),
              blocked: list[str] | None = None) -> list[tuple[Concept, tuple[str, ...]]]:
        """The concepts whose roles are all present (and no blocker), with the words that filled them.

        A concept complete before position `touch` (in an earlier message) does not count again.
        `around`: roles found in the next clause; a blocker there counts too ("ik sla de tandarts
        maar over": "maar" is not always a new clause). `blocked` gets the names of the concepts a blocker stopped.
        """
        result = []
        present = roles.keys()
        candidates = sorted(i for role in present for i in self._by_key.get(role, ()))
        for concept, needs in (self._needs[i] for i in candidates):
            if concept.reach < reach or not needs <= present:
                continue
            if any(b in roles or b in around for b in concept.unless):
                if blocked is not None:
                    blocked.append(concept.name)
                continue
            use = roles
            if concept.not_subject and concept.verb:
                use = _without_subjects(roles, concept)
                if not all(role in use for role in concept.roles):
                    continue
            if all(any(p < touch for p, _ in use[role]) for role in concept.roles):
                continue  # complete in an earlier message: the bot already answered it
            words = tuple(dict.fromkeys(use[role][0][1] for role in concept.roles))
            result.append((concept, words))
        return result


def _without_subjects(roles: dict[str, list[tuple[int, str]]], concept: Concept) -> dict[str, list[tuple[int, str]]]:
    """Drop fillers that stand right before the verb: there they are its subject, not its object.

    "mijn zoon schopt tegen een bal", "my son hits the ball": the son is not hit. A filler after
    the verb or further away still counts ("hij schopt mijn zoon", "mijn zoon wordt geschopt"), and
    so does one owned by someone ("de stiefmoeder van mijn neefje sluit hem op"), one with a doer
    just before it (a verb-last clause: "dat de oppas de baby slaat"), one after an auxiliary (a participle at the
    end: "mijn man heeft mijn zus geslagen"), and an object pronoun, which is never a subject ("dat hij me
    neerschiet", "dat hij haar slaat").
    """
    verbs = _verb_positions(roles.get(concept.verb or "", ()))
    owned = {p for p, _ in roles.get("#of", ())}
    auxiliary = min((p for p, _ in roles.get("#aux", ())), default=None)
    agents = [p for p, _ in roles.get(concept.agent or "", ())]
    kept = dict(roles)
    for role in concept.not_subject:
        left = [(p, w) for p, w in roles.get(role, ())
                if p + len(w.split()) not in verbs or w in OBJECT_PRONOUNS or p in owned or p - 1 in owned
                or any(0 < p - a <= AGENT_GAP for a in agents)
                or (auxiliary is not None and auxiliary < p and _participle(verbs.get(p + len(w.split()), "")))]
        if left:
            kept[role] = left
        else:
            kept.pop(role, None)
    return kept


def _verb_positions(entries: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Where the verb role's verbs stand (position -> first word). A noun phrase in the role ("een klap", "een pak
    slaag") is no verb, nor is a particle when a verb of the role stands before it: in "elke avond slaat hij mijn
    moeder in elkaar" the mother stands before "in elkaar", not before a verb (twelfth round)."""
    first = min((p for p, w in entries if w.split()[0] not in DETERMINERS and w.split()[0] not in PARTICLES),
                default=None)
    verbs = {}
    for p, w in entries:
        head = w.split()[0]
        if head in DETERMINERS or (head in PARTICLES and first is not None and first < p):
            continue
        verbs[p] = head
    return verbs


def _participle(word: str) -> bool:
    """Whether a Dutch verb form looks like a participle: geslagen, opgesloten, klemgereden, mishandeld, verkracht."""
    if word.startswith("ge"):
        return True
    if any(word.startswith(p) and word[len(p):].startswith("ge") for p in PARTICLES):
        return True
    return word.startswith(INSEPARABLE) and word.endswith(("d", "t", "en"))


def adjective_bases(word: str) -> tuple[str, ...]:
    """The plain forms a Dutch inflected adjective (or a word typed without its final n) may come from:
    blauwe → blauw, slappe → slap, bleke → bleek, grijze → grijs, lieve → lief, lippe → lip."""
    if len(word) < 5 or not word.endswith("e") or word.endswith(("ee", "ie")):
        return ()
    stem = word[:-1]
    bases = [stem]
    if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        bases.append(stem[:-1])  # slappe → slap
    if stem[-1] in "zv":
        bases.append(stem[:-1] + {"z": "s", "v": "f"}[stem[-1]])  # grijze → grijs, lieve → lief
    if stem[-2] in "aeou" and stem[-1] not in VOWELS and stem[-3] not in VOWELS:
        bases.append(stem[:-1] + stem[-2] + stem[-1])  # bleke → bleek
    return tuple(bases)
