"""Writes every output of a run into one folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from crosscheck.present.contract import build_contract
from crosscheck.present.csv_export import incidents_csv
from crosscheck.present.geojson import places_geojson
from crosscheck.present.report import render_report
from crosscheck.store import Store


@dataclass(frozen=True, slots=True)
class Outputs:
    stories_json: Path
    report_html: Path
    incidents_csv: Path
    places_geojson: Path


def write_outputs(store: Store, out: Path) -> Outputs:
    out.mkdir(parents=True, exist_ok=True)
    articles = list(store.articles())
    linkage = store.linkage()
    stories = store.stories()
    paths = Outputs(
        out / "stories.json", out / "report.html", out / "incidents.csv", out / "places.geojson"
    )
    analyses = store.analyses()
    contract = build_contract(articles, linkage, stories, analyses)
    _atomic_write(paths.stories_json, json.dumps(contract, ensure_ascii=False, indent=1))
    _atomic_write(paths.report_html, render_report(articles, linkage, stories, analyses))
    _atomic_write(paths.incidents_csv, incidents_csv(stories))
    _atomic_write(paths.places_geojson, json.dumps(places_geojson(stories), ensure_ascii=False))
    return paths


def _atomic_write(path: Path, text: str) -> None:
    # A reader never sees half an output file, even if the run is killed mid-write.
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(path)
