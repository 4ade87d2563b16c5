"""A story's map: its geocoded places over the country outlines, first-level division
boundaries and largest towns around them.

The map is fitted to the story's places with a margin, and never narrower than MIN_WIDTH
degrees, so a story in one town still shows its region. Labels are placed greedily, the
place most articles name first, at the first of four spots around its marker (right, left,
above, below) where the label's box meets no label or marker already placed; a label with no
free spot is left out, its marker and tooltip kept. Context towns come after every story
place, largest first, and are drawn only where their label fits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from crosscheck.present.views.basemap import Basemap

ASPECT = 1.6  # width / height of every map, so the page layout does not jump
MIN_WIDTH = 4.0  # degrees: a town alone still shows its region and neighbouring towns
PAD = 1.5  # the places' span times this: a margin of a quarter of it on each side
# Boundaries of first-level divisions are drawn on maps narrower than this (degrees); wider
# maps are of whole countries, where they would only clutter.
BOUNDARIES_UP_TO = 40.0
CONTEXT_TOWNS = 6  # at most, largest first, of those whose label finds a free spot
CONTEXT_FONT = 0.85  # of the story places' font size
# A label's box, in font sizes: width per character (erring wide) and height.
CHAR_WIDTH = 0.62
LINE = 1.2


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    radius: float
    label: str  # "" when no spot around the marker is free: the tooltip still names it
    precision: str  # town | region | country: drawn solid for towns, as a ring otherwise
    detail: str
    label_x: float = 0.0
    label_y: float = 0.0  # the label's baseline
    anchor: str = "start"  # SVG text-anchor
    name: str = ""  # the place's name, whether or not a label shows it


@dataclass(frozen=True, slots=True)
class ContextTown:
    """A town of the region that no report names, drawn to show where the story's places
    are; never drawn without its label."""

    x: float
    y: float
    radius: float
    name: str
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True, slots=True)
class MapView:
    view_box: str
    countries: tuple[str, ...]  # iso codes of the outlines to draw
    markers: tuple[Marker, ...]
    font_size: float
    source: str
    boundaries: tuple[str, ...] = ()  # ids of the basemap's boundary tiles to draw
    towns: tuple[ContextTown, ...] = ()
    town_font_size: float = 0.0


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
    font = round(width / 40, 3)
    markers = [
        Marker(
            x=round(p["lon"], 4),
            y=round(-p["lat"], 4),
            radius=radius * (1 if p.get("precision") == "town" else 2.2),
            label=p.get("name") or "",
            precision=p.get("precision") or "town",
            detail=_detail(p),
            name=p.get("name") or "",
        )
        for p in sorted(located, key=lambda p: -(p.get("articles") or 0))
    ]
    bounds = (west, south, west + width, south + height)
    taken: list[Box] = [
        (m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius) for m in markers
    ]
    labelled = _labelled(markers, font, taken)
    boundaries = base.boundaries_within(*bounds) if width <= BOUNDARIES_UP_TO else ()
    return MapView(
        view_box=f"{west:.3f} {-(south + height):.3f} {width:.3f} {height:.3f}",
        countries=tuple(c.iso for c in base.within(*bounds)),
        markers=tuple(labelled),
        font_size=font,
        source=base.source,
        boundaries=tuple(b.id for b in boundaries),
        towns=_context(base, bounds, located, radius * 0.8, font * CONTEXT_FONT, taken),
        town_font_size=round(font * CONTEXT_FONT, 3),
    )


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _context(
    base: Basemap,
    bounds: tuple[float, float, float, float],
    located: list[dict],
    radius: float,
    font: float,
    taken: list[Box],
) -> tuple[ContextTown, ...]:
    """The largest towns inside the map whose label finds a free spot, the story's own
    places (by name, or within a marker's width) left out."""
    named = {(p.get("name") or "").casefold() for p in located}
    west, south, east, north = bounds
    inner = (west + radius * 4, south + radius * 4, east - radius * 4, north - radius * 4)
    frame = (west, -north, east, -south)
    towns: list[ContextTown] = []
    for town in base.towns_within(*inner):
        if len(towns) == CONTEXT_TOWNS:
            break
        x, y = round(town.lon, 4), round(-town.lat, 4)
        dot = (x - radius * 2, y - radius * 2, x + radius * 2, y + radius * 2)
        if town.name.casefold() in named or any(_meet(dot, t) for t in taken):
            continue
        probe = Marker(x, y, radius, town.name, "town", "", name=town.name)
        spot = next(
            (
                s
                for s in _spots(probe, font)
                if _inside(s[0], frame) and not any(_meet(s[0], t) for t in taken)
            ),
            None,
        )
        if spot is None:
            continue
        box, lx, ly, anchor = spot
        taken += [dot, box]
        towns.append(ContextTown(x, y, radius, town.name, round(lx, 4), round(ly, 4), anchor))
    return tuple(towns)


def _labelled(markers: list[Marker], font: float, taken: list[Box]) -> list[Marker]:
    """Labels for the story's places; `taken` grows by each placed label's box."""
    placed = []
    for m in markers:
        spot = next(
            (s for s in _spots(m, font) if m.label and not any(_meet(s[0], t) for t in taken)),
            None,
        )
        if spot is None:
            placed.append(replace(m, label=""))
            continue
        box, x, y, anchor = spot
        taken.append(box)
        placed.append(replace(m, label_x=round(x, 4), label_y=round(y, 4), anchor=anchor))
    return placed


def _spots(m: Marker, font: float) -> list[tuple[Box, float, float, str]]:
    """Right, left, above and below the marker: the label's box, anchor point and anchor."""
    w, h, gap = len(m.label) * font * CHAR_WIDTH, font * LINE, m.radius * 1.6
    mid = m.y + font * 0.35  # baseline that centres the text on the marker
    return [
        ((m.x + gap, mid - h * 0.8, m.x + gap + w, mid + h * 0.2), m.x + gap, mid, "start"),
        ((m.x - gap - w, mid - h * 0.8, m.x - gap, mid + h * 0.2), m.x - gap, mid, "end"),
        ((m.x - w / 2, m.y - gap - h, m.x + w / 2, m.y - gap), m.x, m.y - gap - h * 0.2, "middle"),
        ((m.x - w / 2, m.y + gap, m.x + w / 2, m.y + gap + h), m.x, m.y + gap + h * 0.8, "middle"),
    ]


def _inside(a: Box, frame: Box) -> bool:
    return frame[0] <= a[0] and a[2] <= frame[2] and frame[1] <= a[1] and a[3] <= frame[3]


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _detail(place: dict) -> str:
    where = ", ".join(x for x in (place.get("admin1"), place.get("country")) if x)
    count = place.get("articles")
    named = f"named in {count} article{'s' if count != 1 else ''}" if count else ""
    return " · ".join(x for x in (where, place.get("precision"), named) if x)
