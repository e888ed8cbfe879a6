"""Matcher quality on the tuning set and on the held-out set (never used for tuning).

Run:  .venv/bin/python bench/matcher_quality.py [--misses]
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

SETS = {"tuning (tests/eval/sentences.yaml)": ROOT / "tests" / "eval" / "sentences.yaml",
        "held-out (tests/eval/heldout.yaml)": ROOT / "tests" / "eval" / "heldout.yaml"}


def main() -> None:
    """Print one line of figures per set, and the misses with --misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="also list every miss")
    args = parser.parse_args()
    matcher = Matcher(load_knowledge(SAMPLE))
    for label, path in SETS.items():
        figures = evaluate(matcher, yaml.safe_load(path.read_text(encoding="utf-8")))
        print(f"{label}: {figures['sentences']} sentences | top-1 {figures['top1']:.3f} | "
              f"top-3 recall {figures['top3_recall']:.3f} | missed crisis {len(figures['missed_crisis'])} | "
              f"false crisis {figures['false_crisis_rate']:.1%}")
        if args.misses:
            for key in ("missed_crisis", "false_crisis", "wrong_kind", "misses"):
                for line in figures[key]:
                    print(f"    {key}: {line}")


if __name__ == "__main__":
    main()
