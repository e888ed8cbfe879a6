"""Matcher speed: latency per sentence (median, p95), load time and memory.

Run:  .venv/bin/python bench/matcher_bench.py [--services 10000] [--rounds 3]

It measures the sample knowledge base and a generated one with N services (written as
YAML to a temporary folder, so loading includes parsing and checking), using the
sentences of the evaluation set as the workload. One process, one core.

On a shared machine other processes stretch single timings; the last figure, the p95 over the sentences of
each sentence's fastest round (CPU time), is what the matcher itself costs (as `timeit` reports its best).
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.dictionary import warm  # noqa: E402
from knowledge.loader import SAMPLE, load_knowledge  # noqa: E402
from knowledge.matcher import Matcher  # noqa: E402

SENTENCES = ROOT / "tests" / "eval" / "sentences.yaml"


def generate(folder: Path, count: int, seed: int = 7) -> Path:
    """A copy of the sample with `count` services made from the sample's own words."""
    rng = random.Random(seed)
    for name in ("municipality.yaml", "teams.yaml", "professionals.yaml", "synonyms.yaml"):
        (folder / name).write_text((SAMPLE / name).read_text(encoding="utf-8"), encoding="utf-8")
    sample = yaml.safe_load((SAMPLE / "services.yaml").read_text(encoding="utf-8"))["services"]
    keywords = sorted({k for s in sample for k in s.get("keywords", [])})
    areas = [a["id"] for a in yaml.safe_load((SAMPLE / "municipality.yaml").read_text())["areas"]]
    services = []
    for number in range(count):
        model = rng.choice(sample)
        services.append({
            "id": f"dienst-{number:05d}",
            "name": f"{model['name']} {number}",
            "description": model["description"],
            "domains": model["domains"],
            "keywords": rng.sample(keywords, 10),
            "areas": "all" if rng.random() < 0.6 else rng.sample(areas, 1),
            "phone": "0412 700 000",
            "checked": "2026-10-01",
        })
    text = yaml.safe_dump({"services": services}, allow_unicode=True, default_flow_style=None, width=100)
    (folder / "services.yaml").write_text(text, encoding="utf-8")
    return folder


def measure(folder: Path, sentences: list[str], rounds: int) -> dict[str, float]:
    """Load time, memory and per-sentence latency for one knowledge base."""
    gc.collect()
    started = time.perf_counter()
    kb = load_knowledge(folder)
    matcher = Matcher(kb)
    load_seconds = time.perf_counter() - started
    del kb, matcher
    gc.collect()
    tracemalloc.start()  # a second load, traced: tracemalloc slows what it watches
    kb = load_knowledge(folder)
    matcher = Matcher(kb)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings, cpu = [], []
    fastest = [float("inf")] * len(sentences)  # per sentence, its fastest round (CPU): what a quiet machine gives
    for _ in range(rounds):
        for number, text in enumerate(sentences):
            start, start_cpu = time.perf_counter(), time.thread_time()
            matcher.match(text, "noord")
            timings.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
            fastest[number] = min(fastest[number], cpu[-1])
    timings.sort()
    cpu.sort()
    fastest.sort()
    return {
        "services": len(kb.services),
        "load_s": load_seconds,
        "memory_mb": current / 1e6,
        "peak_mb": peak / 1e6,
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": timings[int(len(timings) * 0.95) - 1] * 1000,
        "max_ms": timings[-1] * 1000,
        "cpu_median_ms": statistics.median(cpu) * 1000,  # this thread's CPU time: not inflated by other processes
        "cpu_p95_ms": cpu[int(len(cpu) * 0.95) - 1] * 1000,
        "fastest_p95_ms": fastest[int(len(fastest) * 0.95) - 1] * 1000,
        "sentences": len(timings),
    }


def _rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * resource.getpagesize() / 1e6


def main() -> None:
    """Print one line per knowledge base."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sentences = [case["text"] for case in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))]
    print(f"python {sys.version.split()[0]}, {len(sentences)} sentences x {args.rounds} rounds, area noord")
    matcher = Matcher(load_knowledge(SAMPLE), background=False)
    before = _rss_mb()
    started = time.perf_counter()
    warm(matcher.lemmas)
    seconds = time.perf_counter() - started
    del matcher
    print(f"dictionaries (wordfreq, simplemma; read once per process, in a background thread at start-up): "
          f"{seconds:.2f} s, +{_rss_mb() - before:.0f} MB resident")
    with tempfile.TemporaryDirectory() as tmp:
        for label, folder in (("sample", SAMPLE), (f"{args.services} services", generate(Path(tmp), args.services))):
            r = measure(folder, sentences, args.rounds)
            print(
                f"{label:>16}: {r['services']:>6} services | load {r['load_s']:.2f} s | "
                f"memory {r['memory_mb']:.1f} MB (peak {r['peak_mb']:.1f} MB) | "
                f"median {r['median_ms']:.3f} ms | p95 {r['p95_ms']:.3f} ms | max {r['max_ms']:.2f} ms | "
                f"CPU time median {r['cpu_median_ms']:.3f} ms, p95 {r['cpu_p95_ms']:.3f} ms | "
                f"p95 of each sentence's fastest round {r['fastest_p95_ms']:.3f} ms"
            )
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
