"""Ingest by URL, for servers whose operator enabled it (--allow-url-ingest)."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from crosscheck.present.web.errors import ApiError


def fetch_page(url: str, max_bytes: int, timeout: float) -> bytes:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError(422, "invalid_url", f"only http(s) URLs can be fetched, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": "crosscheck"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise ApiError(502, "fetch_failed", f"could not fetch {url}: {reason}") from err
    if len(data) > max_bytes:
        raise ApiError(413, "page_too_large", f"{url} is over the limit of {max_bytes} bytes")
    return data
