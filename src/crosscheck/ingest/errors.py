"""The one exception ingest raises for input it cannot turn into articles."""


class InputError(Exception):
    """Raised with a reason a user can act on; the caller adds the file name."""
