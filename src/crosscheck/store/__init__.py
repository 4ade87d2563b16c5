"""Storage behind a small interface (`Store`); SQLite is the embedded default."""

from crosscheck.store.base import Added, Store
from crosscheck.store.sqlite import SQLiteStore

__all__ = ["Added", "SQLiteStore", "Store", "open_store"]


def open_store(location: str) -> Store:
    """Open the store at `location`: a SQLite file path (other backends: a URL scheme later)."""
    return SQLiteStore(location)
