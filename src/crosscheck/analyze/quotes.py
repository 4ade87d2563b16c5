"""Quotations and reported speech, with their speakers.

Direct quotes are found over the whole text, so a quotation that runs over several sentences
stays one quote. The speaker is looked for where news copy puts it: after the quote
('..., he said', '..., said Khaled Youssef, a vendor'), or before it ('X said: "..."',
'X: "..."'). A "he" or "she" speaker is the person the antecedent ranker picks among those
named before it (analyze/antecedents.py); a quote paragraph with no speaker of its own
continues the previous statement's speaker, quoted or reported.
Sentences without quotation marks that attribute a statement ("X said that ...",
"according to X") are reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from crosscheck.analyze.antecedents import Passage, antecedent_model, choose, fullest
from crosscheck.analyze.attribution import referred_organisation
from crosscheck.analyze.sentences import ends_in_abbreviation
from crosscheck.analyze.speech import Found, Source, Speech
from crosscheck.names import same_organisation, same_person
from crosscheck.records import Entity, Quote, Span, SpeakerFrom

_MIN_WORDS = 4  # shorter quoted runs are scare quotes or titles, not statements
# How far after a statement its speaker is still the passage's: a later quote paragraph
# with no speaker continues it.
_CONTINUATION_GAP = 400
_VERBS = (
    r"(?:said|says|told\s+[^,.\"“”]{1,40}?|added|wrote|stated|explained|recalled|warned"
    r"|continued|asked|posted|tweeted|declared|insisted|noted|according\s+to)"
)
_PRONOUN = r"(?:he|she|they|i|we)"
_WHO = r"(?P<who>[^,.;:\"“”]{1,80}?)"
_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*{_VERBS}\s+{_WHO}\s*(?:[,.;]|$)", re.I)
_AFTER_WHO_FIRST = re.compile(rf"^\s*,?\s*{_WHO}\s+{_VERBS}\b", re.I)
_COLON = re.compile(rf"{_WHO}:\s*$", re.I)
_BEFORE = (re.compile(rf"{_WHO}\s+{_VERBS}(?:\s+that)?\s*[,:]?\s*$", re.I), _COLON)
# Curly marks, straight marks, and the doubled apostrophes of archive copy (''We will
# rebuild,'' the mayor said), which close on the line they open on: a quotation running
# over paragraphs reopens each one.
_DIRECT = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"]+)\"|(?<![\w'])''(?P<c>[^\n]+?)''(?![\w'])")
_COMMA = re.compile(r",\s*")
_NAME_LIKE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}$")
_PRONOUNS = re.compile(rf"^{_PRONOUN}$", re.I)
# Subjects that name nobody when the text does not resolve them.
_UNRESOLVED = re.compile(rf"^(?:{_PRONOUN}|it|you|this|that|who|which)$", re.I)
_DESCRIPTION = re.compile(r"^(?:a|an|the|one|another|two|three)\s+|^(?:police|officials)", re.I)


def direct_quotes(article: str, text: str, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    return tuple(_direct_quotes(article, text, entities))


def find_quotes(
    direct: tuple[Quote, ...],
    sentences: tuple[Span, ...],
    attributions: tuple[str | None, ...],
    entities: tuple[Entity, ...],
    found: Found | None = None,
) -> tuple[Quote, ...]:
    """The direct quotes, their speaker the parse's (`found`) where the words around them
    gave none, and reported speech: what the parse found, and in the sentences where it
    found none, the sentence a source is named for (`attributions`, see
    attribution.attribution_in)."""
    found = found or Found()
    direct = tuple(_given_speaker(q, found, entities) for q in direct)
    quoted = [(q.span.start, q.span.end) for q in direct]
    parsed = _nested([_parsed(s, entities) for s in found.reported], found.reported)
    covered = [(q.span.start, q.span.end) for q in parsed]
    reported = [
        q
        for s, who in zip(sentences, attributions, strict=True)
        if who
        and not any(a < s.end and s.start < b for a, b in quoted)
        and not any(s.start <= a < s.end for a, _ in covered)
        for q in _reported(s, who, entities)
    ]
    quotes = sorted([*direct, *parsed, *reported], key=lambda q: q.span.start)
    return tuple(_continued(_antecedents(quotes, entities, sentences)))


def _nested(statements: list[Quote], speeches: tuple[Speech, ...]) -> list[Quote]:
    """A statement the parse found no subject for, inside another's content, is part of
    what that one reports: "party leaders said the candidate still has time to step up and
    show that he is worthy" is the leaders' "show that he is worthy" too. One whose subject
    names nobody the text resolves ("the governor said they had warned ...") stays
    unattributed."""
    out: list[Quote] = []
    for quote, speech in zip(statements, speeches, strict=True):
        outer = [
            o
            for o in statements
            if o.speaker is not None
            and o.span.start <= quote.span.start
            and quote.span.end <= o.span.end
        ]
        if speech.source is None and outer:
            around = min(outer, key=lambda o: o.span.end - o.span.start)
            quote = replace(
                quote,
                speaker=around.speaker,
                speaker_span=around.speaker_span,
                speaker_from=around.speaker_from,
            )
        out.append(quote)
    return out


def _continued(quotes: list[Quote]) -> list[Quote]:
    """A quotation with no speaker of its own continues the statement just before it, direct
    or reported, whoever gave that one its speaker (the words around it or the parse):
    'Trump is a "change agent," the senator said. "That is what people want."'"""
    out: list[Quote] = []
    last: Quote | None = None
    for quote in quotes:
        if (
            quote.kind == "direct"
            and quote.speaker is None
            and last is not None
            and quote.span.start - last.span.end < _CONTINUATION_GAP
        ):
            quote = replace(
                quote,
                speaker=last.speaker,
                speaker_span=last.speaker_span,
                speaker_from="continuation",
            )
        if quote.speaker is not None:
            last = quote
        out.append(quote)
    return out


def _antecedents(
    quotes: list[Quote], entities: tuple[Entity, ...], sentences: tuple[Span, ...]
) -> list[Quote]:
    """A "he said" or "she said" goes to the person the antecedent ranker picks among those
    named before it (analyze/antecedents.py), rather than to whoever was named last."""
    passage = Passage.of(sentences, entities, quotes)
    model = antecedent_model()
    out = []
    for quote in quotes:
        pronoun = quote.speaker_span
        if quote.speaker_from == "pronoun" and pronoun and pronoun.text.lower() in ("he", "she"):
            chosen = choose(pronoun, passage, model)
            if chosen is not None:
                quote = replace(quote, speaker=chosen)
        out.append(quote)
    return out


def _given_speaker(quote: Quote, found: Found, entities: tuple[Entity, ...]) -> Quote:
    source = found.speakers.get((quote.span.start, quote.span.end))
    # The parse's subject of a speech verb in the quote's own sentence comes before the
    # statement the quote may continue (`_continued`).
    if quote.speaker_from is not None or source is None:
        return quote
    speaker = _parsed_source(source, entities, quote.span.start)
    return replace(quote, speaker=speaker[0], speaker_span=speaker[1], speaker_from=speaker[2])


def _parsed_source(
    source: Source, entities: tuple[Entity, ...], before: int
) -> tuple[str | None, Span | None, SpeakerFrom | None]:
    """Who the subject the parse gave names; a subject that names nobody the text resolves
    is kept as the description it is ("a local doctor"), unless it is a bare pronoun."""
    words = source.words
    speaker = _resolve(words, entities, before, named_like=True, head=source.head)
    if speaker[0] is None and not _UNRESOLVED.match(words.text):
        return _tidy(words.text), words, "description"
    return speaker


def _parsed(speech: Speech, entities: tuple[Entity, ...]) -> Quote:
    content = speech.content
    if speech.source is None:
        return Quote(content, content.text, "reported")
    speaker = _parsed_source(speech.source, entities, speech.source.words.start)
    return Quote(content, content.text, "reported", *speaker)


def _direct_quotes(article: str, text: str, entities: tuple[Entity, ...]) -> Iterator[Quote]:
    """Quotations with the speaker the words around each name; one they name none for is
    left to the parse, then to the statement before it (`_continued`)."""
    for match in _DIRECT.finditer(text):
        group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
        inner = match.group(group)
        if len(inner.split()) < _MIN_WORDS:
            continue
        start, end = match.span(group)
        speaker = _speaker(text, match.start(), match.end(), entities, article)
        yield Quote(Span(article, start, end, inner), inner.strip(), "direct", *speaker)


def _speaker(
    text: str, start: int, end: int, entities: tuple[Entity, ...], article: str
) -> tuple[str | None, Span | None, SpeakerFrom | None]:
    tail = text[end : end + 120].split("\n", 1)[0]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST):
        match = pattern.match(tail)
        # "Roe wrote:" after a quotation opens the next one.
        if match and not tail[match.end() :].lstrip().startswith(":"):
            found = _who(match, end, entities, article, before=start)
            if found[0]:
                return found
    head_start = max(0, start - 160, text.rfind("\n", 0, start) + 1)
    head = text[head_start:start]
    for pattern in _BEFORE:
        match = pattern.search(head)
        if match and (pattern is not _COLON or _opens_sentence(head[: match.start("who")])):
            return _who(match, head_start, entities, article, before=start)
    return None, None, None


def _opens_sentence(lead: str) -> bool:
    """Do the words before a name open its sentence ("Roe: ..." but not "said of Roe:")?
    A title before the name ("Mr. Roe:") is part of it."""
    lead = lead.rstrip()
    if lead and ends_in_abbreviation(lead):
        lead = lead[: lead.rfind(" ") + 1].rstrip()
    return not lead or lead[-1] in ".!?\"”'’"


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
    found = _resolve(Span(article, begin, begin + len(who), who), entities, before)
    if found[2] == "name":
        return found
    # '..., said the agency's director, Jane Roe': the apposition names who the role is.
    comma = _COMMA.match(match.string, match.end("who"))
    if comma is not None:
        at = offset + comma.end()
        # A person or an organisation: NER takes many a foreign name for an organisation.
        named = next((e for e in entities if e.span.start == at), None)
        if named is not None:
            return fullest(named, entities), named.span, "name"
    return found


def _resolve(
    span: Span,
    entities: tuple[Entity, ...],
    before: int,
    named_like: bool = False,
    head: int | None = None,
) -> tuple[str | None, Span | None, SpeakerFrom | None]:
    """Who the words of `span` name: the entity holding their `head` word, another entity
    inside them, a pronoun's nearest fitting antecedent before `before`, a person the
    article names elsewhere, or a description. With `named_like`, a capitalised run NER
    missed is taken as the name it is."""
    who = span.text
    named = [e for e in entities if span.start <= e.span.start < span.end]
    if named:
        # A person named inside the words is who speaks for the body beside it:
        # "the agency's spokesman Jane Roe", "Jane Roe of the agency".
        at_head = next((e for e in named if e.span.start <= (head or -1) < e.span.end), None)
        who_named = at_head or next((e for e in named if e.kind == "person"), named[0])
        return fullest(who_named, entities), who_named.span, "name"
    if _PRONOUNS.match(who):
        if who.lower() not in ("he", "she"):
            return None, None, None
        person = _nearest_person(entities, before)
        return (person.name, span, "pronoun") if person else (None, None, None)
    if who.lower() == "it":  # "it said": the organisation last named
        body = _nearest(entities, before, "organisation")
        return (body.name, span, "pronoun") if body else (None, None, None)
    known = _known_person(who, entities) or _known_person(_word_at(span, head), entities)
    if known:
        return known.name, span, "name"
    body = referred_organisation(_tidy(who), entities, before)
    if body is not None:
        return body.name, span, "pronoun"
    if _DESCRIPTION.match(who) and len(who.split()) <= 8:
        return _tidy(who), span, "description"
    if named_like and _NAME_LIKE.match(who):
        return who, span, "name"
    return None, None, None


def _word_at(span: Span, at: int | None) -> str:
    """The word of `span` starting at `at` ("Roe" of "Roe at the time"), or ""."""
    if at is None or not span.start <= at < span.end:
        return ""
    words = span.text[at - span.start :].split()
    return words[0] if words else ""


def _known_person(who: str, entities: tuple[Entity, ...]) -> Entity | None:
    """A name NER missed ("Sharaa:" opening a paragraph) that the article names elsewhere."""
    if not _NAME_LIKE.match(who):
        return None
    return next((e for e in entities if e.kind == "person" and same_person(who, e.name)), None)


def _nearest_person(entities: tuple[Entity, ...], before: int) -> Entity | None:
    return _nearest(entities, before, "person")


def _nearest(entities: tuple[Entity, ...], before: int, kind: str) -> Entity | None:
    named = [e for e in entities if e.kind == kind and e.span.end <= before]
    return named[-1] if named else None


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
