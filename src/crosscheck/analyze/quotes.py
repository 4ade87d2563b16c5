"""Quotations and reported speech, with their speakers.

Direct quotes are found over the whole text, so a quotation that runs over several sentences
stays one quote. The speaker is looked for where news copy puts it: after the quote
('..., he said', '..., said Khaled Youssef, a vendor'), or before it ('X said: "..."',
'X: "..."'). A pronoun speaker is resolved to the nearest person named before the quote; a
quote paragraph with no speaker of its own continues the previous quote's speaker.
Sentences without quotation marks that attribute a statement ("X said that ...",
"according to X") are reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from crosscheck.names import same_organisation, same_person
from crosscheck.records import Entity, Quote, Span, SpeakerFrom

_MIN_WORDS = 4  # shorter quoted runs are scare quotes or titles, not statements
_CONTINUATION_GAP = 400
_VERBS = (
    r"(?:said|says|told\s+[^,.\"“”]{1,40}?|added|wrote|stated|explained|recalled|warned"
    r"|continued|asked|posted|tweeted|declared|insisted|noted|according\s+to)"
)
_PRONOUN = r"(?:he|she|they|i|we)"
_WHO = r"(?P<who>[^,.;:\"“”]{1,80}?)"
_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*{_VERBS}\s+{_WHO}\s*(?:[,.;]|$)", re.I)
_AFTER_WHO_FIRST = re.compile(rf"^\s*,?\s*{_WHO}\s+{_VERBS}\b", re.I)
_BEFORE = (
    re.compile(rf"{_WHO}\s+{_VERBS}(?:\s+that)?\s*[,:]?\s*$", re.I),
    re.compile(rf"{_WHO}:\s*$", re.I),
)
_DIRECT = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"]+)\"")
_NAME_LIKE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}$")
_PRONOUNS = re.compile(rf"^{_PRONOUN}$", re.I)
_DESCRIPTION = re.compile(r"^(?:a|an|the|one|another|two|three)\s+|^(?:police|officials)", re.I)


def find_quotes(
    article: str,
    text: str,
    sentences: tuple[Span, ...],
    attributions: tuple[str | None, ...],
    entities: tuple[Entity, ...],
) -> tuple[Quote, ...]:
    """`attributions` gives each sentence's named source (see attribution.attribution_in)."""
    direct = list(_direct_quotes(article, text, entities))
    quoted = [(q.span.start, q.span.end) for q in direct]
    reported = [
        q
        for s, who in zip(sentences, attributions, strict=True)
        if who and not any(a < s.end and s.start < b for a, b in quoted)
        for q in _reported(s, who, entities)
    ]
    return tuple(sorted([*direct, *reported], key=lambda q: q.span.start))


def _direct_quotes(article: str, text: str, entities: tuple[Entity, ...]) -> Iterator[Quote]:
    previous: Quote | None = None
    for match in _DIRECT.finditer(text):
        inner = match.group("a") or match.group("b") or ""
        if len(inner.split()) < _MIN_WORDS:
            continue
        start, end = match.start() + 1, match.end() - 1
        speaker = _speaker(text, match.start(), match.end(), entities, article)
        if speaker[0] is None and previous and start - previous.span.end < _CONTINUATION_GAP:
            speaker = (previous.speaker, previous.speaker_span, "continuation")
        quote = Quote(Span(article, start, end, inner), inner.strip(), "direct", *speaker)
        previous = quote
        yield quote


def _speaker(
    text: str, start: int, end: int, entities: tuple[Entity, ...], article: str
) -> tuple[str | None, Span | None, SpeakerFrom | None]:
    tail = text[end : end + 120].split("\n", 1)[0]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST):
        match = pattern.match(tail)
        if match:
            found = _who(match, end, entities, article, before=start)
            if found[0]:
                return found
    head_start = max(0, start - 160, text.rfind("\n", 0, start) + 1)
    head = text[head_start:start]
    for pattern in _BEFORE:
        match = pattern.search(head)
        if match:
            return _who(match, head_start, entities, article, before=start)
    return None, None, None


def _who(
    match: re.Match,
    offset: int,
    entities: tuple[Entity, ...],
    article: str,
    before: int,
) -> tuple[str | None, Span | None, SpeakerFrom | None]:
    raw = match.group("who")
    who = raw.strip()
    begin = offset + match.start("who") + (len(raw) - len(raw.lstrip()))
    span = Span(article, begin, begin + len(who), who)
    named = [e for e in entities if begin <= e.span.start < begin + len(who)]
    if named:
        return named[0].name, named[0].span, "name"
    if _PRONOUNS.match(who):
        if who.lower() not in ("he", "she"):
            return None, None, None
        person = _nearest_person(entities, before)
        return (person.name, span, "pronoun") if person else (None, None, None)
    known = _known_person(who, entities)
    if known:
        return known.name, span, "name"
    if _DESCRIPTION.match(who) and len(who.split()) <= 8:
        return _tidy(who), span, "description"
    return None, None, None


def _known_person(who: str, entities: tuple[Entity, ...]) -> Entity | None:
    """A name NER missed ("Sharaa:" opening a paragraph) that the article names elsewhere."""
    if not _NAME_LIKE.match(who):
        return None
    return next((e for e in entities if e.kind == "person" and same_person(who, e.name)), None)


def _nearest_person(entities: tuple[Entity, ...], before: int) -> Entity | None:
    people = [e for e in entities if e.kind == "person" and e.span.end <= before]
    return people[-1] if people else None


def _reported(sentence: Span, who: str, entities: tuple[Entity, ...]) -> Iterator[Quote]:
    named = next((e for e in entities if _refers_to(e, who) and _inside(e.span, sentence)), None)
    if named:
        yield Quote(sentence, sentence.text, "reported", named.name, named.span, "name")
    else:
        yield Quote(sentence, sentence.text, "reported", _tidy(who), None, "description")


def _refers_to(entity: Entity, who: str) -> bool:
    if entity.kind == "person":
        return same_person(entity.span.text, who)
    return same_organisation(entity.span.text, who) or entity.span.text in who


def _inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start < sentence.end


def _tidy(who: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", who.strip(), flags=re.I).rstrip(".,;:")
