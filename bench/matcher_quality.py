"""Matcher quality on every evaluation set in tests/eval/ (the tuning sets and the sets never used for tuning).

Run:  .venv/bin/python bench/matcher_quality.py [--misses]

--misses lists the misses of the tuning sets only (sentences, fresh … fresh35): the other sets (heldout, fresh36 …
fresh40, and any set written later) stay unseen, so they keep measuring what to expect on new text. fresh5 …
fresh35 are no longer unseen: the second opinions (tools/train_second_opinions.py) learn from them.
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

EVAL = ROOT / "tests" / "eval"
TUNING = EVAL / "sentences.yaml"
# fresh … fresh35 were written blind and measured untouched first; since issue 9 (fresh4: its fifth round;
# fresh5-7: its sixth, fresh8-12: its seventh, fresh13-16: its eighth, fresh17-20: its ninth, fresh21-23: its
# tenth, fresh24-26: its eleventh, fresh27-29: its twelfth, fresh30-32: its thirteenth, fresh33-35: its fourteenth,
# as training data of the second opinions) they are tuned on.
TUNED = {"sentences", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9",
         "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19",
         "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25",
         "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35"}
NAMES = {"sentences": "tuning", "heldout": "held-out", "fresh": "fresh, tuned on",
         "fresh2": "fresh2, tuned on", "fresh3": "fresh3, tuned on", "fresh4": "fresh4, tuned on",
         "fresh5": "fresh5, trained on", "fresh6": "fresh6, trained on", "fresh7": "fresh7, trained on",
         "fresh8": "fresh8, trained on", "fresh9": "fresh9, trained on", "fresh10": "fresh10, trained on",
         "fresh11": "fresh11, trained on", "fresh12": "fresh12, trained on",
         "fresh13": "fresh13, trained on", "fresh14": "fresh14, trained on",
         "fresh15": "fresh15, trained on", "fresh16": "fresh16, trained on",
         "fresh17": "fresh17, trained on", "fresh18": "fresh18, trained on",
         "fresh19": "fresh19, trained on", "fresh20": "fresh20, trained on",
         "fresh21": "fresh21, trained on",
         "fresh22": "fresh22, trained on",
         "fresh23": "fresh23, trained on",
         "fresh24": "fresh24, trained on",
         "fresh25": "fresh25, trained on",
         "fresh26": "fresh26, trained on",
         "fresh27": "fresh27, trained on",
         "fresh28": "fresh28, trained on",
         "fresh29": "fresh29, trained on",
         "fresh30": "fresh30, trained on",
         "fresh31": "fresh31, trained on",
         "fresh32": "fresh32, trained on",
         "fresh33": "fresh33, trained on",
         "fresh34": "fresh34, trained on",
         "fresh35": "fresh35, trained on",
         "fresh36": "fresh36, written blind, never tuned on (nobody has read its misses)",
         "fresh37": "fresh37, written blind, never tuned on (nobody has read its misses)",
         "fresh38": "fresh38, written blind, never tuned on (nobody has read its misses)",
         "fresh39": "fresh39, written blind, never tuned on (nobody has read its misses)",
         "fresh40": "fresh40, written blind, never tuned on (nobody has read its misses)"}


def sets() -> list[tuple[str, Path]]:
    """The first tuning set first, then every other set in tests/eval/."""
    others = sorted((p for p in EVAL.glob("*.yaml") if p != TUNING),  # fresh2 before fresh10
                    key=lambda p: (p.stem.rstrip("0123456789"), int(p.stem[len(p.stem.rstrip("0123456789")):] or 1)))
    return [(f"{NAMES.get(p.stem, p.stem)} (tests/eval/{p.name})", p) for p in [TUNING, *others] if p.exists()]


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
