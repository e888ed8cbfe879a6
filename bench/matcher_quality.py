"""Matcher quality on every evaluation set in tests/eval/ (the tuning sets and the sets never used for tuning).

Run:  .venv/bin/python bench/matcher_quality.py [--misses]

--misses lists the misses of the tuning sets only (those in TRAINED_ON of tools/train_second_opinions.py, which the
second opinions learn from): the other sets (heldout, and the newest blind sets) stay unseen, so they keep measuring
what to expect on new text.
--concepts prints every set again with the concepts alone (no second opinion), to see what each contributes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.evaluation import evaluate  # noqa: E402
from knowledge.loader import SAMPLE, load_knowledge  # noqa: E402
from knowledge.matcher import Matcher  # noqa: E402
from tools.train_second_opinions import TRAINED_ON  # noqa: E402

EVAL = ROOT / "tests" / "eval"
TUNING = EVAL / "sentences.yaml"
# fresh … fresh35 were written blind and measured untouched first; since issue 9 (fresh4: its fifth round;
# fresh5-7: its sixth, fresh8-12: its seventh, fresh13-16: its eighth, fresh17-20: its ninth, fresh21-23: its
# tenth, fresh24-26: its eleventh, fresh27-29: its twelfth, fresh30-32: its thirteenth, fresh33-35: its fourteenth,
# fresh36-45: its fifteenth, fresh46-55: its sixteenth, fresh56-60: its seventeenth, as training data of the
# second opinions) they are tuned on. The trainer's list is the
# one list of them.
TUNED = frozenset(TRAINED_ON)
TUNED_BY_HAND = {"sentences", "fresh", "fresh2", "fresh3", "fresh4"}  # tuned on before the second opinions existed


def name(stem: str) -> str:
    """How a set is named in the figures: what it has been used for."""
    if stem == "sentences":
        return "tuning"
    if stem == "heldout":
        return "held-out"
    if stem in TUNED:
        return f"{stem}, {'tuned on' if stem in TUNED_BY_HAND else 'trained on'}"
    return f"{stem}, written blind, never tuned on (nobody has read its misses)"


def sets() -> list[tuple[str, Path]]:
    """The first tuning set first, then every other set in tests/eval/."""
    others = sorted((p for p in EVAL.glob("*.yaml") if p != TUNING),  # fresh2 before fresh10
                    key=lambda p: (p.stem.rstrip("0123456789"), int(p.stem[len(p.stem.rstrip("0123456789")):] or 1)))
    return [(f"{name(p.stem)} (tests/eval/{p.name})", p) for p in [TUNING, *others] if p.exists()]


def main() -> None:
    """Print the figures of every set, and the tuning set's misses with --misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="also list every miss of the tuning sets")
    parser.add_argument("--concepts", action="store_true", help="also every set with the concepts alone")
    args = parser.parse_args()
    kb = load_knowledge(SAMPLE)
    runs = [("", Matcher(kb))] + ([(" [concepts alone]", Matcher(kb, second_opinion=False))] if args.concepts else [])
    for (suffix, matcher), (label, path) in ((run, s) for run in runs for s in sets()):
        label += suffix
        figures = evaluate(matcher, yaml.safe_load(path.read_text(encoding="utf-8")))
        kinds = ", ".join(f"{kind} {found}/{total}" for kind, (found, total) in figures["crisis_by_kind"].items())
        print(f"{label}: {figures['sentences']} sentences | top-1 {figures['top1']:.3f} | "
              f"top-3 recall {figures['top3_recall']:.3f} | services follow story "
              f"{figures['services_follow_story']:.3f} | crisis recall {figures['crisis_recall']:.3f} ({kinds}) | "
              f"missed crisis {len(figures['missed_crisis'])} | false crisis {figures['false_crisis_rate']:.1%}")
        if args.misses and path.stem in TUNED and not suffix:
            for key in ("missed_crisis", "false_crisis", "wrong_kind", "misses"):
                for line in figures[key]:
                    print(f"    {key}: {line}")


if __name__ == "__main__":
    main()
