"""Sentence boundaries with character offsets, aware of the abbreviations news copy uses
(data/sentences.json)."""

from __future__ import annotations

import re
from functools import cache

from crosscheck.records import Span
from crosscheck.rulefiles import rule_examples, rule_file


@cache
def abbreviations() -> frozenset[str]:
    """The words whose period ends no sentence ("Sgt. Omar Khalil", "6 p.m. Sunday", "U.S.
    forces"): data/sentences.json, read once per process."""
    entries = rule_file("sentences.json")["words"].values()
    return frozenset(word for entry in entries for word in entry["words"])


def sentence_examples() -> list[dict]:
    return rule_examples(rule_file("sentences.json"))


_BOUNDARY = re.compile(
    r"(?<=[.!?])(?:''|[\"”’)\]])*\s+(?=(?:''|[\"“‘(\[])?[A-Z0-9])|\n\s*\n|\n(?=\s*[\"“A-Z0-9])"
    # Paragraphs a scraper joined with no space: "... a heart attack.The businessman ...".
    # Two lower-case letters before the stop keep initials and "U.S." whole.
    r"|(?<=[a-z][a-z][.!?])[”’)\]]*(?=\"?[A-Z][a-z])"
)
# A dateline's state abbreviation ends no sentence: "STAR TOWNSHIP, Mich. (AP) — An 11-year-old".
_DATELINE_STATE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'-]{2,},\s*[A-Z][A-Za-z.]{0,6}\.$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"”’)\]]*$")


def split_sentences(article_id: str, text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end, after = match.start(), match.end()
        chunk = text[start:end].rstrip()
        if ends_in_abbreviation(chunk) or _DATELINE_STATE.search(chunk):
            continue
        if end == after and _inside_address(text, end):
            continue
        if text[after : after + 1] == '"' and chunk.count('"') % 2:
            after += 1  # joined after a quotation: its closing mark, not the next one's opening
        _append(spans, article_id, text, start, end)
        start = after
    _append(spans, article_id, text, start, len(text))
    return tuple(spans)


def _inside_address(text: str, at: int) -> bool:
    """A glued stop inside a web or mail address ("www.Example.Com/News") is no boundary."""
    before, after = text[:at].split(), text[at:].split()
    run = (before[-1] if before else "") + (after[0] if after else "")
    return run.count(".") > 1 or any(mark in run for mark in ("/", "@", "www"))


def ends_in_abbreviation(chunk: str) -> bool:
    match = _LAST_WORD.search(chunk)
    if not match:
        return False
    word = match.group(1).lower()
    # Single capital initials ("John F. Kennedy") never end a sentence here.
    return word in abbreviations() or (len(word) == 1 and chunk[-2:-1].isupper())


def _append(spans: list[Span], article_id: str, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(article_id, start, end, text[start:end]))
