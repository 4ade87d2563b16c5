"""The SQLite store: migrations, WAL, idempotent ingest, duplicates and atomic writes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest
from conftest import WIRE_TEXT

from crosscheck.ingest import ingest_bytes
from crosscheck.records import Analysis, Derivation, Linkage, Span, Unsupported
from crosscheck.store import SQLiteStore


def article(text=WIRE_TEXT, name="a.txt", title="Shelling kills 12"):
    return ingest_bytes(f"{title}\n\n{text}".encode(), name)[0]


def test_schema_migrations_are_recorded_once_and_wal_is_on(tmp_path):
    path = tmp_path / "s.sqlite"
    SQLiteStore(path).close()
    with SQLiteStore(path) as store:
        assert store.schema_version() == 7
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone() == (7,)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_reingesting_adds_nothing_and_exact_copies_are_recognised(store):
    first = article()
    assert [a.outcome for a in store.add_articles([first])] == ["added"]
    assert [a.outcome for a in store.add_articles([first])] == ["exists"]
    # The same report under another id (say, from a feed after a file) is a duplicate.
    record = {"id": "feed-7", "title": "Shelling kills 12", "text": WIRE_TEXT}
    copy = ingest_bytes(json.dumps(record).encode(), "x.jsonl")[0]
    [result] = store.add_articles([copy])
    assert (result.outcome, result.duplicate_of) == ("duplicate", first.id)
    assert store.article_count() == 1


def test_syndicated_copy_with_a_new_headline_is_kept(store):
    store.add_articles([article()])
    [result] = store.add_articles([article(title="Twelve civilians die in Idlib shelling")])
    assert result.outcome == "added"
    assert store.article_count() == 2


def test_a_failed_write_leaves_no_partial_batch(store):
    good = article()
    bad = replace(article(text=WIRE_TEXT + " More."), text=None)  # violates NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.add_articles([good, bad])
    assert store.article_count() == 0


def test_analyses_round_trip_and_are_redone_when_the_analyzer_changes(store):
    a = article()
    store.add_articles([a])
    assert store.unanalysed("v1") == [a.id]
    sentence = Span(a.id, 0, 10, a.text[:10])
    store.put_analyses("v1", [Analysis(a.id, (sentence,), (), "2024-05-07")])
    assert store.unanalysed("v1") == []
    assert store.unanalysed("v2") == [a.id]
    assert store.analyses()[a.id] == Analysis(a.id, (sentence,), (), "2024-05-07")


def test_records_are_stored_without_their_defaults_and_read_back_whole(store):
    from crosscheck.store import codec

    a = article()
    store.add_articles([a])
    text = Span(a.id, 0, 10, a.text[:10])
    title = Span(a.id, 0, 4, "Four", in_title=True)
    analysis = Analysis(a.id, (text, title), (), None)
    stored = json.loads(codec.dumps(analysis))
    # A span of the text says nothing of the title; one of the title says so.
    assert stored["sentences"] == [
        {"article": a.id, "start": 0, "end": 10, "text": a.text[:10]},
        {"article": a.id, "start": 0, "end": 4, "text": "Four", "in_title": True},
    ]
    assert "event_date" not in stored
    store.put_analyses("v1", [analysis])
    assert store.analyses()[a.id] == analysis


def test_the_linkage_of_some_articles_is_their_stories_whole(store):
    ids = []
    for n in range(4):
        added = article(f"{WIRE_TEXT} Report {n}.", name=f"{n}.txt")
        store.add_articles([added])
        ids.append(added.id)
    a, b, c, d = ids
    span = Span(b, 0, 8, "SHELLING")
    store.put_linkage(
        Linkage(
            {"s-1": (a, b), "s-2": (c,), "s-3": (d,)},
            (Derivation(b, a, "verbatim", 1.0),),
            {a: a, b: a, c: c, d: d},
            (Unsupported(b, a, span),),
        )
    )
    part = store.linkage([b, c])
    assert part.stories == {"s-1": (a, b), "s-2": (c,)}  # a comes with b's story
    assert part.derivations == (Derivation(b, a, "verbatim", 1.0),)
    assert part.origin_of == {a: a, b: a, c: c}
    assert part.unsupported == (Unsupported(b, a, span),)
    assert store.linkage().stories["s-3"] == (d,) and store.story_count() == 3


def test_story_lookup_and_generation_follow_every_change(store):
    from crosscheck.records import Incident, StoryRecord

    before = store.stories_generation()
    one = StoryRecord("s-1", "One", (), 0, Incident())
    two = StoryRecord("s-2", "Two", (), 0, Incident())
    store.put_stories([one, two])
    after_put = store.stories_generation()
    assert after_put > before
    assert store.story("s-2") == two and store.story("missing") is None
    store.replace_stories(["s-1"], [])
    assert store.stories_generation() > after_put
    assert store.story("s-1") is None
