"""Plain-text reports: the first non-empty line is the title when it looks like one."""

from __future__ import annotations

from crosscheck.ingest.draft import Draft

_MAX_TITLE_CHARS = 200


def parse_text(text: str) -> list[Draft]:
    lines = text.strip().split("\n")
    first = lines[0].strip() if lines else ""
    rest = "\n".join(lines[1:]).strip()
    if rest and _looks_like_title(first):
        return [Draft(text=rest, title=first)]
    return [Draft(text=text)]


def _looks_like_title(line: str) -> bool:
    # A headline is short and does not end like a sentence of body text.
    return 0 < len(line) <= _MAX_TITLE_CHARS and not line.endswith((".", ",", ";", ":"))
