from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

WIRE_TEXT = (
    "BEIRUT (Levant Wire) — Shelling killed at least 12 civilians in the village of Kafr Nabl "
    "on Tuesday, the Syrian Observatory for Human Rights said.\n\n"
    "At least 30 other people were wounded, the monitor said. Rescue crews searched the rubble "
    "of two houses into the night."
)


@pytest.fixture(scope="session")
def example_run(tmp_path_factory) -> tuple[Path, str]:
    """`crosscheck run examples/` once per test session: (output folder, stdout)."""
    out = tmp_path_factory.mktemp("example")
    proc = subprocess.run(
        [sys.executable, "-m", "crosscheck", "run", str(EXAMPLES), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "store.sqlite") as s:
        yield s


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
