"""The pipeline on Spark (local mode) finds what a one-machine run finds.

Two composed pools (a massacre told six ways, a market shelling told five ways plus a
look-alike a week later) and the bundled example, read from files by both runs: the Spark
run must give the same stories, members, derivations, origins, estimates, places, dates and
briefs as `crosscheck run`, and say what it could not read.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from coast import coast_articles
from conftest import EXAMPLES, write
from market import market_articles
from roundup import roundup_articles

from crosscheck import pipeline
from crosscheck.link.embeddings import LazyEncoder
from crosscheck.present.outputs import write_outputs
from crosscheck.store import SQLiteStore

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402

from crosscheck.spark import run_on_spark  # noqa: E402
from crosscheck.spark.components import components  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("crosscheck-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    lines = []
    for prefix, articles in (
        ("coast", coast_articles()),
        ("market", market_articles()),
        ("night", roundup_articles()),
    ):
        for a in articles:
            record = {"id": f"{prefix}-{a.id}", "title": a.title, "text": a.text}
            record.update(published=a.published, outlet=a.outlet)
            lines.append(json.dumps(record))
    # The same report twice; the wire story again under another id, which a local run
    # drops as read before (line 2 is read before line 15, though "15" sorts first); and
    # a line cut short.
    again = {**json.loads(lines[1]), "id": "coast-wire-again"}
    lines += [lines[0], json.dumps(again), '{"title": "Cut short", "text": "Shelling killed']
    write(folder / "pool.jsonl", "\n".join(lines) + "\n")
    shutil.copytree(EXAMPLES, folder / "examples")
    return folder


@pytest.fixture(scope="module")
def local_run(inputs, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("local")
    with SQLiteStore(out / "store.sqlite") as store:
        pipeline.ingest_into(store, [str(inputs)])
        pipeline.analyze_pending(store)
        encoder = LazyEncoder()
        linked = pipeline.link_all(store, rewrites=True, encoder=encoder)
        pipeline.reconcile_all(store, linked=linked, embed=encoder)
        write_outputs(store, out)
    return json.loads((out / "stories.json").read_text())


@pytest.fixture(scope="module")
def spark_run(spark, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    result = run_on_spark(spark, [str(inputs), str(inputs / "missing.jsonl")], out, partitions=3)
    documents = [
        json.loads(line)
        for part in sorted((out / "stories").glob("part-*"))
        for line in part.read_text().splitlines()
    ]
    return result, documents, out


def test_spark_finds_the_stories_a_local_run_finds(local_run, spark_run):
    result, documents, _ = spark_run
    local = {s["id"]: s for s in local_run["stories"]}
    found = {d["stories"][0]["id"]: d["stories"][0] for d in documents}
    assert found.keys() == local.keys()
    # The massacre, the market shelling, its look-alike a week later, the example, and a
    # night's shootings (tests/test_stories.py says how the roundup should join them).
    assert len(found) == result.stories == len(local) >= 5
    for story_id, story in found.items():
        assert story == local[story_id], story_id


def test_spark_articles_carry_the_same_derivations_and_origins(local_run, spark_run):
    _, documents, _ = spark_run
    local = {a["id"]: a for a in local_run["articles"]}
    found = {a["id"]: a for d in documents for a in d["articles"]}
    assert found.keys() == local.keys()
    for article_id, article in found.items():
        assert article == local[article_id], article_id
    # The massacre: the copy reuses the wire story and the spun rewrite paraphrases it,
    # so six reports stand on four independent origins.
    assert found["coast-copy"]["derived_from"] == ["coast-wire"]
    assert found["coast-spun"]["origin"] == "coast-wire"
    massacre = next(
        d["stories"][0] for d in documents if "coast-wire" in d["stories"][0]["articles"]
    )
    assert massacre["independent_origins"] == 4


def test_spark_writes_every_output_and_says_what_it_could_not_read(local_run, spark_run):
    result, documents, out = spark_run
    assert (result.read, result.articles, result.duplicates) == (22, 20, 2)
    rejected = [
        json.loads(line)
        for part in (out / "rejections").glob("part-*")
        for line in part.read_text().splitlines()
    ]
    reasons = {Path(r["source"]).name.split(":")[0]: r["reason"] for r in rejected}
    assert "no such file" in reasons["missing.jsonl"]
    assert "invalid JSON" in reasons["pool.jsonl"]
    assert result.rejected == 2
    rows = [
        line
        for part in sorted((out / "incidents").glob("part-*"))
        for line in part.read_text().splitlines()
        if line and not line.startswith("story_id,")
    ]
    # One incident row and one document per story.
    assert len(rows) == len(documents) == result.stories == len(local_run["stories"])
    features = [
        json.loads(line)
        for part in (out / "places").glob("part-*")
        for line in part.read_text().splitlines()
    ]
    # One point per story and mapped place, as the local run's records place them.
    mapped = {
        (s["id"], p["name"], p["lon"], p["lat"])
        for s in local_run["stories"]
        for p in s["incident"]["places"]
        if p["lat"] is not None
    }
    assert mapped
    assert sorted(
        (f["properties"]["story"], f["properties"]["name"], *f["geometry"]["coordinates"])
        for f in features
    ) == sorted(mapped)


def test_connected_components_label_each_article_by_its_smallest_member(spark):
    sc = spark.sparkContext
    vertices = sc.parallelize(list("abcdefg"))
    # A chain a-b-c-d given out of order, a pair e-f, and g alone.
    edges = sc.parallelize([("c", "d"), ("b", "c"), ("a", "b"), ("f", "e")])
    labels = dict(components(vertices, edges, 3).collect())
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "a", "e": "e", "f": "e", "g": "g"}


def test_each_story_line_is_a_stories_json_document(spark_run):
    import jsonschema

    from crosscheck.present.contract import load_schema

    _, documents, _ = spark_run
    schema = load_schema()
    for document in documents:
        jsonschema.validate(document, schema)
        assert set(document["stories"][0]["articles"]) == {a["id"] for a in document["articles"]}


def test_the_command_refuses_to_write_over_an_existing_folder(tmp_path):
    import subprocess

    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "crosscheck", "spark", str(EXAMPLES), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "exists" in proc.stderr
