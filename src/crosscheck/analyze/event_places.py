"""Where the incident happened, from the parse: a place tied to a word of the incident
("kidnapped three Europeans in X", "an attack on the command post in X", "the murder of
three journalists in X") through prepositions and the nouns they modify.

A wire report's dateline names where it was filed; which country the incident is in is
what tells whether that is also the story's place. The words live in data/incidents.json
beside the casualty words, each with examples a test runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from crosscheck.analyze.parsing import Parses
from crosscheck.analyze.tolls import tolls_lexicon
from crosscheck.records import Place

# The relations a place climbs to reach the incident's word: its own name's parts, the
# preposition it is the object of, and the noun or verb that preposition modifies ("in
# the town of X": X → of → town → in → kidnapped).
_CLIMB = frozenset({"compound", "flat", "appos", "conj", "pobj", "prep", "agent", "npadvmod"})
# Prepositions of place and of what a word is about: not "with", "to" or "from", which
# tie a place to a party ("relations with X", "extradited to X") rather than a scene.
_OF_PLACE = frozenset(
    {"in", "at", "near", "on", "of", "outside", "inside", "around", "across", "under", "along"}
)
# Above the place's own preposition, the incident's target or agent may come between: "an
# attack against the police post at X", "ambushed by guerrillas at X" (where the parser
# hangs the place on the agent).
_ON_THE_WAY = _OF_PLACE | {"against", "by"}
_MOST_HOPS = 8


@cache
def _lexicon() -> dict:
    return json.loads(resources.files("crosscheck").joinpath("data/incidents.json").read_text())


@cache
def incident_words() -> frozenset[str]:
    """The incident's words: data/incidents.json's and every casualty word."""
    return frozenset(_lexicon()["words"]) | tolls_lexicon().words


def incident_examples() -> list[dict]:
    return list(_lexicon()["examples"])


def incident_places(parses: Parses, places: Sequence[Place]) -> list[Place]:
    """Those of `places` (of the text, not the headline) that the parse ties to a word of
    the incident in the lead, in the order given. Below the lead, reports recall other
    incidents as often as they tell more of this one."""
    words = incident_words()
    starts = {p.span.start for p in places if not p.in_title}
    lead = _lexicon()["lead_sentences"]

    def wanted(index: int, tokens: SpacySpan) -> bool:
        return (
            index < lead
            and any(tokens.start_char <= s < tokens.end_char for s in starts)
            and not parses.words(index).isdisjoint(words)
        )

    tied: set[int] = set()
    for parsed in parses.of(wanted):
        end = parsed.offset + len(parsed.doc.text)
        # Only the sentence's own places: another's offsets fall outside this parse.
        for place in (p for p in places if parsed.offset <= p.span.start < end):
            name = parsed.doc.char_span(
                place.span.start - parsed.offset, place.span.end - parsed.offset,
                alignment_mode="expand",
            )  # fmt: skip
            if not place.in_title and name is not None and _tied(name.root, words):
                tied.add(place.span.start)
    return [p for p in places if not p.in_title and p.span.start in tied]


def _tied(token: Token, words: frozenset[str]) -> bool:
    """Does `token` reach a word of the incident through its name, prepositions of place
    and the nouns they modify?"""
    node, own = token, True
    for _ in range(_MOST_HOPS):
        if node.dep_ not in _CLIMB or node.head is node:
            return False
        if node.dep_ == "pobj":
            if node.head.lower_ not in (_OF_PLACE if own else _ON_THE_WAY):
                return False
            own = False
        node = node.head
        if node.lower_ in words:
            return True
    return False
