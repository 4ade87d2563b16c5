"""JSON Lines (one article per line) and JSON documents (one article or a list of them)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from crosscheck.ingest.decode import decode
from crosscheck.ingest.draft import Draft
from crosscheck.ingest.errors import InputError
from crosscheck.ingest.html import parse_html

_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "published_at", "pubdate")
# An article record is an object in at most a list, with perhaps a nested metadata object;
# anything far deeper is an attack on the parser's recursion, refused before parsing.
MAX_DEPTH = 64
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def loads(text: str | bytes) -> object:
    """`json.loads` with a nesting limit: InputError for a value nested too deep."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if nesting_depth(text) > MAX_DEPTH:
        raise InputError(f"JSON nested more than {MAX_DEPTH} levels deep")
    return json.loads(text)


def nesting_depth(text: str) -> int:
    """How deep brackets nest in JSON text, strings aside (an unclosed string: the rest)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


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
            record = loads(decode(raw))
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
        value = loads(text)
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
