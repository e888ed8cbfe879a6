"""The evaluation set: how well the matcher understands residents, with figures and misses printed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.evaluation import evaluate
from knowledge.loader import SAMPLE, load_knowledge
from knowledge.matcher import Matcher

SENTENCES = Path(__file__).resolve().parent / "eval" / "sentences.yaml"

TOP1_MIN = 0.90
TOP3_RECALL_MIN = 0.90
SERVICES_FOLLOW_STORY_MIN = 0.90
FALSE_CRISIS_MAX = 0.03


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_knowledge(SAMPLE))


def test_the_evaluation_set_is_large_and_varied() -> None:
    cases = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    assert len(cases) >= 250
    assert {c["lang"] for c in cases} == {"nl", "en"}
    assert sum(1 for c in cases if c["crisis"]) >= 40
    assert sum(1 for c in cases if not c["domains"]) >= 20


def test_matcher_meets_the_evaluation_thresholds(matcher: Matcher) -> None:
    cases = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    figures = evaluate(matcher, cases)
    print(
        f"\n{figures['sentences']} sentences: top-1 {figures['top1']:.3f}, "
        f"top-3 recall {figures['top3_recall']:.3f}, services follow story {figures['services_follow_story']:.3f}, "
        f"missed crisis {len(figures['missed_crisis'])}, "
        f"false crisis {figures['false_crisis_rate']:.3%}, crisis of another kind {len(figures['wrong_kind'])}"
    )
    for label in ("missed_crisis", "false_crisis", "wrong_kind", "misses"):
        for line in figures[label]:
            print(f"  {label}: {line}")
    assert figures["missed_crisis"] == [], "a missed crisis is the worst error"
    assert figures["false_crisis_rate"] <= FALSE_CRISIS_MAX
    assert figures["top1"] >= TOP1_MIN
    assert figures["top3_recall"] >= TOP3_RECALL_MIN
    assert figures["services_follow_story"] >= SERVICES_FOLLOW_STORY_MIN


# fresh.yaml and fresh2.yaml were written blind and first measured untouched; since issue 9's third
# round they are tuning sets too, fresh3.yaml since the fourth and fresh4.yaml since the fifth. Their
# floors sit a little under what the matcher reaches (README, "How well and how fast it understands"),
# so a change that loses ground fails here.
TUNED_SETS = {
    # set: (top-1, top-3 recall, services follow story)   reached: fresh 0.929/0.935/0.953, fresh2 0.952/0.917/0.946
    "fresh.yaml": (0.91, 0.91, 0.93),
    "fresh2.yaml": (0.93, 0.90, 0.92),
    # fresh3: tuned on since issue 9's fourth round (untouched 0.875/0.839/0.839, reached 0.962/0.911/0.948)
    "fresh3.yaml": (0.94, 0.89, 0.93),
    # fresh4: tuned on since issue 9's fifth round (untouched 0.860/0.758/0.764, reached 0.919/0.809/0.837)
    "fresh4.yaml": (0.90, 0.79, 0.82),
}


@pytest.mark.parametrize("name", sorted(TUNED_SETS))
def test_matcher_holds_its_ground_on_the_fresh_tuning_sets(matcher: Matcher, name: str) -> None:
    cases = yaml.safe_load((SENTENCES.parent / name).read_text(encoding="utf-8"))
    figures = evaluate(matcher, cases)
    top1, top3, services = TUNED_SETS[name]
    print(f"\n{name}: top-1 {figures['top1']:.3f}, top-3 recall {figures['top3_recall']:.3f}, "
          f"services follow story {figures['services_follow_story']:.3f}, "
          f"crisis recall {figures['crisis_recall']:.3f}, false crisis {figures['false_crisis_rate']:.3%}")
    for line in figures["missed_crisis"] + figures["false_crisis"]:
        print(f"  {line}")
    assert figures["missed_crisis"] == [], "a missed crisis is the worst error"
    assert figures["false_crisis_rate"] <= FALSE_CRISIS_MAX
    assert figures["top1"] >= top1
    assert figures["top3_recall"] >= top3
    assert figures["services_follow_story"] >= services


# Written blind, then training data of the second opinions (issue 9's sixth to seventeenth rounds); their crisis
# floors are in tests/test_crisis_eval.py. Floors a little under what the domain side reaches on them.
SECOND_OPINION_SETS = {
    "fresh5.yaml": (0.93, 0.94, 0.89),  # reached 0.951/0.964/0.913
    "fresh6.yaml": (0.93, 0.87, 0.90),  # reached 0.950/0.891/0.916
    "fresh7.yaml": (0.94, 0.84, 0.92),  # reached 0.958/0.863/0.942
    "fresh8.yaml": (0.94, 0.85, 0.90),  # reached 0.963/0.866/0.919
    "fresh9.yaml": (0.95, 0.84, 0.92),  # reached 0.972/0.856/0.944
    "fresh10.yaml": (0.94, 0.90, 0.92),  # reached 0.961/0.920/0.943
    "fresh11.yaml": (0.93, 0.86, 0.90),  # reached 0.947/0.883/0.920
    "fresh12.yaml": (0.93, 0.84, 0.90),  # reached 0.953/0.862/0.919
    "fresh13.yaml": (0.94, 0.89, 0.91),  # reached 0.961/0.907/0.929
    "fresh14.yaml": (0.93, 0.87, 0.92),  # reached 0.953/0.889/0.944
    "fresh15.yaml": (0.91, 0.88, 0.90),  # reached 0.928/0.904/0.920
    "fresh16.yaml": (0.91, 0.87, 0.91),  # reached 0.931/0.887/0.926
    "fresh17.yaml": (0.93, 0.89, 0.91),  # reached 0.953/0.910/0.930
    "fresh18.yaml": (0.94, 0.90, 0.91),  # reached 0.961/0.916/0.927
    "fresh19.yaml": (0.91, 0.86, 0.92),  # reached 0.933/0.878/0.941
    "fresh20.yaml": (0.92, 0.87, 0.92),  # reached 0.942/0.890/0.936
    "fresh21.yaml": (0.94, 0.89, 0.92),  # reached 0.956/0.912/0.940
    "fresh22.yaml": (0.92, 0.86, 0.90),  # reached 0.942/0.880/0.921
    "fresh23.yaml": (0.90, 0.83, 0.88),  # reached 0.922/0.851/0.899
    "fresh24.yaml": (0.93, 0.87, 0.93),  # reached 0.953/0.890/0.955
    "fresh25.yaml": (0.91, 0.82, 0.90),  # reached 0.925/0.839/0.915
    "fresh26.yaml": (0.89, 0.83, 0.88),  # reached 0.908/0.849/0.901
    "fresh27.yaml": (0.91, 0.80, 0.87),  # reached 0.933/0.823/0.888
    "fresh28.yaml": (0.91, 0.88, 0.90),  # reached 0.925/0.896/0.924
    "fresh29.yaml": (0.93, 0.88, 0.93),  # reached 0.950/0.902/0.946
    "fresh30.yaml": (0.92, 0.86, 0.90),  # reached 0.944/0.881/0.924
    "fresh31.yaml": (0.92, 0.89, 0.91),  # reached 0.944/0.909/0.926
    "fresh32.yaml": (0.94, 0.84, 0.92),  # reached 0.964/0.865/0.941
    "fresh33.yaml": (0.94, 0.83, 0.89),  # reached 0.961/0.854/0.910
    "fresh34.yaml": (0.95, 0.84, 0.89),  # reached 0.969/0.856/0.911
    "fresh35.yaml": (0.92, 0.82, 0.89),  # reached 0.944/0.838/0.910
    "fresh36.yaml": (0.95, 0.82, 0.90),  # reached 0.969/0.838/0.919
    "fresh37.yaml": (0.95, 0.80, 0.90),  # reached 0.972/0.823/0.919
    "fresh38.yaml": (0.94, 0.83, 0.90),  # reached 0.958/0.845/0.917
    "fresh39.yaml": (0.94, 0.82, 0.89),  # reached 0.956/0.840/0.914
    "fresh40.yaml": (0.92, 0.82, 0.89),  # reached 0.944/0.836/0.906
    "fresh41.yaml": (0.94, 0.83, 0.87),  # reached 0.958/0.851/0.892
    "fresh42.yaml": (0.94, 0.84, 0.88),  # reached 0.961/0.858/0.903
    "fresh43.yaml": (0.92, 0.83, 0.87),  # reached 0.944/0.850/0.889
    "fresh44.yaml": (0.92, 0.85, 0.87),  # reached 0.936/0.865/0.894
    "fresh45.yaml": (0.93, 0.83, 0.86),  # reached 0.953/0.850/0.881
    "fresh46.yaml": (0.94, 0.83, 0.88),  # reached 0.956/0.846/0.897
    "fresh47.yaml": (0.93, 0.83, 0.88),  # reached 0.953/0.854/0.903
    "fresh48.yaml": (0.95, 0.85, 0.91),  # reached 0.969/0.873/0.931
    "fresh49.yaml": (0.92, 0.84, 0.87),  # reached 0.942/0.863/0.894
    "fresh50.yaml": (0.95, 0.85, 0.91),  # reached 0.969/0.872/0.925
    "fresh51.yaml": (0.93, 0.82, 0.84),  # reached 0.947/0.845/0.864
    "fresh52.yaml": (0.89, 0.86, 0.86),  # reached 0.906/0.876/0.875
    "fresh53.yaml": (0.92, 0.83, 0.85),  # reached 0.939/0.855/0.867
    "fresh54.yaml": (0.92, 0.83, 0.87),  # reached 0.944/0.855/0.886
    "fresh55.yaml": (0.93, 0.81, 0.89),  # reached 0.953/0.829/0.914
    "fresh56.yaml": (0.93, 0.79, 0.87),  # reached 0.953/0.810/0.894
    "fresh57.yaml": (0.90, 0.82, 0.87),  # reached 0.922/0.842/0.894
    "fresh58.yaml": (0.90, 0.82, 0.85),  # reached 0.922/0.844/0.867
    "fresh59.yaml": (0.93, 0.85, 0.88),  # reached 0.947/0.870/0.900
    "fresh60.yaml": (0.92, 0.82, 0.89),  # reached 0.936/0.845/0.908
}


@pytest.mark.parametrize("name", sorted(SECOND_OPINION_SETS))
def test_matcher_holds_its_domains_on_the_second_opinions_sets(matcher: Matcher, name: str) -> None:
    figures = evaluate(matcher, yaml.safe_load((SENTENCES.parent / name).read_text(encoding="utf-8")))
    top1, top3, services = SECOND_OPINION_SETS[name]
    print(f"\n{name}: top-1 {figures['top1']:.3f}, top-3 recall {figures['top3_recall']:.3f}, "
          f"services follow story {figures['services_follow_story']:.3f}")
    assert figures["top1"] >= top1
    assert figures["top3_recall"] >= top3
    assert figures["services_follow_story"] >= services
