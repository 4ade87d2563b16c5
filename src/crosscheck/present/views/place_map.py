"""A story's map: its geocoded places over the country outlines around them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.present.views.basemap import Basemap

ASPECT = 1.6  # width / height of every map, so the page layout does not jump
MIN_WIDTH = 12.0  # degrees: a town alone still shows its region around it
PAD = 1.5


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    radius: float
    label: str
    precision: str  # town | region | country: drawn solid for towns, as a ring otherwise
    detail: str


@dataclass(frozen=True, slots=True)
class MapView:
    view_box: str
    countries: tuple[str, ...]  # iso codes of the outlines to draw
    markers: tuple[Marker, ...]
    font_size: float
    source: str


def place_map(places: Sequence[dict], base: Basemap) -> MapView | None:
    """None when no place of the story could be geocoded."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not located:
        return None
    lons = [p["lon"] for p in located]
    lats = [p["lat"] for p in located]
    width = max((max(lons) - min(lons)) * PAD, (max(lats) - min(lats)) * PAD * ASPECT, MIN_WIDTH)
    height = width / ASPECT
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    west, south = cx - width / 2, cy - height / 2
    radius = width / 110
    return MapView(
        view_box=f"{west:.3f} {-(south + height):.3f} {width:.3f} {height:.3f}",
        countries=tuple(c.iso for c in base.within(west, south, west + width, south + height)),
        markers=tuple(
            Marker(
                x=round(p["lon"], 4),
                y=round(-p["lat"], 4),
                radius=radius * (1 if p.get("precision") == "town" else 2.2),
                label=p.get("name") or "",
                precision=p.get("precision") or "town",
                detail=_detail(p),
            )
            for p in located
        ),
        font_size=round(width / 40, 3),
        source=base.source,
    )


def _detail(place: dict) -> str:
    where = ", ".join(x for x in (place.get("admin1"), place.get("country")) if x)
    count = place.get("articles")
    named = f"named in {count} article{'s' if count != 1 else ''}" if count else ""
    return " · ".join(x for x in (where, place.get("precision"), named) if x)
