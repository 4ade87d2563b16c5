"""Reading the shared development sets from bench scripts (never copied into the repo)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def sample(source: Path, count: int, target: Path) -> Path:
    """`count` articles of a JSON Lines set, chosen by a stable hash of their ids (the same
    ones on every machine and run), written to `target`."""
    lines = source.read_text(encoding="utf-8").splitlines()

    def key(line: str) -> str:
        return hashlib.sha1(str(json.loads(line)["id"]).encode()).hexdigest()

    target.write_text("\n".join(sorted(lines, key=key)[:count]) + "\n", encoding="utf-8")
    return target


def half(key: str) -> str:
    """ "tuning" or "check": the half of a dev set an incident, event or article family
    belongs to, by a stable hash of its id. Rules and learned decisions are fitted on the
    tuning half only; the check half says whether they carry."""
    return "tuning" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "check"


def run_crosscheck(inputs: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """`crosscheck run INPUTS --out OUT --quiet OPTIONS` in a child process (so its peak
    memory is the child's); exits with its error output when the run itself failed."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "crosscheck",
            "run",
            str(inputs),
            "--out",
            str(out),
            "--quiet",
            *options,
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"crosscheck run failed ({proc.returncode}):\n{proc.stderr}")
    return proc
