"""One store connection per server thread: SQLite connections must not be shared between
threads, and WAL mode lets the readers go on while a writer writes."""

from __future__ import annotations

import threading
from pathlib import Path

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
