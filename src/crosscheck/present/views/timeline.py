"""A story's timeline: the days its events happened on (above the axis) and when each
report was published (below), so a late or early report stands out at a glance."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

WIDTH = 760
MARGIN = 70
ROW = 18  # pixels between label rows
CHAR = 6.2  # approximate width of one label character at the timeline's font size
MAX_ROWS = 6


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    label: str
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

    above = _rows(events, x_of)
    below = _rows(reports, x_of)
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


def _rows(entries: Sequence[Entry], x_of: Callable[[datetime], float]) -> list[tuple[Entry, int]]:
    """Stack labels in rows so none overlaps the one before it in its row."""
    ends: list[float] = []
    placed = []
    for entry in sorted(entries, key=lambda e: e.when):
        x = x_of(entry.when)
        row = next((i for i, end in enumerate(ends) if end < x), None)
        if row is None:
            row = min(len(ends), MAX_ROWS - 1)
            if row == len(ends):
                ends.append(0.0)
        ends[row] = x + len(entry.label) * CHAR + 8
        placed.append((entry, row))
    return placed


def _ticks(first: date, last: date, x_of: Callable[[datetime], float]) -> tuple[Tick, ...]:
    days = (last - first).days
    step = max(1, math.ceil(days / 6))
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
