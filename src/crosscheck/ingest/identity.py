"""Who an article is: its id, content hash, outlet and publication date in canonical form."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from crosscheck.ingest.errors import InputError
from crosscheck.normalise import normalise_text

# News on the web is no older than this and no newer than this; a date outside is a typo, a
# placeholder ("9999-12-31") or an attack on date arithmetic further down the pipeline.
FIRST_YEAR, LAST_YEAR = 1900, 2100
# Archive wrappers name the page they hold after the timestamp, e.g. web.archive.org/web/2014.../http://x.com/
_ARCHIVED = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]+/(.+)$", re.I)


def content_hash(text: str) -> str:
    return hashlib.blake2b(normalise_text(text).encode(), digest_size=16).hexdigest()


def article_id(text: str, title: str | None, url: str | None) -> str:
    """Stable id for a record without one: the same report read twice gets the same id."""
    key = "\x1f".join((url or "", normalise_text(title or ""), normalise_text(text)))
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def unwrap_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    match = _ARCHIVED.match(url)
    if match:
        inner = match.group(1)
        return inner if "://" in inner else "http://" + inner
    return url


def outlet_from_url(url: str | None) -> str | None:
    """The site a URL belongs to, looking through archive.org wrappers."""
    inner = unwrap_url(url)
    if not inner:
        return None
    host = urlsplit(inner).hostname
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def normalise_published(value: object) -> str | None:
    """ISO 8601 date or date-time, or None when the value is not a recognisable date.
    Raises InputError for a date outside FIRST_YEAR to LAST_YEAR."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _iso(_in_range(value, str(value)))
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = _parse_date(text)
    except OverflowError:
        parsed = datetime.max
    if parsed is None:
        return None
    _in_range(parsed, text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or (
        parsed.hour == parsed.minute == parsed.second == 0 and not re.search(r"\d:\d", text)
    ):
        return parsed.date().isoformat()
    return _iso(parsed)


def _in_range(value: datetime, text: str) -> datetime:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InputError(f"publication date {text[:40]!r} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return value


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only free-form dates need it

    return dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )


def _iso(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return value.isoformat(timespec="seconds")
