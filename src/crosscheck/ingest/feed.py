"""RSS and Atom feeds: one article per entry, full content when the feed carries it."""

from __future__ import annotations

import re

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as defused_fromstring

from crosscheck.ingest.draft import Draft
from crosscheck.ingest.errors import InputError
from crosscheck.ingest.html import fragment_text

_DTD_DECLARATION = re.compile(rb"<!(?:ENTITY|DOCTYPE[^>]*\[)", re.I)


def parse_feed(data: bytes) -> tuple[list[Draft], list[str]]:
    """Drafts for the feed's entries, and a reason for each entry that has no text."""
    _refuse_entities(data)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise InputError(f"not a readable RSS/Atom feed: no entries found{detail}")
    feed_title = parsed.feed.get("title")
    drafts, problems = [], []
    for index, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        if not body.strip():
            problems.append(f"entry {index}: no text")
            continue
        drafts.append(
            Draft(
                text=fragment_text(body),
                title=entry.get("title"),
                outlet=feed_title,
                published=entry.get("published") or entry.get("updated"),
                url=entry.get("link"),
                author=entry.get("author"),
                id=None,
            )
        )
    return drafts, problems


def _refuse_entities(data: bytes) -> None:
    """Refuse DTD entity declarations: feedparser would expand them (billion laughs, XXE)."""
    try:
        defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise InputError(f"feed declares XML entities, refused as unsafe ({err})") from err
    except ParseError:
        # Not well-formed: feedparser may still read it loosely, but never with a DTD.
        if _DTD_DECLARATION.search(data[:65536]):
            raise InputError("feed declares XML entities, refused as unsafe") from None


def _entry_body(entry: dict) -> str:
    contents = entry.get("content") or []
    longest = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "")
    return longest if len(longest) >= len(summary) else summary
