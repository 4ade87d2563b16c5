"""crosscheck as a library: `Pipeline` runs the stages over a store as the command does,
and `analyze_text` analyses one report."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES, WIRE_TEXT, write

import crosscheck
from crosscheck.ingest.errors import InputError
from crosscheck.store import StoreError


def test_importing_crosscheck_stays_cheap():
    code = "import sys, crosscheck; print('spacy' in sys.modules, crosscheck.__version__)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.split() == ["False", crosscheck.__version__]


def test_pipeline_runs_the_example_as_the_command_does(tmp_path, example_run):
    with crosscheck.Pipeline(tmp_path / "lib.sqlite", rewrites=True) as pipeline:
        result = pipeline.run([EXAMPLES])
        assert (result.read, result.added, result.rejected, result.stories) == (5, 5, (), 1)
        [story] = pipeline.stories()
        outputs = pipeline.write(tmp_path / "out")
    ours = json.loads(outputs.stories_json.read_text())
    theirs = json.loads((example_run[0] / "stories.json").read_text())
    assert [s["articles"] for s in ours["stories"]] == [s["articles"] for s in theirs["stories"]]
    assert ours["stories"][0]["incident"] == theirs["stories"][0]["incident"]
    assert story.independent_origins == theirs["stories"][0]["independent_origins"]


def test_pipeline_steps_are_incremental_and_report_rejections(tmp_path):
    bad = write(tmp_path / "in" / "empty.txt", "")
    with crosscheck.Pipeline(tmp_path / "s.sqlite", rewrites=False) as pipeline:
        first = pipeline.run([EXAMPLES, bad])
        assert [r.source for r in first.rejected] == [str(bad)]
        again = pipeline.run([EXAMPLES])
        assert (again.read, again.added, again.stories) == (5, 0, first.stories)


def test_pipeline_refuses_what_is_not_a_store(tmp_path):
    notes = write(tmp_path / "notes.txt", "not a database")
    with pytest.raises(StoreError, match="not an SQLite database"):
        crosscheck.Pipeline(notes)
    with pytest.raises(StoreError, match="no store at"):
        crosscheck.Pipeline(tmp_path / "missing.sqlite", create=False)


def test_analyze_text_reads_one_report():
    analysis = crosscheck.analyze_text(WIRE_TEXT, title="Shelling kills 12", published="2025-03-04")
    killed = {(f.status, f.category, f.value, f.qualifier) for f in analysis.figures}
    assert ("killed", "civilians", 12, "at least") in killed
    assert analysis.event_date == "2025-03-04"
    assert ("Kafr Nabl", "SY") in {(p.span.text, p.country) for p in analysis.places}
    with pytest.raises(InputError, match="outside 1900-2100"):
        crosscheck.analyze_text(WIRE_TEXT, published="9999-12-31")
