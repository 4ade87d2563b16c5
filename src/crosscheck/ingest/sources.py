"""Where inputs come from: files, folders walked recursively, and standard input.

Only regular files are ever opened: a FIFO or a device named like a report would block the
run on its first read, so it is refused from its metadata alone.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path, or standard input."""

    name: str
    path: Path | None

    def size(self) -> int | None:
        return self.path.stat().st_size if self.path else None

    def open(self) -> BinaryIO:
        """The input's bytes. A path is opened without blocking and checked again once open,
        so a file swapped for a FIFO after the folder was listed still cannot hang the run."""
        if self.path is None:
            return sys.stdin.buffer
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotRegularFile(self.name)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise


class NotRegularFile(OSError):
    """A path that is a FIFO, socket or device: never read."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not a regular file")
        self.strerror = "not a regular file (a FIFO, socket or device)"


def expand(inputs: list[str]) -> Iterator[Source | tuple[str, str]]:
    """Sources in a stable order, or (name, reason) for an input that cannot be read at all."""
    for item in inputs:
        if item == STDIN:
            yield Source("<stdin>", None)
            continue
        path = Path(item)
        kind = _kind(path)
        if kind == "folder":
            yield from _walk(path)
        elif kind == "file":
            yield Source(str(path), path)
        elif kind is None:
            yield item, "no such file or folder"
        else:
            yield item, kind


def _kind(path: Path) -> str | None:
    """'file', 'folder', None when nothing is there, or the reason it is neither."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return "not a regular file (a FIFO, socket or device)"


def _walk(root: Path) -> Iterator[Source | tuple[str, str]]:
    # os.walk drops folders it cannot list unless told; each is a rejection the user sees.
    unreadable: list[OSError] = []
    # Hidden files and folders (.git, editor swap files) are never reports.
    for folder, dirs, files in os.walk(root, onerror=unreadable.append, followlinks=False):
        yield from _unreadable(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            kind = _kind(path)
            if kind == "file":
                yield Source(str(path), path)
            else:
                yield str(path), kind or "no such file (a broken link?)"
    yield from _unreadable(unreadable)


def _unreadable(errors: list[OSError]) -> Iterator[tuple[str, str]]:
    while errors:
        err = errors.pop(0)
        yield str(err.filename), f"cannot read folder: {err.strerror or err}"
