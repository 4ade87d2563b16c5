"""Kill `crosscheck run` at each stage boundary on real reports, and check that the next run
on the same store writes exactly what an uninterrupted run writes.

Takes N articles of ../shared/data/gva-dev (read at run time, chosen by a stable hash of
their ids), runs them once uninterrupted, then for each point of tests/faults.py: a run
killed there with SIGKILL, then a plain run on the same store and folder. Reports per point
whether the outputs are equal, whether any process of the killed run lived on, and the
time of the finishing run.

    python bench/faults.py [--articles 300] [--no-rewrites]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devsets import sample  # noqa: E402

from tests import faults  # noqa: E402  (the shared harness)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/gva-dev"))
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--no-rewrites", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        inputs = sample(Path(args.data) / "articles.jsonl", args.articles, work / "in.jsonl")
        flags = ["--quiet", "--workers", "2", *(["--no-rewrites"] if args.no_rewrites else [])]
        started = time.perf_counter()
        reference = faults.run(["run", str(inputs), "--out", str(work / "ref"), *flags])
        print(f"uninterrupted: exit {reference.returncode}, {time.perf_counter() - started:.0f} s")
        expected = faults.outputs(work / "ref")
        print(f"{len(expected['stories.json']['stories'])} stories")
        print("| cut at | killed | orphans | next run | outputs equal |")
        print("| --- | --- | --- | --- | --- |")
        failures = 0
        for point in faults.POINTS:
            out = work / point
            args_ = ["run", str(inputs), "--out", str(out), *flags]
            status, alive = faults.run_killed(point, args_)
            started = time.perf_counter()
            finish = faults.run(args_)
            seconds = time.perf_counter() - started
            equal = finish.returncode in (0, 1) and faults.outputs(out) == expected
            failures += (status != -9) + bool(alive) + (not equal)
            print(f"| {point} | {status == -9} | {len(alive)} | {seconds:.0f} s | {equal} |")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
