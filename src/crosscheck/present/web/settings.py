"""How one server runs: which store, who may write, what it accepts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "CROSSCHECK_TOKEN"
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # a few articles; bulk loads go through `crosscheck ingest`
# A client that connects must send a request's headers within this many seconds, and each
# part of a write's body within the body timeout of the last.
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 30.0
# Write bodies read at once: at most this many times max_body held in memory.
DEFAULT_MAX_UPLOADS = 8


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
    rewrites: bool = False  # the embedding search for rewrites: a run about 1.4x as long
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    max_uploads: int = DEFAULT_MAX_UPLOADS
