"""How the crisis reader groups a text's clauses into the units it reads a concept in.

A unit is one clause, two or three clauses in a row (for `reach: 2` and `reach: 3`), the last clause of the previous
message with the first of this one, or the clause around an inserted one ("ik ga er, | als de kinderen slapen, | een
eind aan maken": the frame is read as one clause).
"""

from __future__ import annotations

from collections.abc import Sequence

Words = Sequence[Sequence[str]]

# Dutch subordinate clause words whose clause may stand between two commas inside another ("ik ga er, als de kinderen
# slapen, een eind aan maken"; thirteenth round). Not "want", "maar", "en": they join main clauses.
INSERTED = frozenset({"als", "wanneer", "zodra", "toen", "omdat", "terwijl", "nadat", "voordat", "zodat", "hoewel",
                      "tenzij"})  # Dutch only: English puts such a clause first or last


def clause_ranges(starts: list[int], length: int, boundary: int) -> list[range]:
    """Clauses as position ranges; the message boundary always starts a clause."""
    cuts = sorted(set(starts) | {boundary, length})
    return [range(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def merge_roles(parts) -> dict[str, list[tuple[int, str]]]:
    """The roles found in several clauses, as one clause's."""
    merged: dict[str, list[tuple[int, str]]] = {}
    for roles in parts:
        for role, found in roles.items():
            merged[role] = merged.get(role, []) + found
    return merged


def insertions(clauses: list[range], stream: Words, commas: set[int], starts: set[int]) -> tuple[
    tuple[int, range], ...
]:
    """The clauses inserted between commas in another, each with the words after its closing comma.

    "ik ga er, als de kinderen slapen, een eind aan maken": the "als" clause ends at the second comma, and "een eind aan
    maken" goes on with the clause before it. Only a subordinate clause (INSERTED) that starts right after a comma and
    ends at a comma in the same sentence and clause."""
    found = []
    for n, clause in enumerate(clauses):
        p = clause.start
        if n == 0 or p not in commas or stream[p][0] not in INSERTED:
            continue
        end = next((q for q in sorted(commas) if p < q < clause.stop), None)
        if end is None or any(p < q <= end for q in starts):
            continue
        found.append((n, range(end, clause.stop)))
    return tuple(found)


def units(clauses: list[range], boundary: int) -> list[tuple[list[int], int, int, tuple[int, ...]]]:
    """(positions, reach, clause index) to read: each clause of the current message, each two and three in a row.

    The last clause before the current message and the first one of it are read as one
    clause (a sentence split over two messages). Index 0 means: it reaches into an earlier message.
    """
    units: list[tuple[list[int], int, int, tuple[int, ...]]] = []
    current = [n for n, c in enumerate(clauses) if c.start >= boundary]
    for number, n in enumerate(current, start=1):
        units.append((list(clauses[n]), 1, number, (n,)))
        if n > 0:
            joined = list(clauses[n - 1]) + list(clauses[n])
            crosses = clauses[n - 1].start < boundary
            units.append((joined, 1 if crosses and number == 1 else 2, 0 if crosses else number - 1, (n - 1, n)))
        if n > 1 and clauses[n - 2].start >= boundary:  # three in a row, within this message: `reach: 3` only
            units.append((list(clauses[n - 2]) + list(clauses[n - 1]) + list(clauses[n]), 3, number - 2,
                          (n - 2, n - 1, n)))
    return units


def first_of_message(clauses: list[range], boundary: int) -> int:
    """The index of the current message's first clause (the ones before it belong to earlier messages)."""
    return next((k for k, clause in enumerate(clauses) if clause.start >= boundary), len(clauses))


def clause_of(clauses: list[range], at: list[int], position: int, boundary: int) -> tuple[range, int]:
    """The clause holding `position`, and its number in the current message (0: an earlier one)."""
    n = at[position]
    first = first_of_message(clauses, boundary)
    return clauses[n], (n - first + 1 if n >= first else 0)


def around(per_clause: list[dict], at: list[int], position: int) -> list[dict]:
    """The roles of the clause holding `position` and of the next clause."""
    return per_clause[at[position]:at[position] + 2]
