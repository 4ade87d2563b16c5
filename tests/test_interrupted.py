"""A run killed at any stage boundary leaves a store the next run finishes: its outputs are
those of a run never interrupted, and no worker process of the killed run lives on."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES

from tests import faults
from tests.load import report

# Enough articles for the analysis to fan out to worker processes (over 25) and to store
# several batches before the cut.
_BRIEFS = 40


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    briefs = folder / "briefs.jsonl"
    briefs.write_text("".join(json.dumps(report(1, n)) + "\n" for n in range(_BRIEFS)))
    return [str(EXAMPLES), str(briefs)]


def _args(inputs, out):
    return ["run", *inputs, "--out", str(out), "--no-rewrites", "--workers", "2", "--quiet"]


@pytest.fixture(scope="module")
def uninterrupted(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    proc = faults.run(_args(inputs, out))
    assert proc.returncode == 0, proc.stderr
    return faults.outputs(out)


@pytest.mark.parametrize("point", faults.POINTS)
def test_the_next_run_finishes_what_a_killed_run_left(point, inputs, uninterrupted, tmp_path):
    out = tmp_path / "out"
    status, alive = faults.run_killed(point, _args(inputs, out))
    assert status == -9, f"the run was not killed at {point}"
    assert alive == [], f"processes of the killed run still alive: {alive}"
    assert not (out / "stories.json").exists()

    proc = faults.run(_args(inputs, out))
    assert proc.returncode == 0, proc.stderr
    assert faults.outputs(out) == uninterrupted
