"""Word forms for the small crisis vocabulary, generated once at load.

Dutch verbs are written in the data as `lemma: stem [past] [participle] [past plural]`; a
separable verb as `op|sluiten: sluit sloot gesloten`. Weak verbs need only their stem: the
past and participle follow 't kofschip. English verbs are `lemma: [past] [participle] [more forms]`.
Every generated form maps back to (lemma, particle): a split verb ("sloot ... op") counts
only when its particle stands in the same clause.
"""

from __future__ import annotations

from collections import defaultdict

NL_UNPREFIXED = ("be", "ge", "ver", "ont", "her", "er", "mis")
VOICELESS = set("tkfschp")
VOWELS = set("aeiou")


def _nl_past_plural(singular: str) -> str:
    """sloeg → sloegen, sloot → sloten, greep → grepen, brak → braken, gaf → gaven, wilde → wilden."""
    if singular.endswith("e"):
        return singular + "n"
    stem = singular
    if stem.endswith("f"):
        stem = stem[:-1] + "v"
    elif stem.endswith("s") and len(stem) > 3 and stem[-2] in VOWELS:
        stem = stem[:-1] + "z"
    if stem[-3:-1] in ("aa", "ee", "oo", "uu"):
        stem = stem[:-2] + stem[-1]
    return stem + "en"


def nl_verb(lemma: str, spec: str) -> dict[str, str | None]:
    """Every form of one Dutch verb → its particle (None for an inseparable verb)."""
    particle, _, infinitive = lemma.rpartition("|")
    parts = spec.split()
    stem = parts[0]
    voiceless = infinitive[-3] in VOICELESS if infinitive.endswith("en") and len(infinitive) > 3 else False
    ending = "t" if voiceless else "d"
    if len(parts) > 1 and parts[1] != "-":
        past = [parts[1], parts[3] if len(parts) > 3 else _nl_past_plural(parts[1])]
    else:
        past = [stem + ending + "e", stem + ending + "en"]
    if len(parts) > 2 and parts[2] != "-":
        participle = parts[2]
    else:
        prefix = "" if infinitive.startswith(NL_UNPREFIXED) else "ge"
        participle = prefix + stem + ("" if stem[-1] in "td" else ending)
    open_vowel = stem[-1] in "aeou" and (len(stem) < 2 or stem[-2] not in VOWELS)  # sla -> slaat, gooi -> gooit
    third = stem if stem.endswith("t") else (stem + stem[-1] + "t" if open_vowel else stem + "t")
    core = {infinitive, stem, third, *past, participle, infinitive + "d"}  # ... slaat, slaand
    forms: dict[str, str | None] = {form: (particle or None) for form in core}
    if particle:
        forms[particle + participle] = None  # opgesloten
        forms[particle + infinitive] = None  # opsluiten
        for finite in (stem, third, *past):  # verb last in a subordinate clause: "dat hij me opsluit"
            forms[particle + finite] = None
        forms.pop(participle, None)
        forms[participle] = particle  # "gesloten" only with "op" nearby
    return forms


def en_verb(lemma: str, spec: str) -> dict[str, str | None]:
    """Every form of one English verb (regular forms plus the irregular ones given)."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    forms.update(spec.split())
    return dict.fromkeys(forms)


def build_forms(language: str, verbs: dict[str, str]) -> dict[str, list[tuple[str, str | None]]]:
    """form → [(lemma, particle or None)] for every verb of one language."""
    table: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    make = nl_verb if language == "nl" else en_verb
    for lemma, spec in verbs.items():
        name = lemma.replace("|", "")
        for form, particle in make(lemma, str(spec or "")).items():
            if (name, particle) not in table[form]:
                table[form].append((name, particle))
    return dict(table)
