"""The story list the app pages through and searches, decoded once per change of the
stored stories rather than on every request."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from crosscheck.normalise import normalise_text
from crosscheck.present.report import order_stories
from crosscheck.records import StoryRecord
from crosscheck.store import Store


@dataclass(frozen=True, slots=True)
class Listing:
    generation: int
    stories: tuple[StoryRecord, ...]
    search_text: tuple[str, ...]


class Catalog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listing = Listing(-1, (), ())

    def listing(self, store: Store) -> Listing:
        generation = store.stories_generation()
        with self._lock:
            if self._listing.generation != generation:
                stories = tuple(order_stories(store.stories()))
                self._listing = Listing(generation, stories, tuple(map(_search_text, stories)))
            return self._listing

    def search(
        self, store: Store, query: str | None, offset: int, limit: int
    ) -> tuple[int, list[StoryRecord]]:
        """Stories whose title, places, actors or outlets hold every word of `query`."""
        listing = self.listing(store)
        words = normalise_text(query or "").split()
        found = [
            s
            for s, text in zip(listing.stories, listing.search_text, strict=True)
            if all(w in text for w in words)
        ]
        return len(found), found[offset : offset + limit]


def _search_text(story: StoryRecord) -> str:
    incident = story.incident
    parts = [
        story.title or "",
        incident.date or "",
        incident.event_type or "",
        *(
            f"{p.get('name') or ''} {p.get('admin1') or ''} {p.get('country') or ''}"
            for p in incident.places
        ),
        *(a.name for a in story.actors),
        *incident.outlets,
    ]
    return normalise_text(" ".join(parts))
