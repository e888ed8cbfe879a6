"""Small-cell suppression: no count under the threshold can be read, not even by subtracting.

Primary: every shown cell under `minimum` is suppressed. Secondary: a table's cells are tied by
equations (parts and their total; a share and what it leaves over). While some equation has exactly
one unknown that must stay hidden (a suppressed cell, or a hidden rest under the threshold), or
unknowns that add up to less than the threshold (their sum can be worked out), the smallest other
shown member of it is suppressed too. Hidden cells (a rest such as "not urgent") are never printed,
so they are unknown by nature; they only need protecting when they are small.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

Cell = Hashable


def suppress(values: dict[Cell, int], equations: Iterable[Iterable[Cell]], minimum: int,
             hidden: Iterable[Cell] = ()) -> set[Cell]:
    """The shown cells that must not be printed."""
    hidden_cells = set(hidden)
    shown = [c for c in values if c not in hidden_cells]
    suppressed = {c for c in shown if values[c] < minimum}
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
                if alone in hidden_cells and values.get(alone, 0) >= minimum:
                    continue  # a large rest may be known
            elif sum(values.get(c, 0) for c in unknowns) >= minimum:
                continue  # what the hidden ones add up to may be worked out, and it is not small
            candidates = [c for c in group if not unknown(c)]
            if candidates:
                suppressed.add(min(candidates, key=lambda c: (values.get(c, 0), str(c))))
                changed = True
    return suppressed
