"""The whole picture: a spider web of the 11 life domains, drawn off-screen with matplotlib."""

from __future__ import annotations

import io
import math
import textwrap

from knowledge.domains import DOMAIN_IDS

COLOURS = {"line": "#1f6f8b", "fill": "#7fc8d9", "concern": "#d1495b", "grid": "#c8c8c8"}


def spider_web(scores: dict[str, int | None], labels: dict[str, str], title: str, unknown_label: str,
               skipped_label: str | None = None) -> bytes:
    """A PNG: each domain's ZRM score 1-5 on its own spoke; spokes without an answer say why."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    count = len(DOMAIN_IDS)
    angles = [2 * math.pi * i / count for i in range(count)]
    values = [scores.get(d) for d in DOMAIN_IDS]
    figure = plt.figure(figsize=(6.4, 6.4), dpi=100)
    try:
        axes = figure.add_subplot(projection="polar")
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        axes.set_ylim(0, 5)
        axes.set_yticks([1, 2, 3, 4, 5])
        axes.set_yticklabels(["1", "2", "3", "4", "5"], color="#888888", fontsize=7)
        axes.set_xticks(angles)
        def label(domain: str) -> str:
            if scores.get(domain) is not None:
                return textwrap.fill(labels[domain], 16)
            why = skipped_label if domain in scores and skipped_label else unknown_label
            return textwrap.fill(labels[domain], 16) + f"\n({why})"

        axes.set_xticklabels([label(d) for d in DOMAIN_IDS], fontsize=8)
        axes.grid(color=COLOURS["grid"])
        known = [(a, v) for a, v in zip(angles, values, strict=True) if v is not None]
        if len(known) >= 2:
            ring = known + known[:1]
            axes.plot([a for a, _ in ring], [v for _, v in ring], color=COLOURS["line"], linewidth=2)
            axes.fill([a for a, _ in ring], [v for _, v in ring], color=COLOURS["fill"], alpha=0.35)
        for angle, value in known:
            colour = COLOURS["concern"] if value <= 3 else COLOURS["line"]
            axes.plot([angle], [value], "o", color=colour, markersize=8)
        axes.set_title(title, fontsize=12, pad=24)
        buffer = io.BytesIO()
        figure.tight_layout()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)
