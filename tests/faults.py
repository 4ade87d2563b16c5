"""Kill a `crosscheck run` at a stage boundary, then check that the next run on the same store
writes what an uninterrupted run writes. Shared by tests/test_interrupted.py and
bench/faults.py.

`python tests/faults.py POINT crosscheck-args...` runs the command line in this process
with a hook that sends the process SIGKILL at POINT: no handler, no cleanup, as a power cut
or the OOM killer would end it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

# Where a run can be cut, in the order a run passes them.
POINTS = (
    "ingested",  # every input stored, nothing analysed
    "analysing",  # the first batch of analyses stored, the workers busy with the next
    "link-commit",  # inside the transaction that stores the linkage and the index
    "linked",  # linkage stored, no story reconciled
    "reconciled",  # stories stored, no output written
)
TAG = "CROSSCHECK_FAULT_TAG"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _arm(point: str) -> None:
    from crosscheck import pipeline, runner
    from crosscheck.store.sqlite import SQLiteStore

    if point == "ingested":
        pipeline.analyze_pending = lambda *a, **k: _die()  # type: ignore[assignment]
    elif point == "analysing":
        pipeline._BATCH = 10  # several batches, so one is stored and others are under way
        put = SQLiteStore.put_analyses

        def put_then_die(self, *args, **kwargs):
            put(self, *args, **kwargs)
            time.sleep(0.5)  # the workers are into the next batch
            _die()

        SQLiteStore.put_analyses = put_then_die  # type: ignore[method-assign]
    elif point == "link-commit":
        SQLiteStore._add_to_index = lambda *a, **k: _die()  # type: ignore[method-assign]
    elif point == "linked":
        pipeline.reconcile_all = lambda *a, **k: _die()  # type: ignore[assignment]
    elif point == "reconciled":
        runner.write_outputs = lambda *a, **k: _die()  # type: ignore[assignment]
    else:
        raise SystemExit(f"unknown point {point!r}; one of {', '.join(POINTS)}")


def run_killed(point: str, args: list[str], timeout: float = 600) -> tuple[int, list[int]]:
    """Run `crosscheck ARGS` killed at `point`: its exit status (-9 when the kill came) and
    the pids of any of its processes still alive two seconds later."""
    tag = uuid.uuid4().hex
    # Output to nowhere, not to pipes: an orphaned worker would hold a pipe open, and
    # reading it to its end would wait for the orphan instead of finding it.
    proc = subprocess.run(
        [sys.executable, __file__, point, *args],
        env={**os.environ, TAG: tag},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=timeout,
    )
    time.sleep(2)
    alive = _processes_tagged(tag)
    for pid in alive:  # a test that finds orphans still leaves none behind
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return proc.returncode, alive


def run(args: list[str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def outputs(out: Path) -> dict:
    """What a run wrote, in a form two runs can be compared in: stories.json without its
    time stamp and with its lists in id order, and the other outputs as text."""
    document = json.loads((out / "stories.json").read_text())
    document.pop("generated_at", None)
    for key in ("articles", "stories"):
        document[key] = sorted(document[key], key=lambda item: item["id"])
    csv = sorted((out / "incidents.csv").read_text().splitlines())
    places = json.loads((out / "places.geojson").read_text())
    places["features"] = sorted(places["features"], key=lambda f: json.dumps(f, sort_keys=True))
    return {"stories.json": document, "incidents.csv": csv, "places.geojson": places}


def _processes_tagged(tag: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"{TAG}={tag}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


if __name__ == "__main__":
    _arm(sys.argv[1])
    sys.argv = ["crosscheck", *sys.argv[2:]]
    from crosscheck.cli import main

    main()
