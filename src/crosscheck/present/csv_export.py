"""incidents.csv: one row per story, for spreadsheets and event datasets.

The first twelve columns are crosscheck's own (stable since 1.0); the rest follow the
UCDP GED and ACLED codebooks where a story's record has the same thing, so rows can be
merged into either dataset after review. The mapping is documented in the README.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from crosscheck.records import Estimate, StoryRecord

COLUMNS = (
    "story_id", "title", "date", "places", "killed_low", "killed_best", "killed_high",
    "injured_low", "injured_best", "injured_high", "articles", "independent_origins",
    # UCDP GED-like
    "date_start", "date_end", "where_coordinates", "latitude", "longitude", "where_prec",
    "adm_1", "country", "deaths_civilians", "deaths_security_forces", "deaths_fighters",
    "deaths_unknown",
    # ACLED-like
    "event_type", "sub_event_type", "location", "admin1", "geo_precision", "fatalities",
    "source", "actors", "notes",
    # Provenance
    "conflicts", "unverified",
)  # fmt: skip
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# UCDP where_prec: 1 the exact place, 4 a first-order region, 6 the country only.
_UCDP_PRECISION = {"town": 1, "district": 1, "point": 1, "region": 4, "country": 6}
# ACLED geo_precision: 1 the town itself, 2 a part of a region near it, 3 the province.
_ACLED_PRECISION = {"town": 1, "district": 1, "point": 1, "region": 3, "country": 3}


def incidents_csv(stories: Iterable[StoryRecord]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for story in stories:
        writer.writerow([_safe(v) for v in _row(story)])
    return buffer.getvalue()


def _row(story: StoryRecord) -> list[object]:
    incident = story.incident
    place = incident.places[0] if incident.places else {}
    precision = place.get("precision") or ""
    deaths = {c.category: c.estimate.best for c in incident.by_category if c.status == "killed"}
    named = sum(v for v in deaths.values() if v)
    unknown = (incident.killed.best - named) if incident.killed.best is not None else None
    return [
        story.id, story.title or "", incident.date or "",
        "; ".join(p.get("name", "") for p in incident.places),
        *_estimate(incident.killed), *_estimate(incident.injured),
        len(story.articles), story.independent_origins,
        incident.date_start or "", incident.date_end or "",
        place.get("name", ""), _blank(place.get("lat")), _blank(place.get("lon")),
        _blank(_UCDP_PRECISION.get(precision)), place.get("admin1") or "",
        place.get("country") or "",
        _blank(deaths.get("civilians")), _blank(deaths.get("security forces")),
        _blank(deaths.get("fighters")), _blank(unknown if unknown and unknown > 0 else None),
        incident.event_type or "", incident.sub_event_type or "", place.get("name", ""),
        place.get("admin1") or "", _blank(_ACLED_PRECISION.get(precision)),
        _blank(incident.killed.best), "; ".join(incident.outlets),
        "; ".join(a.name for a in story.actors if a.kind == "organisation"),
        story.brief[0].text if story.brief else "",
        "; ".join(c.reason for c in story.conflicts),
        "yes" if any(f.unverified_by for f in story.figures) else "",
    ]  # fmt: skip


def _estimate(estimate: Estimate) -> list[object]:
    return [_blank(v) for v in (estimate.low, estimate.best, estimate.high)]


def _blank(value: object) -> object:
    return "" if value is None else value


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
