"""Places: town names found where news copy puts them, geocoded and disambiguated offline.

Precision first: a capitalised name counts as a town only in a dateline, before ", State",
or after a locative preposition ("in", "near", "outside"). Among towns of the same name the
one in a US state or country the article mentions wins, else the most populous.
"""

from __future__ import annotations

import re

from crosscheck.analyze.gazetteer import Gazetteer, Town
from crosscheck.records import Place, Span

_CAPS = r"(?:(?:St\.|Ft\.|Mt\.)\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}"
_CANDIDATE = re.compile(
    rf"\b(?:in|near|outside|at|from|across)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
    rf"(?P<name>{_CAPS})(?=\s*(?P<state>,\s*[A-Z][\w.]+(?:\s+[A-Z][a-z]+)?)?)"
)
_DATELINE = re.compile(
    r"^(?P<name>[A-Z][A-Z .'-]{2,})(?:,\s*(?P<region>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?\s*[(—–-]"
)


def find_places(sentences: tuple[Span, ...], gazetteer: Gazetteer, text: str) -> tuple[Place, ...]:
    context_states = {gazetteer.states[s] for s in _mentioned(text, gazetteer.states)}
    context_countries = {gazetteer.countries[c] for c in _mentioned(text, gazetteer.countries)}
    found: list[Place] = []
    dateline = _DATELINE.match(text)
    if dateline:
        place = _resolve(
            dateline.group("name").title(),
            dateline.group("region"),
            gazetteer,
            context_states,
            context_countries,
        )
        if place:
            found.append(_place(sentences[0].article if sentences else "", dateline, place))
    for sentence in sentences:
        found.extend(_regions(sentence, gazetteer))
        for match in _CANDIDATE.finditer(sentence.text):
            region = (match.group("state") or "").strip(", ") or None
            town = _resolve(
                match.group("name"), region, gazetteer, context_states, context_countries
            )
            if town:
                found.append(_place(sentence.article, match, town, offset=sentence.start))
    return tuple(found)


def _resolve(
    name: str, region: str | None, gazetteer: Gazetteer, states: set[str], countries: set[str]
) -> Town | None:
    towns = gazetteer.lookup(name)
    if not towns:
        return None
    if region and region in gazetteer.states:
        in_region = [t for t in towns if t.admin1 == gazetteer.states[region]]
        return in_region[0] if in_region else None
    for pick in (
        [t for t in towns if t.admin1 in states],
        [t for t in towns if t.country in countries],
    ):
        if pick:
            return pick[0]
    return towns[0]


def _place(article: str, match: re.Match, town: Town, offset: int = 0) -> Place:
    start, end = offset + match.start("name"), offset + match.end("name")
    return Place(
        span=Span(article, start, end, match.group("name")),
        name=town.name,
        lat=town.lat,
        lon=town.lon,
        admin1=town.admin1,
        country=town.country,
        precision="town",
    )


def _mentioned(text: str, names: dict[str, str]) -> list[str]:
    return [n for n in names if n in text and re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text)]


def _regions(sentence: Span, gazetteer: Gazetteer) -> list[Place]:
    """US states named in full: region-level places, for stories whose town is not found."""
    places = []
    for name in _mentioned(sentence.text, gazetteer.states):
        if "." in name:
            continue  # AP abbreviations only count after a town ("Sacramento, Calif.")
        for match in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", sentence.text):
            start = sentence.start + match.start()
            places.append(
                Place(
                    Span(sentence.article, start, start + len(name), name),
                    name,
                    None,
                    None,
                    gazetteer.states[name],
                    "US",
                    "region",
                )
            )
    return places
