"""Small-cell suppression: no count under the threshold can be read, not even by subtracting.

Primary: every shown cell from 1 to `minimum - 1` is suppressed (a zero is nobody and is shown).
Secondary: a table's cells are tied by equations (parts and their total; a share and what it leaves
over). While some equation has exactly one unknown that must stay hidden (a suppressed cell, or a
hidden rest from 1 to minimum - 1), or unknowns that add up to 1 .. minimum - 1 (their sum can be
worked out), the smallest other shown non-zero member of it is suppressed too. Hidden cells (a rest
such as "not urgent") are never printed, so they are unknown by nature.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

Cell = Hashable


def suppress(values: dict[Cell, int], equations: Iterable[Iterable[Cell]], minimum: int,
             hidden: Iterable[Cell] = ()) -> set[Cell]:
    """The shown cells that must not be printed."""
    hidden_cells = set(hidden)
    shown = [c for c in values if c not in hidden_cells]
    def small(value: int) -> bool:
        return 0 < value < minimum

    suppressed = {c for c in shown if small(values[c])}
    groups = [tuple(dict.fromkeys(e)) for e in equations]
    groups = [g for g in groups if len(g) > 1]

    def unknown(cell: Cell) -> bool:
        return cell in suppressed or cell in hidden_cells

    changed = True
    while changed:
        changed = False
        for group in groups:
            unknowns = [c for c in group if unknown(c)]
            if not unknowns:
                continue
            if len(unknowns) == 1:
                (alone,) = unknowns
                if alone in hidden_cells and not small(values.get(alone, 0)):
                    continue  # a large (or empty) rest may be known
            elif not small(sum(values.get(c, 0) for c in unknowns)):
                continue  # what the hidden ones add up to may be worked out, and it is not small
            candidates = [c for c in group if not unknown(c) and values.get(c, 0) > 0]
            if candidates:
                suppressed.add(min(candidates, key=lambda c: (values.get(c, 0), str(c))))
                changed = True
    return suppressed
