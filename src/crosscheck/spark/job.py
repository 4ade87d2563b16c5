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
from itertools import islice
from pathlib import Path

from pyspark import RDD, StorageLevel
from pyspark.sql import SparkSession

from crosscheck.analyze import analyze_many
from crosscheck.ingest import IngestOptions, ingest
from crosscheck.ingest.sources import Source, expand
from crosscheck.link.profile import Profile
from crosscheck.present.csv_export import incidents_csv
from crosscheck.present.geojson import places_geojson
from crosscheck.reconcile import coverage
from crosscheck.records import Analysis, Article, OutletStates, Rejection
from crosscheck.spark.linking import Links, link
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
    reports, rejections = _read(sc, inputs, options or IngestOptions())
    articles = _unique(reports, partitions)
    # Each article is analysed where it lies, and kept with its analysis: no shuffle of
    # texts and analyses to pair them up again.
    analysed = articles.values().mapPartitions(_analyse)
    analysed.persist(StorageLevel.MEMORY_AND_DISK)
    profiles = analysed.mapValues(lambda row: Profile.of(*row))
    profiles.persist(StorageLevel.MEMORY_AND_DISK)
    links = link(analysed.mapValues(lambda row: row[0]), profiles, partitions)
    areas = sc.broadcast(_coverage(analysed, partitions))
    stories = _stories(analysed, links, partitions)
    outputs = stories.mapPartitions(lambda part: story_outputs(part, rewrites, areas.value))
    outputs.persist(StorageLevel.MEMORY_AND_DISK)
    _write(outputs, rejections, out)
    read, kept = reports.count(), analysed.count()
    return SparkRun(read, kept, read - kept, rejections.count(), outputs.count(), out)


def _read(sc, inputs: Sequence[str], options: IngestOptions) -> tuple[RDD, RDD]:
    """The articles read (duplicates included) and the rejections."""
    sources, unreadable = _sources(inputs)
    # Each item keeps its place in the order a local run reads them: (file, item).
    read = sc.parallelize(list(enumerate(sources)), max(1, len(sources))).flatMap(
        lambda source: (
            ((source[0], n), item) for n, item in enumerate(ingest([source[1]], options))
        )
    )
    read.persist(StorageLevel.MEMORY_AND_DISK)
    rejections = read.values().filter(lambda item: isinstance(item, Rejection))
    rejections = rejections.union(sc.parallelize(unreadable, 1))
    return read.filter(lambda kv: isinstance(kv[1], Article)), rejections


def _stories(analysed: RDD, links: Links, partitions: int) -> RDD:
    """Per story: its members, and the derivations between two of them."""
    members = (
        analysed.join(links.linkables, partitions).join(links.component, partitions).map(_member)
    )
    derivations = (
        links.derivations.map(lambda d: (d.article, d))
        .join(links.component, partitions)
        .map(lambda kv: (kv[1][0].source, kv[1]))
        .join(links.component, partitions)
        .filter(lambda kv: kv[1][0][1] == kv[1][1])
        .map(lambda kv: (kv[1][1], kv[1][0][0]))
    )
    return members.cogroup(derivations, partitions).values().map(lambda v: (list(v[0]), list(v[1])))


def _member(row: tuple) -> tuple[str, Member]:
    """(story, Member) from (id, (((article, analysis), linkable), story))."""
    _, (((article, analysis), linkable), story) = row
    return story, Member(article, analysis, linkable)


def _write(outputs: RDD, rejections: RDD, out: Path) -> None:
    outputs.map(lambda o: o.document).saveAsTextFile(str(out / "stories"))
    outputs.map(lambda o: o.record).mapPartitions(_csv_part).saveAsTextFile(str(out / "incidents"))
    outputs.flatMap(lambda o: places_geojson([o.record])["features"]).map(
        lambda f: json.dumps(f, ensure_ascii=False)
    ).saveAsTextFile(str(out / "places"))
    rejections.map(
        lambda r: json.dumps({"source": r.source, "reason": r.reason}, ensure_ascii=False)
    ).coalesce(1).saveAsTextFile(str(out / "rejections"))


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
    """(id, Article) once per report, from `reports` as (place read, Article). The same
    report read twice, or another file form of it (the same text, outlet and headline), is
    kept as first read, as a local run keeps it; the same text under another outlet or
    headline is syndication, which linking must see."""
    return (
        reports.map(lambda kv: (kv[1].id, kv))
        .reduceByKey(min, partitions)
        .map(lambda kv: ((kv[1][1].content_hash, kv[1][1].outlet, kv[1][1].title), kv[1]))
        .reduceByKey(min, partitions)
        .map(lambda kv: (kv[1][1].id, kv[1][1]))
    )


def _analyse(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, Analysis]]]:
    """Each article with its analysis, a batch per spaCy `pipe` call. An article the
    analyzer fails on is left out, as a local run leaves it out of linking."""
    remaining = iter(articles)
    while batch := list(islice(remaining, _ANALYSIS_BATCH)):
        for article, analysis in zip(batch, analyze_many(batch), strict=True):
            if isinstance(analysis, Analysis):
                yield article.id, (article, analysis)


def _coverage(analysed: RDD, partitions: int) -> dict:
    """Each outlet's coverage area, from the states its articles name."""
    tallies = (
        analysed.values()
        .filter(lambda row: row[0].outlet)
        .map(lambda row: (row[0].outlet, (1 if row[1].us_states else 0, Counter(row[1].us_states))))
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
