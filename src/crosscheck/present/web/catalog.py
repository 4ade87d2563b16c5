"""The story list the app pages through, filters and sorts, decoded once per change of the
stored stories rather than on every request."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from crosscheck.present.report import order_stories
from crosscheck.present.story_query import Facets, Flag, Sort, StoryQuery, facets, matches, ordered
from crosscheck.present.web.errors import ApiError
from crosscheck.records import StoryRecord
from crosscheck.store import Store


@dataclass(frozen=True, slots=True)
class Listing:
    generation: int
    stories: tuple[StoryRecord, ...]  # most reported first
    facets: tuple[Facets, ...]
    countries: tuple[str, ...]  # the codes of the stories' places, for the list's filter

    @classmethod
    def of(cls, generation: int, stories: tuple[StoryRecord, ...]) -> Listing:
        found = tuple(map(facets, stories))
        return cls(
            generation, stories, found, tuple(sorted({c for f in found for c in f.countries}))
        )


@dataclass(frozen=True, slots=True)
class Found:
    total: int
    stories: list[StoryRecord]
    flags: list[tuple[Flag, ...]]  # each story's, in the same order


class Catalog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listing = Listing.of(-1, ())

    def listing(self, store: Store) -> Listing:
        generation = store.stories_generation()
        with self._lock:
            if self._listing.generation != generation:
                stories = tuple(order_stories(store.stories()))
                self._listing = Listing.of(generation, stories)
            return self._listing

    def search(self, store: Store, query: StoryQuery, offset: int, limit: int) -> Found:
        """The stories `query` asks for, in its order, `limit` of them from `offset`."""
        listing = self.listing(store)
        found = [i for i, f in enumerate(listing.facets) if matches(query, f)]
        page = ordered(query, found, listing.facets)[offset : offset + limit]
        return Found(
            len(found),
            [listing.stories[i] for i in page],
            [listing.facets[i].flags for i in page],
        )


def story_query(
    q: Annotated[str | None, Query(max_length=200, description="words to look for")] = None,
    since: Annotated[
        str | None, Query(max_length=10, description="incidents ending on or after (YYYY-MM-DD)")
    ] = None,
    until: Annotated[
        str | None, Query(max_length=10, description="incidents starting on or before")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=60, description="a place's country: code or name")
    ] = None,
    place: Annotated[str | None, Query(max_length=100, description="a place's name")] = None,
    min_killed: Annotated[
        str | None, Query(max_length=9, description="best killed estimate at least")
    ] = None,
    max_killed: Annotated[
        str | None, Query(max_length=9, description="best killed estimate at most")
    ] = None,
    flagged: Annotated[
        bool, Query(description="only stories whose toll has an outlier or is disputed")
    ] = False,
    sort: Annotated[Sort, Query(description="reports (most first), newest, oldest, killed")] = (
        "reports"
    ),
) -> StoryQuery:
    """The list's filters from a query string. An HTML form sends an empty field as "": it
    means no filter, for dates and numbers alike."""
    return StoryQuery(
        words=q or "",
        since=_date("since", since),
        until=_date("until", until),
        country=country or None,
        place=place or None,
        min_killed=_count("min_killed", min_killed),
        max_killed=_count("max_killed", max_killed),
        flagged=flagged,
        sort=sort,
    )


def _date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        message = f"{name}: {value!r} is not a date (YYYY-MM-DD)"
        raise ApiError(422, "invalid_request", message) from err


def _count(name: str, value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise ApiError(422, "invalid_request", f"{name}: {value!r} is not a whole number")
    return int(value)
