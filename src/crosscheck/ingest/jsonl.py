"""JSON Lines (one article per line) and JSON documents (one article or a list of them)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from crosscheck.ingest.decode import decode
from crosscheck.ingest.draft import Draft
from crosscheck.ingest.errors import InputError
from crosscheck.ingest.html import parse_html

_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "published_at", "pubdate")


def parse_json_lines(
    lines: Iterable[bytes], max_line_bytes: int
) -> Iterator[tuple[int, Draft | str]]:
    """Yield (line number, draft) per record, or (line number, reason) for a line that fails."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if len(raw) > max_line_bytes:
            yield number, f"line is {len(raw):,} bytes, above the {max_line_bytes:,}-byte limit"
            continue
        try:
            record = json.loads(decode(raw))
        except InputError as err:
            yield number, str(err)
            continue
        except json.JSONDecodeError as err:
            yield number, f"invalid JSON ({err.msg} at column {err.colno}; truncated line?)"
            continue
        yield number, _draft_or_reason(record)


def parse_json_document(text: str) -> Iterator[tuple[int, Draft | str]]:
    """A whole-file JSON value: one article object or a list of them."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"invalid JSON ({err.msg} at line {err.lineno})") from err
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        yield number, _draft_or_reason(record)


def _draft_or_reason(record: object) -> Draft | str:
    if not isinstance(record, dict):
        return f"expected a JSON object, found {type(record).__name__}"
    try:
        return record_to_draft(record)
    except InputError as err:
        return str(err)


def record_to_draft(record: dict) -> Draft:
    url = _string(record.get("url"))
    text = next((record[f] for f in _TEXT_FIELDS if isinstance(record.get(f), str)), None)
    published = next((record[f] for f in _DATE_FIELDS if record.get(f)), None)
    if text is None and isinstance(record.get("html"), str):
        draft = parse_html(record["html"], url=url)[0]
        draft.id = _string(record.get("id"))
        draft.title = _string(record.get("title")) or draft.title
        draft.outlet = _string(record.get("outlet")) or draft.outlet
        draft.published = published or draft.published
        return draft
    if text is None:
        raise InputError("record has no 'text' or 'html' field")
    return Draft(
        text=text,
        title=_string(record.get("title")),
        outlet=_string(record.get("outlet")),
        published=published,
        url=url,
        author=_string(record.get("author")),
        id=_string(record.get("id")),
    )


def _string(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)
