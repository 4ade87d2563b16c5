"""People and organisations named in an article, each mention tied to the fullest form of the
name the article uses ("Abdulkarim" -> "Khaled Abdulkarim", "the Observatory" -> "Syrian
Observatory for Human Rights").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from crosscheck.names import merge_names, name_parts
from crosscheck.records import Entity, EntityKind, Span

_KINDS: dict[str, EntityKind] = {"PERSON": "person", "ORG": "organisation"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:['’]s|['’])$")
# NER in the small model tags a few news-copy words as people or organisations.
_NOT_NAMES = frozenset({"police", "authorities", "officials", "he", "she", "they"})


def find_entities(doc: Doc, article: str) -> tuple[Entity, ...]:
    mentions = [m for ent in doc.ents if ent.label_ in _KINDS if (m := _mention(ent, article))]
    fullest = merge_names((kind, _display(span.text)) for kind, span in mentions)
    return tuple(
        Entity(span, kind, fullest[(kind, _display(span.text))]) for kind, span in mentions
    )


def _display(name: str) -> str:
    return re.sub(r"\s+", " ", name)


def _mention(ent: SpacySpan, article: str) -> tuple[EntityKind, Span] | None:
    text = _TRAILING.sub("", _LEADING.sub("", ent.text.strip())).strip(" ,.;:")
    if not text or text.lower() in _NOT_NAMES or not text[:1].isupper():
        return None
    kind = _KINDS[ent.label_]
    if kind == "person" and not name_parts(text):
        return None
    start = ent.start_char + ent.text.find(text)
    return kind, Span(article, start, start + len(text), text)
