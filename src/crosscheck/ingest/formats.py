"""Which parser reads an input: by file extension, else by sniffing its first bytes."""

from __future__ import annotations

import re
from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"
    FEED = "feed"


_BY_SUFFIX = {
    ".txt": Format.TEXT, ".text": Format.TEXT, ".md": Format.TEXT,
    ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML, ".shtml": Format.HTML,
    ".jsonl": Format.JSONL, ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".rss": Format.FEED, ".atom": Format.FEED, ".rdf": Format.FEED, ".xml": Format.FEED,
}  # fmt: skip
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div)[\s>]", re.I)


def by_suffix(name: str) -> Format | None:
    dot = name.rfind(".")
    return _BY_SUFFIX.get(name[dot:].lower()) if dot >= 0 else None


def sniff(head: bytes) -> Format:
    """Guess the format of an input with no telling extension (stdin, odd names)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if start.startswith(b"{"):
        return Format.JSONL
    if start.startswith(b"["):
        return Format.JSON
    if _FEED_ROOT.search(start):
        return Format.FEED
    if _HTML_ROOT.search(start):
        return Format.HTML
    return Format.TEXT
