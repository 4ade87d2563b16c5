"""Writes every output of a run into one folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from crosscheck.present.contract import build_contract
from crosscheck.present.csv_export import incidents_csv
from crosscheck.present.geojson import places_geojson
from crosscheck.present.report import render_report
from crosscheck.records import Analysis, Article, Linkage, StoryRecord
from crosscheck.store import Store


@dataclass(frozen=True, slots=True)
class Outputs:
    stories_json: Path
    report_html: Path
    incidents_csv: Path
    places_geojson: Path


@dataclass(frozen=True, slots=True)
class Pool:
    """Everything a store holds that the outputs are made from."""

    articles: list[Article]
    linkage: Linkage
    stories: list[StoryRecord]
    analyses: dict[str, Analysis]

    @classmethod
    def of(cls, store: Store) -> Pool:
        return cls(list(store.articles()), store.linkage(), store.stories(), store.analyses())

    @classmethod
    def of_story(cls, store: Store, story: StoryRecord) -> Pool:
        """One story and what its page and document show: its articles, their linkage and
        their analyses."""
        ids = story.articles
        return cls(list(store.articles(ids)), store.linkage(ids), [story], store.analyses(ids))

    def contract(self) -> dict:
        return build_contract(self.articles, self.linkage, self.stories, self.analyses)


def write_outputs(store: Store, out: Path) -> Outputs:
    out.mkdir(parents=True, exist_ok=True)
    pool = Pool.of(store)
    stories = pool.stories
    paths = Outputs(
        out / "stories.json", out / "report.html", out / "incidents.csv", out / "places.geojson"
    )
    _atomic_write(paths.stories_json, json.dumps(pool.contract(), ensure_ascii=False, indent=1))
    _atomic_write(
        paths.report_html, render_report(pool.articles, pool.linkage, stories, pool.analyses)
    )
    _atomic_write(paths.incidents_csv, incidents_csv(stories))
    _atomic_write(paths.places_geojson, json.dumps(places_geojson(stories), ensure_ascii=False))
    return paths


def _atomic_write(path: Path, text: str) -> None:
    # A reader never sees half an output file, even if the run is killed mid-write.
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(path)
