"""Storage behind a small interface (`Store`); SQLite is the embedded default."""

from crosscheck.store.base import Added, Store
from crosscheck.store.sqlite import SQLiteStore, StoreError

__all__ = ["Added", "SQLiteStore", "Store", "StoreError", "open_store"]


def open_store(location: str, *, create: bool = True) -> Store:
    """Open the store at `location`: a SQLite file path (other backends: a URL scheme later).
    StoreError when it is missing (and `create` is off), not a crosscheck store, written by
    a newer version, or cannot be written."""
    return SQLiteStore(location, create=create)
