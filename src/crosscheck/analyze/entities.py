"""People and organisations named in an article, each mention tied to the fullest form of the
name the article uses ("Abdulrahman" -> "Rami Abdulrahman", "the Observatory" -> "Syrian
Observatory for Human Rights").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from crosscheck.analyze.names import name_parts, same_organisation, same_person
from crosscheck.records import Entity, Span

_KINDS = {"PERSON": "person", "ORG": "organisation"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:['’]s|['’])$")
# NER in the small model tags a few news-copy words as people or organisations.
_NOT_NAMES = frozenset({"police", "authorities", "officials", "he", "she", "they"})


def find_entities(doc: Doc, article: str) -> tuple[Entity, ...]:
    mentions = [m for ent in doc.ents if ent.label_ in _KINDS if (m := _mention(ent, article))]
    canonical: list[Entity] = []
    resolved: list[Entity] = []
    for kind, span in sorted(mentions, key=lambda m: -len(m[1].text)):
        match = next((c for c in canonical if _same(kind, span.text, c)), None)
        entity = Entity(span, kind, match.name if match else _display(span.text))
        if match is None:
            canonical.append(entity)
        resolved.append(entity)
    return tuple(sorted(resolved, key=lambda e: e.span.start))


def _mention(ent: SpacySpan, article: str) -> tuple[str, Span] | None:
    text = _TRAILING.sub("", _LEADING.sub("", ent.text.strip())).strip(" ,.;:")
    if not text or text.lower() in _NOT_NAMES or not text[:1].isupper():
        return None
    kind = _KINDS[ent.label_]
    if kind == "person" and not name_parts(text):
        return None
    start = ent.start_char + ent.text.find(text)
    return kind, Span(article, start, start + len(text), text)


def _same(kind: str, name: str, known: Entity) -> bool:
    if kind != known.kind:
        return False
    if kind == "person":
        return same_person(name, known.name)
    return same_organisation(name, known.name)


def _display(name: str) -> str:
    return re.sub(r"\s+", " ", name)
