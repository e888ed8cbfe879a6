"""CI guard: the crisis figures on the tuning set may not drop below the product's thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.crisis.figures import crisis_figures, line
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase

SENTENCES = Path(__file__).resolve().parent / "eval" / "sentences.yaml"
# Tuning sets since issue 9's third round (written blind, first measured untouched); fresh3.yaml
# since the fourth round (untouched it read crisis recall 0.793 and 4.8% false alarms); fresh4.yaml since
# the fifth (untouched 0.671 and 2.3%, reached 1.000 and 0.9%).
FRESH = [Path(__file__).resolve().parent / "eval" / name
         for name in ("fresh.yaml", "fresh2.yaml", "fresh3.yaml", "fresh4.yaml")]
RECALL_MIN = 0.95
FALSE_MAX = 0.03


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    """One matcher for every set: building one (models, dictionaries) costs more than reading a set."""
    return Matcher(sample_kb)


@pytest.fixture(scope="module")
def figures(matcher: Matcher) -> dict:
    cases = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    result = crisis_figures(matcher, cases)
    print("\n" + line("tuning set", result))
    return result


def test_crisis_recall_overall_and_per_kind(figures: dict) -> None:
    assert figures["recall"] >= RECALL_MIN
    for kind, (found, total) in figures["per_kind"].items():
        assert total and found / total >= RECALL_MIN, kind


def test_false_crisis_rate(figures: dict) -> None:
    assert figures["false_rate"] <= FALSE_MAX


def test_the_gentle_question_is_rare_on_everyday_sentences(figures: dict) -> None:
    assert figures["hint_rate"] <= 0.03


@pytest.mark.parametrize("path", FRESH, ids=lambda p: p.name)
def test_crisis_thresholds_hold_on_the_fresh_tuning_sets(matcher: Matcher, path: Path) -> None:
    result = crisis_figures(matcher, yaml.safe_load(path.read_text(encoding="utf-8")))
    print("\n" + line(path.name, result))
    assert result["recall"] >= RECALL_MIN
    for kind, (found, total) in result["per_kind"].items():
        assert total and found / total >= RECALL_MIN, kind
    assert result["false_rate"] <= FALSE_MAX
    assert result["hint_rate"] <= 0.03


# Written blind, measured untouched, then training data of the second opinion (issue 9's sixth round: fresh5-7;
# seventh: fresh8 … fresh12; eighth: fresh13 … fresh16; ninth: fresh17 … fresh20; tenth: fresh21 … fresh23;
# eleventh: fresh24 … fresh26; twelfth: fresh27 … fresh29; thirteenth: fresh30 … fresh32; fourteenth: fresh33 …
# fresh35; fifteenth: fresh36 … fresh45; sixteenth: fresh46 … fresh55; seventeenth: fresh56 … fresh60; the README and
# docs/understanding-history.md give their untouched figures).
# Floors a little under what the engine reaches on them: set: (crisis recall overall, per kind, false alarms at most,
# gentle question at most). Reached in the seventeenth round, with the models trained on 29,060 sentences:
TRAINED = {
    "fresh5.yaml": (0.97, 0.95, 0.016, 0.021),  # reached 1.000, every kind, 1.0%, 1.5%
    "fresh6.yaml": (0.97, 0.95, 0.01, 0.024),  # reached 0.992, weakest kind 30/31, 0.5%, 1.9%
    "fresh7.yaml": (0.97, 0.95, 0.015, 0.034),  # reached 1.000, every kind, 0.9%, 2.8%
    "fresh8.yaml": (0.97, 0.95, 0.015, 0.049),  # reached 0.992, weakest kind 29/30, 1.0%, 4.4%
    "fresh9.yaml": (0.97, 0.95, 0.01, 0.07),  # reached 1.000, every kind, 0.5%, 6.5%
    "fresh10.yaml": (0.97, 0.95, 0.015, 0.031),  # reached 1.000, every kind, 1.0%, 2.5%
    "fresh11.yaml": (0.97, 0.95, 0.005, 0.05),  # reached 1.000, every kind, 0.0%, 4.5%
    "fresh12.yaml": (0.97, 0.95, 0.005, 0.045),  # reached 0.994, weakest kind 39/40, 0.0%, 4.0%
    "fresh13.yaml": (0.97, 0.95, 0.005, 0.025),  # reached 1.000, every kind, 0.0%, 2.0%
    "fresh14.yaml": (0.97, 0.95, 0.015, 0.106),  # reached 0.994, weakest kind 39/40, 1.0%, 10.0%
    "fresh15.yaml": (0.97, 0.95, 0.005, 0.08),  # reached 1.000, every kind, 0.0%, 7.5%
    "fresh16.yaml": (0.97, 0.95, 0.02, 0.06),  # reached 1.000, every kind, 1.5%, 5.5%
    "fresh17.yaml": (0.97, 0.95, 0.015, 0.05),  # reached 0.994, weakest kind 39/40, 1.0%, 4.5%
    "fresh18.yaml": (0.97, 0.95, 0.01, 0.06),  # reached 1.000, every kind, 0.5%, 5.5%
    "fresh19.yaml": (0.97, 0.95, 0.005, 0.085),  # reached 1.000, every kind, 0.0%, 8.0%
    "fresh20.yaml": (0.97, 0.95, 0.005, 0.091),  # reached 1.000, every kind, 0.0%, 8.5%
    "fresh21.yaml": (0.97, 0.95, 0.02, 0.076),  # reached 1.000, every kind, 1.5%, 7.0%
    "fresh22.yaml": (0.97, 0.93, 0.005, 0.05),  # reached 0.988, weakest kind 38/40, 0.0%, 4.5%
    "fresh23.yaml": (0.97, 0.95, 0.01, 0.06),  # reached 1.000, every kind, 0.5%, 5.5%
    "fresh24.yaml": (0.97, 0.95, 0.005, 0.07),  # reached 1.000, every kind, 0.0%, 6.5%
    "fresh25.yaml": (0.97, 0.95, 0.01, 0.06),  # reached 0.994, weakest kind 39/40, 0.5%, 5.5%
    "fresh26.yaml": (0.97, 0.95, 0.031, 0.1),  # reached 1.000, every kind, 2.5%, 9.5%
    "fresh27.yaml": (0.97, 0.95, 0.01, 0.06),  # reached 1.000, every kind, 0.5%, 5.5%
    "fresh28.yaml": (0.97, 0.95, 0.031, 0.045),  # reached 1.000, every kind, 2.5%, 4.0%
    "fresh29.yaml": (0.97, 0.95, 0.015, 0.05),  # reached 1.000, every kind, 1.0%, 4.5%
    "fresh30.yaml": (0.97, 0.95, 0.01, 0.06),  # reached 0.994, weakest kind 39/40, 0.5%, 5.5%
    "fresh31.yaml": (0.97, 0.95, 0.02, 0.091),  # reached 1.000, every kind, 1.5%, 8.5%
    "fresh32.yaml": (0.97, 0.95, 0.015, 0.045),  # reached 1.000, every kind, 1.0%, 4.0%
    "fresh33.yaml": (0.97, 0.95, 0.02, 0.04),  # reached 0.994, weakest kind 39/40, 1.5%, 3.5%
    "fresh34.yaml": (0.97, 0.95, 0.015, 0.095),  # reached 0.994, weakest kind 39/40, 1.0%, 9.0%
    "fresh35.yaml": (0.97, 0.95, 0.01, 0.085),  # reached 1.000, every kind, 0.5%, 8.0%
    "fresh36.yaml": (0.97, 0.95, 0.02, 0.135),  # reached 1.000, every kind, 1.5%, 13.0%
    "fresh37.yaml": (0.97, 0.95, 0.02, 0.085),  # reached 0.994, weakest kind 39/40, 1.5%, 8.0%
    "fresh38.yaml": (0.97, 0.95, 0.045, 0.121),  # reached 1.000, every kind, 4.0%, 11.5%
    "fresh39.yaml": (0.97, 0.95, 0.02, 0.115),  # reached 1.000, every kind, 1.5%, 11.0%
    "fresh40.yaml": (0.97, 0.95, 0.005, 0.121),  # reached 0.994, weakest kind 39/40, 0.0%, 11.5%
    "fresh41.yaml": (0.97, 0.95, 0.015, 0.121),  # reached 0.994, weakest kind 39/40, 1.0%, 11.5%
    "fresh42.yaml": (0.97, 0.95, 0.02, 0.115),  # reached 0.994, weakest kind 39/40, 1.5%, 11.0%
    "fresh43.yaml": (0.97, 0.95, 0.031, 0.125),  # reached 1.000, every kind, 2.5%, 12.0%
    "fresh44.yaml": (0.97, 0.95, 0.015, 0.095),  # reached 1.000, every kind, 1.0%, 9.0%
    "fresh45.yaml": (0.97, 0.95, 0.015, 0.125),  # reached 0.994, weakest kind 39/40, 1.0%, 12.0%
    "fresh46.yaml": (0.97, 0.95, 0.025, 0.13),  # reached 1.000, every kind, 2.0%, 12.5%
    "fresh47.yaml": (0.97, 0.93, 0.01, 0.11),  # reached 0.988, weakest kind 38/40, 0.5%, 10.5%
    "fresh48.yaml": (0.97, 0.95, 0.025, 0.14),  # reached 1.000, every kind, 2.0%, 13.5%
    "fresh49.yaml": (0.97, 0.95, 0.025, 0.13),  # reached 1.000, every kind, 2.0%, 12.5%
    "fresh50.yaml": (0.97, 0.95, 0.025, 0.091),  # reached 1.000, every kind, 2.0%, 8.5%
    "fresh51.yaml": (0.97, 0.95, 0.025, 0.16),  # reached 0.994, weakest kind 39/40, 2.0%, 15.5%
    "fresh52.yaml": (0.97, 0.95, 0.02, 0.1),  # reached 1.000, every kind, 1.5%, 9.5%
    "fresh53.yaml": (0.97, 0.95, 0.031, 0.18),  # reached 1.000, every kind, 2.5%, 17.5%
    "fresh54.yaml": (0.97, 0.95, 0.02, 0.13),  # reached 1.000, every kind, 1.5%, 12.5%
    "fresh55.yaml": (0.97, 0.95, 0.031, 0.115),  # reached 0.994, weakest kind 39/40, 2.5%, 11.0%
    "fresh56.yaml": (0.97, 0.95, 0.031, 0.16),  # reached 1.000, every kind, 2.5%, 15.5%
    "fresh57.yaml": (0.97, 0.95, 0.04, 0.13),  # reached 0.994, weakest kind 39/40, 3.5%, 12.5%
    "fresh58.yaml": (0.97, 0.95, 0.02, 0.135),  # reached 1.000, every kind, 1.5%, 13.0%
    "fresh59.yaml": (0.97, 0.95, 0.035, 0.176),  # reached 0.988, weakest kind 39/40, 3.0%, 17.0%
    "fresh60.yaml": (0.96, 0.93, 0.02, 0.106),  # reached 0.981, weakest kind 38/40, 1.5%, 10.0%
}


@pytest.mark.parametrize("name", sorted(TRAINED))
def test_crisis_floors_on_the_second_opinions_training_sets(matcher: Matcher, name: str) -> None:
    overall, per_kind, false_max, hint_max = TRAINED[name]
    path = SENTENCES.parent / name
    result = crisis_figures(matcher, yaml.safe_load(path.read_text(encoding="utf-8")))
    print("\n" + line(name, result))
    assert result["recall"] >= overall
    for kind, (found, total) in result["per_kind"].items():
        assert total and found / total >= per_kind, kind
    assert result["false_rate"] <= false_max
    assert result["hint_rate"] <= hint_max
