"""Run `crosscheck spark` over the GVA development set, score it, and compare it with a
local run.

Reads ../shared/data/gva-dev at run time and reports the wall time of the Spark run, the
peak memory of its whole process tree (the JVM and its Python workers, sampled), the same
scores as bench/gva_run.py, and, given a local run's stories.json (`--local`), how many of
its stories the Spark run reproduces exactly: the same members, origins and incident record.

    python bench/spark_run.py [--master local[2]] [--local /tmp/crosscheck-gva/stories.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from gva_run import TARGETS, bcubed, incident_scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--data", default=str(Path(__file__).resolve().parents[1].parent / "shared/data/gva-dev")
    )
    parser.add_argument("--out", default="/tmp/crosscheck-gva-spark")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--local", help="stories.json of `crosscheck run` on the same data")
    parser.add_argument("--no-rewrites", action="store_true")
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable, "-m", "crosscheck", "spark", str(data / "articles.jsonl"),
        "--out", str(out), "--master", args.master, "--quiet",
        *(["--no-rewrites"] if args.no_rewrites else []),
    ]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = _PeakMemory(proc.pid)
    peak.start()
    _, stderr = proc.communicate()
    elapsed = time.perf_counter() - started
    peak.stop()
    if proc.returncode not in (0, 1):
        sys.exit(f"crosscheck spark failed ({proc.returncode}):\n{stderr[-4000:]}")
    contract = _contract(out)
    gold = [json.loads(line) for line in (data / "gold.jsonl").open()]
    print(
        f"spark ({args.master}): {len(contract['articles'])} articles, "
        f"{len(contract['stories'])} stories, {elapsed:.1f} s wall, "
        f"peak RSS of the process tree {peak.mb:.0f} MB"
    )
    print("stories (B-cubed): P={:.4f} R={:.4f} F1={:.5f}".format(*bcubed(contract, gold)))
    for name, score in incident_scores(contract, gold).items():
        verdict = "met" if score >= TARGETS[name] else "not met"
        print(f"incident {name}: {score:.3f} (target {TARGETS[name]:.2f}, {verdict})")
    if args.local:
        _compare(contract, json.loads(Path(args.local).read_text()))


def _contract(out: Path) -> dict:
    """The part files' story documents as one stories.json."""
    articles, stories = [], []
    for part in sorted((out / "stories").glob("part-*")):
        for line in part.read_text().splitlines():
            document = json.loads(line)
            articles.extend(document["articles"])
            stories.extend(document["stories"])
    return {"articles": articles, "stories": stories}


def _compare(spark: dict, local: dict) -> None:
    theirs = {s["id"]: s for s in local["stories"]}
    same_members = same_record = 0
    for story in spark["stories"]:
        other = theirs.get(story["id"])
        if other and other["articles"] == story["articles"]:
            same_members += 1
            same_record += other == story
    origins = {a["id"]: a["origin"] for a in local["articles"]}
    same_origin = sum(origins.get(a["id"]) == a["origin"] for a in spark["articles"])
    print(
        f"against the local run: {same_members}/{len(theirs)} stories with the same members, "
        f"{same_record} with the same whole record, {same_origin}/{len(origins)} articles "
        "with the same origin"
    )


class _PeakMemory(threading.Thread):
    """Samples the summed resident memory of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self._pid = pid
        self._done = threading.Event()
        self.mb = 0.0

    def run(self) -> None:
        while not self._done.wait(0.5):
            self.mb = max(self.mb, sum(_rss(p) for p in _tree(self._pid)) / 1024)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, []))
    return found


def _rss(pid: int) -> int:
    """Resident memory in KiB, 0 for a process gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    main()
