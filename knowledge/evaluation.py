"""Measuring the matcher on sentences with known answers: the figures and every miss."""

from __future__ import annotations

from typing import Any

from knowledge.matcher import Matcher


def evaluate(matcher: Matcher, cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures and misses over the evaluation set."""
    top1_right = top1_total = recall_found = recall_total = 0
    missed_crisis, false_crisis, wrong_kind, misses = [], [], [], []
    non_crisis = 0
    for case in cases:
        result = matcher.match(case["text"])
        found = result.domain_ids
        expected = case["domains"]
        if expected:
            top1_total += 1
            if found and found[0] in expected:
                top1_right += 1
            else:
                misses.append(f"top-1 {found[:3]} expected {expected}: {case['text']}")
            recall_total += len(expected)
            recall_found += sum(1 for d in expected if d in found[:3])
            missing = [d for d in expected if d not in found[:3]]
            if missing and found and found[0] in expected:
                misses.append(f"top-3 misses {missing} (found {found[:3]}): {case['text']}")
        else:
            top1_total += 1
            if not found:
                top1_right += 1
            else:
                misses.append(f"no domain expected, found {found[:3]}: {case['text']}")
        if case["crisis"]:
            if not result.crisis.is_crisis:
                missed_crisis.append(f"{case['crisis']}: {case['text']}")
            elif case["crisis"] not in result.crisis.kinds:
                wrong_kind.append(f"{case['crisis']} found {result.crisis.kinds}: {case['text']}")
        else:
            non_crisis += 1
            if result.crisis.is_crisis:
                false_crisis.append(f"{result.crisis.kind}: {case['text']}")
    return {
        "sentences": len(cases),
        "top1": top1_right / top1_total,
        "top3_recall": recall_found / recall_total,
        "missed_crisis": missed_crisis,
        "false_crisis_rate": len(false_crisis) / max(non_crisis, 1),
        "false_crisis": false_crisis,
        "wrong_kind": wrong_kind,
        "misses": misses,
    }
