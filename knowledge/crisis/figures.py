"""Crisis figures on an evaluation set: recall per kind of danger and the false-alarm rate.

Run:  .venv/bin/python -m knowledge.crisis.figures tests/eval/sentences.yaml [more sets]

Only figures are printed, never the sentences, so a held-out set can be measured without
being looked at.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from knowledge.domains import CRISIS_KINDS


def crisis_figures(matcher: Any, cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall overall and per kind (a crisis of another kind counts as found), false-alarm rate."""
    total = {kind: 0 for kind in CRISIS_KINDS}
    found = {kind: 0 for kind in CRISIS_KINDS}
    same_kind = 0
    everyday = false = hints = 0
    for case in cases:
        crisis = matcher.match(case["text"]).crisis
        kind = case.get("crisis")
        if kind:
            total[kind] += 1
            found[kind] += crisis.is_crisis
            same_kind += kind in crisis.kinds
        else:
            everyday += 1
            false += crisis.is_crisis
            hints += crisis.hint
    dangers = sum(total.values())
    return {
        "sentences": len(cases),
        "crisis_sentences": dangers,
        "recall": sum(found.values()) / max(dangers, 1),
        "recall_same_kind": same_kind / max(dangers, 1),
        "per_kind": {kind: (found[kind], total[kind]) for kind in CRISIS_KINDS},
        "false_rate": false / max(everyday, 1),
        "hint_rate": hints / max(everyday, 1),
    }


def line(name: str, figures: dict[str, Any]) -> str:
    kinds = ", ".join(f"{kind} {a}/{b}" for kind, (a, b) in figures["per_kind"].items())
    return (f"{name}: {figures['sentences']} sentences, {figures['crisis_sentences']} with danger | "
            f"crisis recall {figures['recall']:.3f} (same kind {figures['recall_same_kind']:.3f}) | {kinds} | "
            f"false crisis {figures['false_rate']:.1%} | gentle question on everyday {figures['hint_rate']:.1%}")


def main(paths: list[str]) -> None:
    from knowledge.loader import SAMPLE, load_knowledge
    from knowledge.matcher import Matcher

    matcher = Matcher(load_knowledge(SAMPLE))
    for path in paths:
        cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        print(line(path, crisis_figures(matcher, cases)))


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/eval/sentences.yaml"])
