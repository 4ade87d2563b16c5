from __future__ import annotations

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
