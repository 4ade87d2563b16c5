"""incidents.csv: one row per story, for spreadsheets and event datasets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from crosscheck.records import StoryRecord

COLUMNS = (
    "story_id", "title", "date", "places", "killed_low", "killed_best", "killed_high",
    "injured_low", "injured_best", "injured_high", "articles", "independent_origins",
)  # fmt: skip
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def incidents_csv(stories: Iterable[StoryRecord]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for story in stories:
        writer.writerow([_safe(v) for v in _row(story)])
    return buffer.getvalue()


def _row(story: StoryRecord) -> list[object]:
    incident = story.incident
    return [
        story.id, story.title or "", incident.date or "",
        "; ".join(p.get("name", "") for p in incident.places),
        *_estimate(incident.killed), *_estimate(incident.injured),
        len(story.articles), story.independent_origins,
    ]  # fmt: skip


def _estimate(estimate) -> list[object]:
    return ["" if v is None else v for v in (estimate.low, estimate.best, estimate.high)]


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
