"""What a parser found in one input, before it becomes an Article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.credits import credited_outlet
from crosscheck.ingest.decode import text_only
from crosscheck.ingest.errors import InputError
from crosscheck.ingest.identity import (
    article_id,
    content_hash,
    normalise_published,
    outlet_from_url,
    unwrap_url,
)
from crosscheck.ingest.language import language_problem
from crosscheck.records import Article, Rejection

_MIN_WORDS = 5
# spaCy's default `nlp.max_length`: its parser needs about 1 GB of memory per 100,000
# characters at that length. A report is a few thousand characters; a text this long is a
# dump of many, and is refused rather than analysed in pieces that no longer read as one.
MAX_TEXT_CHARS = 1_000_000
# Invisible characters that web copy carries inside words: a soft hyphen ("15-y\u00adear-old"),
# a zero-width space before a dateline ("\u200bNEW ORLEANS --"), a word joiner, a stray byte
# order mark. They split tokens, so names and numbers are not recognised. Joiners that
# shape other scripts (U+200C, U+200D) are left alone.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


@dataclass(slots=True)
class Draft:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: object = None
    url: str | None = None
    author: str | None = None
    id: str | None = None


def finish(draft: Draft, source: str) -> Article | Rejection:
    """Validate and canonicalise a draft into an Article, or say why it is not one."""
    text = _clean_text(draft.text)
    try:
        _check_text(text)
        published = normalise_published(draft.published)
    except InputError as err:
        return Rejection(source, str(err))
    title = _clean_line(draft.title)
    url = draft.url.strip() if draft.url and draft.url.strip() else None
    outlet = _clean_line(draft.outlet) or outlet_from_url(url) or credited_outlet(text)
    given_id = str(draft.id).strip() if draft.id not in (None, "") else None
    return Article(
        id=given_id or article_id(text, title, unwrap_url(url)),
        source=source,
        text=text,
        content_hash=content_hash(text),
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        author=_clean_line(draft.author),
    )


def _check_text(text: str) -> None:
    """Raise InputError saying why `text` is not a report crosscheck can analyse."""
    if not text:
        raise InputError("no article text")
    words = len(text.split())
    if words < _MIN_WORDS:
        raise InputError(f"too short to be a report ({words} words)")
    # Again here: a JSON string's escapes ("\u0001") only become characters once parsed.
    text_only(text)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"text is {len(text):,} characters, above the {MAX_TEXT_CHARS:,}-character limit "
            "for one report (several reports in one file? give each its own file or line)"
        )
    if problem := language_problem(text):
        raise InputError(problem)


def _clean_text(text: str | None) -> str:
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.translate(_INVISIBLE)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _clean_line(value: object) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value).translate(_INVISIBLE)).strip()
    return text or None
