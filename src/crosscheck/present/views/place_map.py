"""A story's map: its geocoded places over the country outlines around them.

Labels are placed greedily, the place most articles name first, at the first of four spots
around its marker (right, left, above, below) where the label's box meets no label or
marker already placed; a label with no free spot is left out, its marker and tooltip kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from crosscheck.present.views.basemap import Basemap

ASPECT = 1.6  # width / height of every map, so the page layout does not jump
MIN_WIDTH = 12.0  # degrees: a town alone still shows its region around it
PAD = 1.5
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
    return MapView(
        view_box=f"{west:.3f} {-(south + height):.3f} {width:.3f} {height:.3f}",
        countries=tuple(c.iso for c in base.within(west, south, west + width, south + height)),
        markers=tuple(_labelled(markers, font)),
        font_size=font,
        source=base.source,
    )


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _labelled(markers: list[Marker], font: float) -> list[Marker]:
    taken: list[Box] = [
        (m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius) for m in markers
    ]
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


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _detail(place: dict) -> str:
    where = ", ".join(x for x in (place.get("admin1"), place.get("country")) if x)
    count = place.get("articles")
    named = f"named in {count} article{'s' if count != 1 else ''}" if count else ""
    return " · ".join(x for x in (where, place.get("precision"), named) if x)
