"""How one server runs: which store, who may write, what it accepts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "CROSSCHECK_TOKEN"
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # a few articles; bulk loads go through `crosscheck ingest`


@dataclass(frozen=True, slots=True)
class ServerSettings:
    db: Path
    # Writes (POST) need this bearer token; without one the server is read-only.
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    # Fetching a URL a client names makes the server a proxy into wherever it runs: off
    # unless the operator asks for it.
    allow_url_ingest: bool = False
    fetch_timeout: float = 15.0
    # Analyze, link and reconcile posted articles in the background.
    process: bool = True
    rewrites: bool = False  # the embedding search for rewrites: about 3x the link time
