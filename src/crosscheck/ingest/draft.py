"""What a parser found in one input, before it becomes an Article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.credits import credited_outlet
from crosscheck.ingest.identity import (
    article_id,
    content_hash,
    normalise_published,
    outlet_from_url,
    unwrap_url,
)
from crosscheck.records import Article, Rejection

_MIN_WORDS = 5
_MIN_WORDS_FOR_LANGUAGE = 60
# Function words cover a large share of any English prose and almost none of other languages.
_ENGLISH = frozenset(
    "the a an of to in and or for on at by with from that this is was were are be been has "
    "have had it its he she they his her their said says not but as after who which".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
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
    if not text:
        return Rejection(source, "no article text")
    words = len(text.split())
    if words < _MIN_WORDS:
        return Rejection(source, f"too short to be a report ({words} words)")
    if not _looks_english(text):
        return Rejection(source, "text does not look English; crosscheck analyses English reports")
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
        published=normalise_published(draft.published),
        url=url,
        author=_clean_line(draft.author),
    )


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


def _looks_english(text: str) -> bool:
    words = _WORD.findall(text[:5000].lower())
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.03
