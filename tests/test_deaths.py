"""Deaths told as a noun with the named victim after it (analyze/deaths.py): each example
of data/deaths.json, through the whole analysis."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.deaths import deaths_examples
from crosscheck.records import Article


@pytest.mark.parametrize("example", deaths_examples(), ids=lambda e: e["sentence"][:40])
def test_every_example_of_the_death_nouns(example):
    article = Article("d", "wire", example["sentence"], "h", published="2025-04-02T08:00:00Z")
    dead = [f for f in analyze(article).figures if f.status == "killed"]
    assert sorted(f.group for f in dead if not f.numbered) == sorted(example["dead"])
    assert all(f.value == 1 for f in dead if not f.numbered)
