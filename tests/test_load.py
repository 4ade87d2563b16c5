"""8 clients posting 500 reports each to one server, its background processing on: every
report is stored, exactly once."""

from __future__ import annotations

import sqlite3

from tests.load import post_concurrently
from tests.web import TOKEN, serving

CLIENTS, EACH = 8, 500


def test_concurrent_clients_lose_nothing(tmp_path):
    db = tmp_path / "load.sqlite"
    with serving(db, "--create") as base:
        result = post_concurrently(base, TOKEN, CLIENTS, EACH)
    assert result.failures == []
    assert result.statuses == {201: CLIENTS * EACH}
    assert len(set(result.ids)) == CLIENTS * EACH
    with sqlite3.connect(db) as stored:
        ids = [row[0] for row in stored.execute("SELECT id FROM articles")]
    assert len(ids) == CLIENTS * EACH
    assert set(ids) == set(result.ids)
