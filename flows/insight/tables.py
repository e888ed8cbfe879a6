"""The figures as tables that are safe to show: per area and month, and domains that come together.

Everything here is pure: counts in, printable cells out, with suppress.py deciding what stays hidden.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from flows.insight.record import MAX_HOURS, OUTCOMES
from flows.insight.suppress import suppress
from knowledge.domains import DOMAIN_IDS
from store.figures import Figure

ALL = "*"  # the municipality (as area) or the whole period (as month)
OUTCOME_MEASURES = tuple(f"closed_{o}" for o in OUTCOMES)
MEASURES = ("finished", "handoffs", "urgent", "escalated", "passed_on", "accepted",
            "followup_yes", "followup_no", "followup_none", "closed", *OUTCOME_MEASURES)
HIDDEN = ("not_urgent", "not_escalated", "not_passed_on", "not_accepted", "still_open")
SHARES = {"urgent_share": "urgent", "escalated_share": "escalated", "passed_on_share": "passed_on"}
HIDDEN_SHARE = "-"  # a share or median over a hidden count (a count itself reads "<10")
PAIRS = tuple((a, b) for i, a in enumerate(DOMAIN_IDS) for b in DOMAIN_IDS[i:])


@dataclass
class Grid:
    """Counts per (area, month, measure) with what must be hidden; `show` gives what may be printed."""

    minimum: int
    values: dict[tuple[str, str, str], int]
    hidden: set[tuple[str, str, str]]
    hours: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)

    def suppressed(self, area: str, month: str, measure: str) -> bool:
        return (area, month, measure) in self.hidden

    def count(self, area: str, month: str, measure: str) -> int | None:
        """The count, or None when it must not be shown."""
        return None if self.suppressed(area, month, measure) else self.values.get((area, month, measure), 0)

    def show(self, area: str, month: str, measure: str) -> str:
        value = self.count(area, month, measure)
        return f"<{self.minimum}" if value is None else str(value)

    def share(self, area: str, month: str, name: str) -> str:
        """A percentage of the handoffs, only when both counts may be shown."""
        part, whole = self.count(area, month, SHARES[name]), self.count(area, month, "handoffs")
        if part is None or whole is None:
            return HIDDEN_SHARE
        return f"{round(100 * part / whole)}%" if whole else HIDDEN_SHARE

    def median_hours(self, area: str, month: str) -> str:
        """Median working hours from sending to accepting, only when the number accepted may be shown."""
        if self.count(area, month, "accepted") is None:
            return HIDDEN_SHARE
        histogram = self.hours.get((area, month), {})
        total = sum(histogram.values())
        if not total:
            return HIDDEN_SHARE
        seen = 0
        for key in sorted(histogram, key=_hours_order):
            seen += histogram[key]
            if seen * 2 >= total:
                return f">{MAX_HOURS}" if key.endswith("+") else key
        return HIDDEN_SHARE


def _hours_order(key: str) -> int:
    return MAX_HOURS + 1 if key.endswith("+") else int(key)


def monthly(figures: Iterable[Figure], areas: list[str], months: list[str], minimum: int) -> Grid:
    """Per area (with '' for unknown and ALL for the municipality) and month (with ALL for the period)."""
    raw: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    hours: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in figures:
        if f.area not in areas or f.month not in months:
            continue
        for area in (f.area, ALL):
            for month in (f.month, ALL):
                cell = raw[(area, month)]
                if f.kind == "finished":
                    cell["finished"] += f.count
                elif f.kind in ("handoff", "urgent", "escalated", "passed_on", "accepted"):
                    cell["handoffs" if f.kind == "handoff" else f.kind] += f.count
                elif f.kind == "followup" and f.key in ("yes", "no"):
                    cell[f"followup_{f.key}"] += f.count
                elif f.kind == "closed":
                    cell["closed"] += f.count
                    cell[f"closed_{f.key if f.key in OUTCOMES else 'other'}"] += f.count
                elif f.kind == "accept_hours":
                    hours[(area, month)][f.key] += f.count
    all_areas, all_months = [*areas, ALL], [*months, ALL]
    values: dict[tuple[str, str, str], int] = {}
    equations: list[list[tuple[str, str, str]]] = []
    for area in all_areas:
        for month in all_months:
            c = raw.get((area, month), {})
            v = {m: c.get(m, 0) for m in MEASURES}
            v["followup_none"] = max(0, v["accepted"] - v["followup_yes"] - v["followup_no"])
            v["not_urgent"] = max(0, v["handoffs"] - v["urgent"])
            v["not_escalated"] = max(0, v["handoffs"] - v["escalated"])
            v["not_passed_on"] = max(0, v["handoffs"] - v["passed_on"])
            v["not_accepted"] = max(0, v["handoffs"] - v["accepted"])
            v["still_open"] = max(0, v["accepted"] - v["closed"])
            for measure, value in v.items():
                values[(area, month, measure)] = value

            def at(*measures: str, area: str = area, month: str = month) -> list[tuple[str, str, str]]:
                return [(area, month, m) for m in measures]

            equations += [at("urgent", "not_urgent", "handoffs"), at("escalated", "not_escalated", "handoffs"),
                          at("passed_on", "not_passed_on", "handoffs"), at("accepted", "not_accepted", "handoffs"),
                          at("followup_yes", "followup_no", "followup_none", "accepted"),
                          at("closed", "still_open", "accepted"), at(*OUTCOME_MEASURES, "closed")]
    for measure in (*MEASURES, *HIDDEN):
        for month in all_months:
            equations.append([(a, month, measure) for a in all_areas])  # the areas add up to the municipality
        for area in all_areas:
            equations.append([(area, m, measure) for m in all_months])  # the months add up to the period
    hidden_cells = {k for k in values if k[2] in HIDDEN}
    suppressed = suppress(values, equations, minimum, hidden_cells)
    return Grid(minimum, values, suppressed | hidden_cells, {k: dict(v) for k, v in hours.items()})


@dataclass
class Pairs:
    """How many residents named two domains (or, on the diagonal, one) as a concern, per area."""

    minimum: int
    values: dict[tuple[str, str], int]  # (area, 'a+b')
    hidden: set[tuple[str, str]]

    def count(self, area: str, first: str, second: str) -> int | None:
        key = _pair(first, second)
        return None if (area, key) in self.hidden else self.values.get((area, key), 0)

    def show(self, area: str, first: str, second: str) -> str:
        value = self.count(area, first, second)
        return f"<{self.minimum}" if value is None else str(value)


def _pair(first: str, second: str) -> str:
    a, b = sorted((first, second), key=DOMAIN_IDS.index)
    return f"{a}+{b}"


def pairs(figures: Iterable[Figure], areas: list[str], months: list[str], minimum: int) -> Pairs:
    """Domain pairs over the period (a resident counts in each month they finished), per area and in all."""
    values: dict[tuple[str, str], int] = {(area, _pair(a, b)): 0 for area in [*areas, ALL] for a, b in PAIRS}
    for f in figures:
        if f.kind == "pair" and f.area in areas and f.month in months and (f.area, f.key) in values:
            values[(f.area, f.key)] += f.count
            values[(ALL, f.key)] += f.count
    equations = [[(area, _pair(a, b)) for area in [*areas, ALL]] for a, b in PAIRS]
    return Pairs(minimum, values, suppress(values, equations, minimum))
