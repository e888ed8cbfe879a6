"""Measuring the matcher on sentences with known answers: the figures and every miss."""

from __future__ import annotations

from typing import Any

from knowledge.matcher import Matcher


def evaluate(matcher: Matcher, cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures and misses over the evaluation set.

    services_follow_story: share of sentences with an expected domain whose first offered
    service serves the first expected domain. crisis_by_kind: kind -> (found, total).
    """
    top1_right = top1_total = recall_found = recall_total = 0
    missed_crisis, false_crisis, wrong_kind, misses = [], [], [], []
    non_crisis = 0
    service_right = service_total = 0
    crisis_by_kind: dict[str, list[int]] = {}  # kind -> [found, total]
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
            service_total += 1
            first = result.services[0].service if result.services else None
            if first is not None and expected[0] in first.domains:
                service_right += 1
            else:
                misses.append(f"first service {first.id if first else None} does not serve {expected[0]}: "
                              f"{case['text']}")
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
            tally = crisis_by_kind.setdefault(case["crisis"], [0, 0])
            tally[1] += 1
            tally[0] += int(result.crisis.is_crisis)
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
        "services_follow_story": service_right / max(service_total, 1),
        "crisis_recall": sum(f for f, _ in crisis_by_kind.values())
        / max(sum(t for _, t in crisis_by_kind.values()), 1),
        "crisis_by_kind": {kind: (f, t) for kind, (f, t) in sorted(crisis_by_kind.items())},
        "missed_crisis": missed_crisis,
        "false_crisis_rate": len(false_crisis) / max(non_crisis, 1),
        "false_crisis": false_crisis,
        "wrong_kind": wrong_kind,
        "misses": misses,
    }
