"""crosscheck: from a pile of news reports to a sourced record of what happened."""

__version__ = "0.1.0"
