"""Numbers and number words read as ages: "mijn kind van 2", "de kids (2 en 4)", "ik ben 73", "a three year old".

The concepts ask whether a number is a young child's age, a teenager's, a time of day or an amount of pills
(knowledge/crisis/concepts.py); these rules answer, one word position at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

YOUNG = 6  # years: a small child
TEEN = (11, 18)  # years: old enough to be home alone for an evening
TIME_BEFORE = frozenset({"om", "tot", "at", "until", "till", "before", "na", "voor", "after"})
TIME_AFTER = frozenset({"uur", "u", "oclock", "pm", "am", "minuten", "minutes", "min"})
AGE_BEFORE = frozenset({"van", "aged"})
# a number ending the text after one of AGE_LAST is an age when one of AGE_PERSONS "is" it: "hij is pas 3"
AGE_LAST = frozenset({"pas", "maar", "only"})
AGE_PERSONS = frozenset({"hij", "ze", "zij", "die", "he", "she"})
AGE_AFTER = frozenset({"jaar", "jarige", "year", "years", "yo", "yr"})
# a small child's age in letters after a child word ("een meisje van drie", "his son aged two", "mijn zoon is twee jaar
# oud"; fourteenth round); "een moeder van drie", "de zoon van twee vrienden", "onze hond is twee jaar oud" are no age
# "our two year old labrador" is no child (a last read, sixteenth round)
NOT_A_CHILD = frozenset({"dog", "puppy", "labrador", "cat", "kitten", "horse", "pony", "rabbit", "car", "house",
                         "laptop", "phone", "boiler", "tree", "bike"})
AGE_WORDS = frozenset({"anderhalf", "twee", "drie", "vier", "vijf", "zes", "two", "three", "four", "five", "six"})
AGE_OWNERS = frozenset({"kind", "kindje", "zoon", "zoontje", "dochter", "dochtertje", "meisje", "jongen", "jongetje",
                        "tweeling", "kleinzoon", "kleindochter", "neefje", "nichtje", "broertje", "zusje", "child",
                        "son", "daughter", "girl", "boy", "twins", "nephew", "niece", "brother", "sister", "grandson",
                        "granddaughter"})
# "ik ben 73", "mijn zoon is net 18", "I'm 67": a number right after one of AGE_VERBS (past AGE_ADVERBS) is an age, not
# "#many" ("hoeveel paracetamol mag je nemen, ik ben 73"; seventeenth round) when it ends the clause or one of
# AGE_OK_AFTER follows ("mijn moeder is 60 oxazepam kwijt" is an amount; a last read)
AGE_VERBS = frozenset({"ben", "bent", "is", "was", "wordt", "word", "werd", "am", "turned", "turns"})
AGE_ADVERBS = frozenset({"net", "pas", "nu", "al", "bijna", "ruim", "just", "only", "now", "almost", "nearly"})
SELF = frozenset({"ik", "i", "je", "jij", "u", "you", "we", "wij", "man", "vrouw", "moeder", "vader", "opa", "oma",
                  "husband", "wife", "mother", "father", "mum", "mom", "dad", "grandma", "grandpa", "buurman",
                  "buurvrouw"})
# "de kids (2 en 4)": numbers right after one of these, joined by AND, are ages
AND = frozenset({"en", "and"})
KIDS = frozenset({"kids", "kinderen", "kindjes", "children", "kinders", "jongens", "meisjes", "tweeling", "twins",
                  "boys", "girls"})
AGE_OK_AFTER = frozenset({"jaar", "jarig", "en", "maar", "dus", "nu", "years", "and", "but", "so", "now", "yo"})
AGE_SUBJECTS = AGE_PERSONS | SELF | AGE_OWNERS  # who "is" an age; not "haar hartslag is nu 38"
AGE_OLD = frozenset({"oud", "old"})
NOT_AGE_NEXT = frozenset({"hoog", "verdiepingen", "deuren", "huizen", "floors", "doors"})
AGE_NEXT = frozenset({"alleen", "maanden", "weken", "is", "was", "has", "months", "weeks", "years", "jaren"})
RANGE_AFTER = frozenset({"tot", "until", "till"})  # "alleen thuis van 3 tot 4": a time span, not an age
MONTHS = frozenset({"maanden", "maand", "weken", "months", "month", "weeks"})  # "de kleinste is 8 maanden": a baby
CHILD_AGE = 12  # years: "die jongen van 9" is a child


def is_age(words: Sequence[Sequence[str]], i: int) -> bool:
    """Whether the number at `i` is an age: "mijn kind van 2", "3 jaar oud", "my 2 year old"."""
    before = words[i - 1][0] if i else ""
    after = words[i + 1][0] if i + 1 < len(words) else ""
    if before in AGE_LAST and i + 1 == len(words):
        # "hij is pas 3", "ze is nog maar 2", "she is only 3"; not "het is pas 5" (a time), nor "pas 3 uur" (not last)
        back = [w[0] for w in words[max(0, i - 4):i - 1] if w[0] != "nog"]
        return len(back) >= 2 and back[-1] in ("is", "was") and back[-2] in AGE_PERSONS
    # "de kids (2 en 4)": numbers right after a child word, joined by "en" (seventeenth round)
    if after in AND and (before in AGE_OWNERS or before in KIDS):
        return True
    if before in AND and i >= 2 and words[i - 2][0].isdigit() and is_age(words, i - 2):
        return True
    return (before in AGE_BEFORE or after in AGE_AFTER) and after not in RANGE_AFTER


def said_age(words: Sequence[Sequence[str]], i: int) -> bool:
    """Whether the number at `i` is someone's age by the verb before it: "ik ben 73", "hij is net 18", "I am 67";
    not an amount ("ik heb er 30", "mijn moeder is 60 oxazepam kwijt"; seventeenth round)."""
    after = words[i + 1][0] if i + 1 < len(words) else ""
    if after and after not in AGE_OK_AFTER:
        return False
    back = [w[0] for w in words[max(0, i - 4):i]]
    while back and back[-1] in AGE_ADVERBS:
        back.pop()
    # a person is it ("ik ben 73", "mijn zoon is 18"), not a measurement ("haar hartslag is nu 38")
    return len(back) >= 2 and back[-1] in AGE_VERBS and back[-2] in AGE_SUBJECTS


def is_word_age(words: Sequence[Sequence[str]], i: int) -> bool:
    """Whether the number in letters at `i` is a small child's age: "de tweeling van anderhalf", "my son is three years
    old"."""
    before = [w[0] for w in words[max(0, i - 2):i]]
    after = [w[0] for w in words[i + 1:i + 3]]
    if after and after[0] not in AGE_NEXT and after[0].endswith(("en", "s")):
        return False  # "de zoon van twee vrienden", "de dochter van drie buren": a number of people, not an age
    if after and after[0] in NOT_AGE_NEXT:
        return False  # "het dochtertje van drie hoog": a floor
    if len(before) == 2 and before[1] in AGE_BEFORE and before[0] in AGE_OWNERS:
        return True
    # "the neighbours' three year old" is a child; "the house is three years old" is not
    if after == ["year", "old"] and (i + 3 >= len(words) or words[i + 3][0] not in NOT_A_CHILD):
        return True
    # "mijn zoon is twee jaar oud", not "onze hond is twee jaar oud"
    owner = any(w[0] in AGE_OWNERS for w in words[max(0, i - 4):i])
    return owner and len(after) == 2 and after[0] in AGE_AFTER and after[1] in AGE_OLD


def is_time(words: Sequence[Sequence[str]], i: int) -> bool:
    """Whether the number at `i` is a time of day or a duration: "om 11 uur", "until 12"."""
    before = words[i - 1][0] if i else ""
    after = words[i + 1][0] if i + 1 < len(words) else ""
    return before in TIME_BEFORE or after in TIME_AFTER
