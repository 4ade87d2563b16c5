"""Where inputs come from: files, folders walked recursively, and standard input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path, or standard input."""

    name: str
    path: Path | None

    def size(self) -> int | None:
        return self.path.stat().st_size if self.path else None

    def open(self):
        return self.path.open("rb") if self.path else sys.stdin.buffer


def expand(inputs: list[str]) -> Iterator[Source | tuple[str, str]]:
    """Sources in a stable order, or (name, reason) for an input that cannot be read at all."""
    for item in inputs:
        if item == STDIN:
            yield Source("<stdin>", None)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield Source(str(path), path)
        elif path.exists():
            yield item, "not a regular file"
        else:
            yield item, "no such file or folder"


def _walk(root: Path) -> Iterator[Source]:
    # Hidden files and folders (.git, editor swap files) are never reports.
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(folder) / name
                yield Source(str(path), path)
