"""A --db that is not a crosscheck store, or one from a newer crosscheck, is refused with a
reason and exit status 2, and left exactly as it was; commands that only read never create."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import WIRE_TEXT, write

from crosscheck.store import SQLiteStore, StoreError


def crosscheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args], capture_output=True, text=True, timeout=120
    )


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def other_apps_database(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    db.execute("INSERT INTO contacts VALUES ('someone', '555')")
    db.commit()
    db.close()
    return path


@pytest.fixture
def report_file(tmp_path):
    return write(tmp_path / "in" / "r.txt", "Shelling in Kafr Nabl\n\n" + WIRE_TEXT)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: write(p, "just some notes\n"), "not an SQLite database"),
        (lambda p: write(p, b"%PDF-1.7\n" + bytes(300)), "not an SQLite database"),
        (other_apps_database, "another program's SQLite database"),
    ],
)
@pytest.mark.parametrize("command", ["run", "ingest", "analyze", "link", "report", "serve"])
def test_a_file_that_is_not_a_store_is_refused_and_untouched(
    tmp_path, report_file, make, reason, command
):
    db = make(tmp_path / "store.sqlite")
    before = digest(db)
    args = {
        "run": ["run", str(report_file), "--out", str(tmp_path / "out"), "--db", str(db)],
        "ingest": ["ingest", str(report_file), "--db", str(db)],
        "analyze": ["analyze", "--db", str(db)],
        "link": ["link", "--db", str(db)],
        "report": ["report", "--db", str(db), "--out", str(tmp_path / "out")],
        "serve": ["serve", "--db", str(db), "--port", "9"],
    }[command]
    proc = crosscheck(*args)
    assert proc.returncode == 2, proc.stderr
    assert reason in proc.stderr and "Traceback" not in proc.stderr
    assert digest(db) == before
    assert not (tmp_path / "store.sqlite-wal").exists()


def test_a_folder_as_db_is_a_usage_error(tmp_path, report_file):
    proc = crosscheck("ingest", str(report_file), "--db", str(tmp_path))
    assert proc.returncode == 2 and "is a folder, not a crosscheck store" in proc.stderr


def test_a_store_of_a_newer_crosscheck_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'later')")
    db.commit()
    db.close()
    before = digest(path)
    with pytest.raises(StoreError, match="written by a newer crosscheck"):
        SQLiteStore(path)
    proc = crosscheck("report", "--db", str(path), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "upgrade crosscheck" in proc.stderr
    assert digest(path) == before


@pytest.mark.parametrize("command", ["report", "analyze", "link", "serve"])
def test_reading_commands_never_create_a_store(tmp_path, command):
    missing = tmp_path / "missing.sqlite"
    extra = {"report": ["--out", str(tmp_path / "out")], "serve": ["--port", "9"]}.get(command, [])
    proc = crosscheck(command, "--db", str(missing), *extra)
    assert proc.returncode == 2, proc.stderr
    assert f"no store at {missing}" in proc.stderr
    assert not missing.exists()


def test_a_store_of_an_earlier_crosscheck_opens_and_is_marked(tmp_path):
    path = tmp_path / "old.sqlite"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 0")  # stores before the mark carried none
    db.commit()
    db.close()
    with SQLiteStore(path, create=False) as store:
        assert store.schema_version() >= 6
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] != 0


def test_an_empty_file_becomes_a_store(tmp_path, report_file):
    db = tmp_path / "touched.sqlite"
    db.touch()
    proc = crosscheck("ingest", str(report_file), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr
    with SQLiteStore(db, create=False) as store:
        assert store.article_count() == 1


def test_a_store_that_cannot_be_written_is_refused_at_once(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    SQLiteStore(path).close()
    connect = sqlite3.connect

    def read_only(target, *args, **kwargs):
        # What a read-only folder or file gives; as root a chmod would not stop the write.
        if kwargs.pop("uri", False):
            return connect(target, *args, uri=True, **kwargs)
        return connect(f"{Path(target).resolve().as_uri()}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr("crosscheck.store.sqlite.sqlite3.connect", read_only)
    with pytest.raises(StoreError, match="cannot write to the store"):
        SQLiteStore(path)


def test_connections_opening_a_new_store_at_once_migrate_it_once(tmp_path):
    # A server's request threads and its processor open the same new store together.
    for attempt in range(10):
        path = tmp_path / f"race{attempt}.sqlite"
        if attempt % 2:  # an empty database already in WAL mode: all race to migrate it
            db = sqlite3.connect(path)
            db.execute("PRAGMA journal_mode=WAL")
            db.close()
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []

        def open_it(path=path, barrier=barrier, errors=errors):
            barrier.wait()
            try:
                SQLiteStore(path).close()
            except BaseException as err:
                errors.append(err)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with SQLiteStore(path) as store:
            assert store.schema_version() == 7
