"""Ingest: turn files, folders and standard input into Article records.

`ingest(inputs)` yields an Article for every report it can read and a Rejection, naming
the file (and line or entry) and the reason, for everything it cannot. It never raises
for bad input, so one broken file cannot stop a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from crosscheck.ingest.decode import decode
from crosscheck.ingest.draft import Draft, finish
from crosscheck.ingest.errors import InputError
from crosscheck.ingest.feed import parse_feed
from crosscheck.ingest.formats import Format, by_suffix, sniff
from crosscheck.ingest.html import parse_html
from crosscheck.ingest.jsonl import parse_json_document, parse_json_lines
from crosscheck.ingest.plaintext import parse_text
from crosscheck.ingest.sources import Source, expand
from crosscheck.records import Article, Rejection

__all__ = ["DEFAULT_MAX_BYTES", "IngestOptions", "ingest", "ingest_bytes"]

_HEAD = 4096
# One report is never this large; a bigger file is a dump, a mistake or an attack.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES


def ingest(
    inputs: Iterable[str], options: IngestOptions | None = None
) -> Iterator[Article | Rejection]:
    options = options or IngestOptions()
    for source in expand(list(inputs)):
        if isinstance(source, tuple):
            yield Rejection(*source)
            continue
        try:
            yield from _read_source(source, options)
        except OSError as err:
            yield Rejection(source.name, f"cannot read: {err.strerror or err}")


def ingest_bytes(
    data: bytes, name: str, fmt: Format | None = None, options: IngestOptions | None = None
) -> list[Article | Rejection]:
    """Parse one in-memory document (an HTTP upload, a test) as `ingest` would a file."""
    options = options or IngestOptions()
    fmt = fmt or by_suffix(name) or sniff(data[:_HEAD])
    if fmt is Format.JSONL:
        return list(_json_lines(name, data.splitlines(keepends=True), options))
    return list(_whole_document(name, data, fmt, options))


def _read_source(source: Source, options: IngestOptions) -> Iterator[Article | Rejection]:
    with source.open() as stream:
        head = stream.peek(_HEAD)[:_HEAD] if hasattr(stream, "peek") else b""
        fmt = by_suffix(source.name) or sniff(head)
        if fmt is Format.JSONL:
            # Line by line so an article dump of any size streams in bounded memory.
            yield from _json_lines(source.name, _bounded_lines(stream, options.max_bytes), options)
            return
        data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        size = source.size()
        shown = f"{size / 1e6:.1f} MB" if size else "more than that"
        yield Rejection(
            source.name,
            f"file is {shown}, above the {options.max_bytes / 1e6:.0f} MB "
            "limit for one document (--max-bytes)",
        )
        return
    yield from _whole_document(source.name, data, fmt, options)


def _whole_document(
    name: str, data: bytes, fmt: Format, options: IngestOptions
) -> Iterator[Article | Rejection]:
    try:
        if fmt is Format.FEED:
            drafts, problems = parse_feed(data)
            for index, draft in enumerate(drafts, start=1):
                yield finish(draft, f"{name}#entry{index}")
            for problem in problems:
                yield Rejection(name, problem)
            return
        text = decode(data)
        if fmt is Format.JSON:
            for number, item in parse_json_document(text):
                yield _finish_item(item, f"{name}#{number}")
        elif fmt is Format.HTML:
            yield finish(parse_html(text)[0], name)
        else:
            yield finish(parse_text(text)[0], name)
    except InputError as err:
        yield Rejection(name, str(err))


def _json_lines(
    name: str, lines: Iterable[bytes], options: IngestOptions
) -> Iterator[Article | Rejection]:
    any_line = False
    for number, item in parse_json_lines(lines, options.max_bytes):
        any_line = True
        yield _finish_item(item, f"{name}:{number}")
    if not any_line:
        yield Rejection(name, "empty file")


def _finish_item(item: Draft | str, source: str) -> Article | Rejection:
    return Rejection(source, item) if isinstance(item, str) else finish(item, source)


def _bounded_lines(stream, limit: int) -> Iterator[bytes]:
    """Lines of a binary stream, each cut at limit + 1 bytes so one huge line cannot fill memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line
