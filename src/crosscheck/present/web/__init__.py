"""`crosscheck serve`: the web app and HTTP API over a store (FastAPI)."""

from crosscheck.present.web.app import create_app
from crosscheck.present.web.settings import TOKEN_ENV, ServerSettings

__all__ = ["TOKEN_ENV", "ServerSettings", "create_app"]
