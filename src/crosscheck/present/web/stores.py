"""One store connection per server thread: SQLite connections must not be shared between
threads, and WAL mode lets the readers go on while a writer writes."""

from __future__ import annotations

import threading
from pathlib import Path

from crosscheck.present.web.errors import ApiError
from crosscheck.records import StoryRecord
from crosscheck.store import SQLiteStore, Store


class StorePool:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()
        self._opened: list[SQLiteStore] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = SQLiteStore(self._path, any_thread=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


def stored_story(store: Store, story_id: str) -> StoryRecord:
    """The story, or the 404 that the API and the pages both answer."""
    story = store.story(story_id)
    if story is None:
        raise ApiError(404, "story_not_found", f"no story {story_id!r} in this store")
    return story
