"""Throughput of a whole run against a bare spaCy pass over the same articles, in one run.

Takes N articles of ../shared/data/gva-dev (read at run time, chosen by a stable hash of
their ids) and measures, one after another on the same machine:

- the bare `nlp.pipe` of the spaCy pipeline analysis uses (the model and its place ruler),
  with as many processes as the run uses;
- `crosscheck run` from an empty store, rewrite search on;
- the same with `--no-rewrites`;

and prints articles per second, peak RSS, and the ratios that count on a noisy machine:
the run's throughput over the bare pass's, and the cost of the rewrite search.

    python bench/throughput.py [--articles 1200] [--workers 2] [--repeat 1]

With `--repeat N` each of the three is run N times, in turn, and its fastest run counts:
on a shared machine the slow runs are other work's, not the run's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from devsets import sample

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/gva-dev"))
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        inputs = sample(Path(args.data) / "articles.jsonl", args.articles, work / "in.jsonl")
        count = sum(1 for _ in inputs.open())
        measured: dict[str, list[tuple[float, int]]] = {"bare": [], "": [], "--no-rewrites": []}
        for _ in range(args.repeat):
            measured["bare"].append(_bare(inputs, args.workers))
            for flag in ("", "--no-rewrites"):
                out = work / (flag or "rewrites")
                shutil.rmtree(out, ignore_errors=True)
                measured[flag].append(_run(inputs, out, args.workers, flag))
        bare = _fastest(measured["bare"])
        runs = {flag: _fastest(measured[flag]) for flag in ("", "--no-rewrites")}
    with_rewrites, without = runs[""], runs["--no-rewrites"]
    print(f"{count} articles, {args.workers} processes")
    print("| run | seconds | articles/s | peak RSS |")
    print("| --- | --- | --- | --- |")
    print(f"| bare nlp.pipe | {bare[0]:.1f} | {count / bare[0]:.1f} | {bare[1]:,} MB |")
    for name, (seconds, rss) in (("crosscheck run", with_rewrites), ("--no-rewrites", without)):
        print(f"| {name} | {seconds:.1f} | {count / seconds:.1f} | {rss:,} MB |")
    print(f"run / bare throughput, rewrites on: {bare[0] / with_rewrites[0]:.2f} (target 0.5)")
    print(f"run / bare throughput, rewrites off: {bare[0] / without[0]:.2f}")
    print(f"rewrites on / off time: {with_rewrites[0] / without[0]:.2f} (target 1.5)")


def _fastest(runs: list[tuple[float, int]]) -> tuple[float, int]:
    """The fastest run's seconds, and the largest peak RSS of any."""
    return min(seconds for seconds, _ in runs), max(rss for _, rss in runs)


_BARE = """
import json, resource, sys, time
from crosscheck.analyze.nlp import load_nlp
nlp = load_nlp()
texts = [json.loads(line).get("text") or "" for line in open(sys.argv[1])]
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
seconds = time.perf_counter() - start
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps([seconds, rss // 1024]))
"""


def _bare(inputs: Path, workers: int) -> tuple[float, int]:
    """Seconds of the pass itself (the model loaded before the clock starts) and peak RSS."""
    proc = subprocess.run(
        [sys.executable, "-c", _BARE, str(inputs), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss = json.loads(proc.stdout.strip().splitlines()[-1])
    return seconds, rss


_MEASURED = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], capture_output=True)
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def _run(inputs: Path, out: Path, workers: int, flag: str) -> tuple[float, int]:
    """Wall seconds of `crosscheck run` and the peak RSS of its largest process (measured
    in a launcher of its own, so one run's peak is not another's)."""
    command = [sys.executable, "-m", "crosscheck", "run", str(inputs), "--out", str(out)]
    command += ["--quiet", "--workers", str(workers), *([flag] if flag else [])]
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *command], capture_output=True, text=True, check=True
    )
    seconds, rss = proc.stdout.split()
    return float(seconds), int(rss)


if __name__ == "__main__":
    main()
