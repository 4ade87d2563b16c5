"""Reading the shared development sets from bench scripts (never copied into the repo)."""

from __future__ import annotations

import hashlib
import json
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
