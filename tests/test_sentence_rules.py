"""Every example of the sentence rules (data/sentences.json) holds, and each needs its entry."""

from __future__ import annotations

import pytest

from crosscheck.analyze import sentences as module
from crosscheck.analyze.sentences import sentence_examples, split_sentences
from crosscheck.rulefiles import rule_file


@pytest.mark.parametrize(
    "example", sentence_examples(), ids=lambda e: f"{e['rule']}:{e['text'][:30]}"
)
def test_every_example_of_the_sentence_rules(example):
    found = [s.text for s in split_sentences("t", example["text"])]
    assert found == example["sentences"]


def test_every_entry_has_an_example():
    data = rule_file("sentences.json")
    assert {e["rule"] for e in sentence_examples()} == set(data["words"])


@pytest.mark.parametrize("entry", sorted(rule_file("sentences.json")["words"]))
def test_each_entry_is_what_its_examples_need(entry, monkeypatch):
    # Without the entry's words, one of its examples splits where it should not: the
    # examples show the entry, not another.
    data = rule_file("sentences.json")
    kept = frozenset(w for key, e in data["words"].items() if key != entry for w in e["words"])
    monkeypatch.setattr(module, "abbreviations", lambda: kept)
    examples = [e for e in sentence_examples() if e["rule"] == entry]
    assert any(
        [s.text for s in split_sentences("t", e["text"])] != e["sentences"] for e in examples
    )
