"""A story's timeline: the days its events happened on (above the axis) and when each
report was published (below), so a late or early report stands out at a glance.

Entries closer than a label's reach on the axis are one mark ("5 reports"), its tooltip
listing them; labels are stacked in rows, and one that fits in no row is left out (its mark
and tooltip stay) rather than drawn over another. The page runs no scripts, so the detail
lives in the marks' <title> tooltips and the links to each report."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

WIDTH = 760
MARGIN = 70
ROW = 18  # pixels between label rows
# Width of one label character at the timeline's 11px font, erring wide (capitals, digits).
CHAR = 7.0
MAX_ROWS = 4
# Entries nearer each other than this on the axis are one mark.
NEAR = 24.0


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    label: str  # "" when it fits in no row: the mark keeps its tooltip
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineView:
    width: int
    height: int
    axis_y: int
    ticks: tuple[Tick, ...]
    events: tuple[Mark, ...]
    reports: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """Something that happened at `when`: an event the reports date, or a report."""

    when: datetime
    label: str
    title: str
    href: str


def timeline(events: Sequence[Entry], reports: Sequence[Entry]) -> TimelineView | None:
    """None when nothing in the story carries a date."""
    if not events and not reports:
        return None
    times = [e.when for e in (*events, *reports)]
    start = datetime.combine(min(times).date(), datetime.min.time())
    end = datetime.combine(max(times).date(), datetime.min.time()) + timedelta(days=1)
    days = (end - start).total_seconds() / 86400

    def x_of(when: datetime) -> float:
        return round(
            MARGIN + (when - start).total_seconds() / 86400 / days * (WIDTH - 2 * MARGIN), 1
        )

    above = _rows(_grouped(events, x_of, "events"), x_of)
    below = _rows(_grouped(reports, x_of, "reports"), x_of)
    axis_y = 14 + ROW * max(1, max((r for _, r in above), default=0) + 1)
    height = axis_y + 40 + ROW * max((r for _, r in below), default=0)
    return TimelineView(
        width=WIDTH,
        height=height,
        axis_y=axis_y,
        ticks=_ticks(start.date(), end.date(), x_of),
        events=tuple(
            Mark(x_of(e.when), axis_y - 10 - ROW * row, e.label, e.title, e.href)
            for e, row in above
        ),
        reports=tuple(
            Mark(x_of(e.when), axis_y + 32 + ROW * row, e.label, e.title, e.href)
            for e, row in below
        ),
    )


def _grouped(entries: Sequence[Entry], x_of: Callable[[datetime], float], noun: str) -> list[Entry]:
    """Runs of entries within NEAR of the run's first, each one entry: the first's time
    and link, a count for label, and every member's label and title in its tooltip."""
    groups: list[list[Entry]] = []
    for entry in sorted(entries, key=lambda e: (e.when, e.label)):
        if groups and x_of(entry.when) - x_of(groups[-1][0].when) < NEAR:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return [
        Entry(
            g[0].when,
            g[0].label if len(g) == 1 else _count(g, noun),
            "\n".join(_tip(e) for e in g),
            g[0].href,
        )
        for g in groups
    ]


def _tip(entry: Entry) -> str:
    return entry.label if entry.title in ("", entry.label) else f"{entry.label}: {entry.title}"


def _count(group: list[Entry], noun: str) -> str:
    labels = {e.label for e in group}
    return f"{group[0].label} ({len(group)})" if len(labels) == 1 else f"{len(group)} {noun}"


def _rows(entries: Sequence[Entry], x_of: Callable[[datetime], float]) -> list[tuple[Entry, int]]:
    """Stack labels in rows so none overlaps another in its row; a label that fits in no
    row and would run past the right edge is blanked, never overlapped."""
    ends: list[float] = []
    placed = []
    for entry in sorted(entries, key=lambda e: e.when):
        x = x_of(entry.when)
        width = len(entry.label) * CHAR + 8
        row = next((i for i, end in enumerate(ends) if end < x), None)
        if row is None and len(ends) < MAX_ROWS:
            row = len(ends)
            ends.append(0.0)
        if row is None or x + width > WIDTH:
            # Its tooltip (`_grouped`) already names every report the mark stands for.
            placed.append((replace(entry, label=""), 0))
            continue
        ends[row] = x + width
        placed.append((entry, row))
    return placed


def _ticks(first: date, last: date, x_of: Callable[[datetime], float]) -> tuple[Tick, ...]:
    """Day ticks far enough apart for their labels (an ISO day is ten characters)."""
    days = (last - first).days
    room = (WIDTH - 2 * MARGIN) / (10 * CHAR + 12)
    step = max(1, math.ceil(days / max(room, 1)))
    return tuple(
        Tick(x_of(datetime.combine(day, datetime.min.time())), day.isoformat())
        for n in range(0, days + 1, step)
        if (day := first + timedelta(days=n))
    )


def parse_when(value: str | None) -> datetime | None:
    """A day or a timestamp as stored ("2025-03-07", "2025-03-07T14:05:00+00:00")."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            when = datetime.combine(date.fromisoformat(value[:10]), datetime.min.time())
        except ValueError:
            return None
    return when.replace(tzinfo=None)
