"""The Spark driver: read, analyse, link, reconcile and write, as `crosscheck run` does.

Inputs are file or folder paths every executor can read (a shared filesystem), each file
read by one task: a JSON Lines dump streams through one reader, then is spread over
`partitions` for analysis, the costly step. Outputs are written as Spark writes files, a
folder of part files per output:

- `stories/`: one line per story, each a document in the shape of stories.json (the story
  and its articles; it validates against schemas/stories.schema.json);
- `incidents/`: incidents.csv, each part with its header row;
- `places/`: places.geojson's features, one GeoJSON Feature per line;
- `rejections/`: each input that could not be read, as {"source", "reason"}.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyspark import RDD, StorageLevel
from pyspark.sql import SparkSession

from crosscheck.analyze import analyze_many
from crosscheck.ingest import IngestOptions, ingest
from crosscheck.ingest.sources import Source, expand
from crosscheck.link.stories import Profile
from crosscheck.present.csv_export import incidents_csv
from crosscheck.present.geojson import places_geojson
from crosscheck.reconcile import coverage
from crosscheck.records import Article, OutletStates, Rejection
from crosscheck.spark.linking import link
from crosscheck.spark.reconciling import Member, story_outputs

_ANALYSIS_BATCH = 50  # articles per nlp.pipe call


@dataclass(frozen=True, slots=True)
class SparkRun:
    """What a Spark run read and wrote."""

    read: int
    articles: int
    duplicates: int
    rejected: int
    stories: int
    out: Path


def run_on_spark(
    spark: SparkSession,
    inputs: Sequence[str],
    out: Path,
    options: IngestOptions | None = None,
    rewrites: bool = True,
    partitions: int | None = None,
) -> SparkRun:
    """Run the whole pipeline on `spark` and write its outputs under `out` (which must not
    exist yet: Spark never overwrites)."""
    sc = spark.sparkContext
    partitions = partitions or sc.defaultParallelism * 4
    options = options or IngestOptions()
    sources, unreadable = _sources(inputs)
    read = sc.parallelize(sources, max(1, len(sources))).flatMap(
        lambda name: ingest([name], options)
    )
    read.persist(StorageLevel.MEMORY_AND_DISK)
    rejections = read.filter(lambda item: isinstance(item, Rejection)).union(
        sc.parallelize(unreadable, 1)
    )
    reports = read.filter(lambda item: isinstance(item, Article))
    articles = _unique(reports, partitions)
    articles.persist(StorageLevel.MEMORY_AND_DISK)
    analyses = articles.values().mapPartitions(_analyse)
    analyses.persist(StorageLevel.MEMORY_AND_DISK)
    profiles = articles.join(analyses, partitions).mapValues(lambda row: Profile.of(*row))
    links = link(articles, profiles, partitions)
    areas = sc.broadcast(_coverage(articles, analyses, partitions))

    members = (
        articles.join(analyses, partitions)
        .join(links.linkables, partitions)
        .join(links.component, partitions)
        .map(lambda kv: (kv[1][1], Member(kv[1][0][0][0], kv[1][0][0][1], kv[1][0][1])))
    )
    derivations = (
        links.derivations.map(lambda d: (d.article, d))
        .join(links.component, partitions)
        .map(lambda kv: (kv[1][0].source, kv[1]))
        .join(links.component, partitions)
        .filter(lambda kv: kv[1][0][1] == kv[1][1])
        .map(lambda kv: (kv[1][1], kv[1][0][0]))
    )
    stories = (
        members.cogroup(derivations, partitions).values().map(lambda v: (list(v[0]), list(v[1])))
    )
    outputs = stories.mapPartitions(lambda part: story_outputs(part, rewrites, areas.value))
    outputs.persist(StorageLevel.MEMORY_AND_DISK)

    outputs.map(lambda o: o.document).saveAsTextFile(str(out / "stories"))
    outputs.map(lambda o: o.record).mapPartitions(_csv_part).saveAsTextFile(str(out / "incidents"))
    outputs.flatMap(lambda o: places_geojson([o.record])["features"]).map(
        lambda f: json.dumps(f, ensure_ascii=False)
    ).saveAsTextFile(str(out / "places"))
    rejections.map(
        lambda r: json.dumps({"source": r.source, "reason": r.reason}, ensure_ascii=False)
    ).coalesce(1).saveAsTextFile(str(out / "rejections"))
    return SparkRun(
        read=reports.count(),
        articles=articles.count(),
        duplicates=reports.count() - articles.count(),
        rejected=rejections.count(),
        stories=outputs.count(),
        out=out,
    )


def _sources(inputs: Sequence[str]) -> tuple[list[str], list[Rejection]]:
    """The files to read, and a Rejection for each input that is not there at all."""
    sources, unreadable = [], []
    for item in expand(list(inputs)):
        if isinstance(item, Source):
            sources.append(item.name)
        else:
            unreadable.append(Rejection(*item))
    return sources, unreadable


def _unique(reports: RDD, partitions: int) -> RDD:
    """(id, Article) once per report. The same report read twice, or another file form of
    it (the same text, outlet and headline), is kept once, from the first source by name;
    the same text under another outlet or headline is syndication, which linking must see."""
    return (
        reports.map(lambda a: (a.id, a))
        .reduceByKey(_first, partitions)
        .map(lambda kv: ((kv[1].content_hash, kv[1].outlet, kv[1].title), kv[1]))
        .reduceByKey(_first, partitions)
        .map(lambda kv: (kv[1].id, kv[1]))
    )


def _first(a: Article, b: Article) -> Article:
    return a if (a.source, a.id) <= (b.source, b.id) else b


def _analyse(articles: Iterable[Article]) -> Iterator[tuple[str, object]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= _ANALYSIS_BATCH:
            yield from zip((a.id for a in batch), analyze_many(batch), strict=True)
            batch = []
    if batch:
        yield from zip((a.id for a in batch), analyze_many(batch), strict=True)


def _coverage(articles: RDD, analyses: RDD, partitions: int) -> dict:
    """Each outlet's coverage area, from the states its articles name."""
    tallies = (
        articles.filter(lambda kv: kv[1].outlet)
        .mapValues(lambda a: a.outlet)
        .join(analyses.mapValues(lambda a: a.us_states), partitions)
        .values()
        .map(lambda row: (row[0], (1 if row[1] else 0, Counter(row[1]))))
        .reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1]), partitions)
        .collect()
    )
    return {
        outlet: coverage(OutletStates(outlet, n, dict(states))) for outlet, (n, states) in tallies
    }


def _csv_part(records: Iterable) -> Iterator[str]:
    found = list(records)
    if found:
        yield incidents_csv(found).rstrip("\r\n")
