"""`python bot.py insight`: heatmaps (PNG), CSV files and a short Markdown summary, from the figures only.

Nothing here reads a resident, a handoff or a story: the input is the aggregate table, and every
number that leaves went through the suppression in tables.py.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from flows.insight.tables import ALL, MEASURES, PAIRS, SHARES, Grid, Pairs, monthly, pairs
from flows.voice import Voice
from knowledge.domains import DOMAIN_IDS
from knowledge.model import KnowledgeBase
from store.figures import Figure

UNKNOWN_SLUG = "onbekend"


@dataclass(frozen=True)
class Period:
    """Inclusive months YYYY-MM."""

    first: str
    last: str

    def months(self) -> list[str]:
        year, month = map(int, self.first.split("-"))
        months = []
        while f"{year:04d}-{month:02d}" <= self.last:
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


def period_of(first: date | None, last: date | None, known: tuple[str, str] | None, today: date) -> Period:
    """The months asked for; by default every month with figures (or this month)."""
    start = first.strftime("%Y-%m") if first else (known[0] if known else today.strftime("%Y-%m"))
    end = last.strftime("%Y-%m") if last else (known[1] if known else today.strftime("%Y-%m"))
    return Period(start, max(start, end))


def area_ids(kb: KnowledgeBase) -> list[str]:
    """Every area of the knowledge base, and '' for an unknown postcode."""
    return [a.id for a in kb.municipality.areas] + [""]


def area_name(kb: KnowledgeBase, voice: Voice, area_id: str) -> str:
    if area_id == ALL:
        return voice.plain("insight.report.whole", municipality=kb.municipality.name)
    area = kb.area(area_id)
    return area.name if area else voice.plain("insight.report.unknown_area")


def slug(area_id: str) -> str:
    return {ALL: "gemeente", "": UNKNOWN_SLUG}.get(area_id, area_id)


@dataclass
class Insight:
    """The safe tables of one period."""

    period: Period
    areas: list[str]
    grid: Grid
    pairs: Pairs


def build(figures: list[Figure], kb: KnowledgeBase, period: Period, minimum: int) -> Insight:
    areas, months = area_ids(kb), period.months()
    return Insight(period, areas, monthly(figures, areas, months, minimum), pairs(figures, areas, months, minimum))


def monthly_csv(insight: Insight) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["area", "month", *MEASURES, *SHARES, "median_working_hours_to_accept"])
    for area in [*insight.areas, ALL]:
        for month in [*insight.period.months(), ALL]:
            grid = insight.grid
            writer.writerow([slug(area), "all" if month == ALL else month,
                             *(grid.show(area, month, m) for m in MEASURES),
                             *(grid.share(area, month, s) for s in SHARES), grid.median_hours(area, month)])
    return out.getvalue()


def pairs_csv(insight: Insight) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["area", "domain_a", "domain_b", "residents"])
    for area in [*insight.areas, ALL]:
        for a, b in PAIRS:
            writer.writerow([slug(area), a, b, insight.pairs.show(area, a, b)])
    return out.getvalue()


def heatmap(insight: Insight, area: str, labels: dict[str, str], title: str, note: str) -> bytes:
    """A lower-triangle heatmap of domains that come together; suppressed cells grey with '<N'."""
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np
    from matplotlib import pyplot as plt

    n = len(DOMAIN_IDS)
    data = np.full((n, n), np.nan)
    for i, a in enumerate(DOMAIN_IDS):
        for j, b in enumerate(DOMAIN_IDS[: i + 1]):
            value = insight.pairs.count(area, a, b)
            if value is not None:
                data[i, j] = value
    figure, axes = plt.subplots(figsize=(10.5, 9), dpi=110)
    try:
        axes.set_facecolor("white")
        shown = np.ma.masked_invalid(data)
        top = max(1.0, float(np.nanmax(data)) if np.isfinite(data).any() else 1.0)
        image = axes.imshow(shown, cmap="YlOrRd", vmin=0, vmax=top)
        for i in range(n):
            for j in range(i + 1):
                value = data[i, j]
                if np.isnan(value):
                    axes.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, color="#d9d9d9"))
                    axes.text(j, i, f"<{insight.pairs.minimum}", ha="center", va="center", fontsize=8, color="#555555")
                else:
                    dark = value > top * 0.6
                    axes.text(j, i, f"{int(value)}", ha="center", va="center", fontsize=9,
                              fontweight="bold" if i == j else "normal", color="white" if dark else "black")
        names = [labels[d] for d in DOMAIN_IDS]
        axes.set_xticks(range(n), names, rotation=40, ha="right", fontsize=9)
        axes.set_yticks(range(n), names, fontsize=9)
        axes.set_xlim(-0.5, n - 0.5)
        axes.set_ylim(n - 0.5, -0.5)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.set_title(title, fontsize=13, pad=12)
        bar = figure.colorbar(image, ax=axes, shrink=0.7)
        bar.set_label(note, fontsize=9)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)


def top_pairs(insight: Insight, area: str, count: int = 3) -> list[tuple[str, str, int]]:
    found = [(a, b, v) for a, b in PAIRS if a != b and (v := insight.pairs.count(area, a, b))]
    return sorted(found, key=lambda item: -item[2])[:count]


def write(insight: Insight, kb: KnowledgeBase, voice: Voice, out: Path, made: datetime) -> list[Path]:
    """Write every file into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    labels = {d: voice.domain(d) for d in DOMAIN_IDS}
    period, minimum = insight.period, insight.grid.minimum
    written: list[Path] = []

    def put(name: str, content: str | bytes) -> None:
        path = out / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)

    put("cijfers-per-wijk-en-maand.csv", monthly_csv(insight))
    put("leefgebieden-samen.csv", pairs_csv(insight))
    pictures = []
    for area in [ALL, *insight.areas]:
        if area == "" and not any(insight.pairs.values.get(("", f"{d}+{d}"), 0) for d in DOMAIN_IDS):
            continue  # nobody without a known area: no picture for it
        name = f"heatmap-{slug(area)}.png"
        title = voice.plain("insight.report.chart_title", area=area_name(kb, voice, area), first=period.first,
                            last=period.last)
        put(name, heatmap(insight, area, labels, title, voice.plain("insight.report.chart_note", minimum=minimum)))
        pictures.append((area, name))
    put("samenvatting.md", summary(insight, kb, voice, pictures, made))
    return written


def summary(insight: Insight, kb: KnowledgeBase, voice: Voice, pictures: list[tuple[str, str]],
            made: datetime) -> str:
    grid, period, minimum = insight.grid, insight.period, insight.grid.minimum
    plain = voice.plain
    lines = [f"# {plain('insight.report.title', municipality=kb.municipality.name)}", "",
             plain("insight.report.period", first=period.first, last=period.last, made=made.strftime("%Y-%m-%d")), "",
             plain("insight.report.privacy", minimum=minimum), "",
             f"## {plain('insight.report.totals_title')}", "", _totals(grid, ALL, voice), ""]
    lines += [f"## {plain('insight.report.heatmap_title')}", "", plain("insight.report.heatmap_text", minimum=minimum),
              ""]
    for area, name in pictures:
        lines += [f"### {area_name(kb, voice, area)}", "", f"![{area_name(kb, voice, area)}]({name})", ""]
        top = top_pairs(insight, area)
        if top:
            lines.append(plain("insight.report.top_pairs"))
            lines += [plain("insight.report.top_pair_line", first=voice.domain(a), second=voice.domain(b).lower(),
                            count=v) for a, b, v in top]
            lines.append("")
        if area != ALL:
            lines += [_totals(grid, area, voice), ""]
    lines += [plain("insight.report.files", files="cijfers-per-wijk-en-maand.csv, leefgebieden-samen.csv"), ""]
    return "\n".join(lines)


def _totals(grid: Grid, area: str, voice: Voice) -> str:
    return voice.plain(
        "insight.report.totals", finished=grid.show(area, ALL, "finished"), handoffs=grid.show(area, ALL, "handoffs"),
        urgent=grid.share(area, ALL, "urgent_share"), median=grid.median_hours(area, ALL),
        escalated=grid.share(area, ALL, "escalated_share"), passed=grid.share(area, ALL, "passed_on_share"),
        yes=grid.show(area, ALL, "followup_yes"), no=grid.show(area, ALL, "followup_no"),
        none=grid.show(area, ALL, "followup_none"))
