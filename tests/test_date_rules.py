"""Every example of the date rules (data/dates.json) holds."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.date_rules import date_examples, date_rules
from crosscheck.records import Article


@pytest.mark.parametrize(
    "example", date_examples(), ids=lambda e: f"{e['rule']}:{(e.get('title') or e['text'])[:30]}"
)
def test_every_example_of_the_date_rules(example):
    article = Article(
        "t", "s", example["text"], "h", title=example.get("title"), published=example["published"]
    )
    day = analyze(article).event_date
    if example.get("event_day") is not None:
        assert day == example["event_day"]
    if "not_event_day" in example:
        assert day != example["not_event_day"]


def test_every_entry_has_an_example_and_the_cues_compile_into_both_kinds():
    from crosscheck.rulefiles import rule_file

    data = rule_file("dates.json")
    assert {e["rule"] for e in date_examples()} == set(data["words"]) | set(data["thresholds"])
    cue = date_rules().cue
    assert cue.search("three victims shot and killed").group("incident") == "shot"
    assert cue.search("a hearing on the case").group("after") == "hearing"
    assert cue.search("after hearing gunshots") is None


def _holds(example) -> bool:
    try:
        test_every_example_of_the_date_rules(example)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize(
    "entry",
    sorted({e["rule"] for e in date_examples() if e["section"] == "words"} - {"telling"}),
)
def test_each_word_entry_is_what_its_examples_need(entry, monkeypatch):
    # Without the entry's words, one of its examples fails: the examples show the entry,
    # not something else analysis also knows. ("telling" is shown by the clock beside a
    # cue, which the other entries' cues also carry.)
    from crosscheck.analyze import date_rules as module

    data = module._data()
    words = {**data["words"], entry: {**data["words"][entry], "words": ["\ue000"]}}
    monkeypatch.setattr(module, "_data", lambda: {**data, "words": words})
    module.date_rules.cache_clear()
    try:
        assert not all(_holds(e) for e in date_examples() if e["rule"] == entry)
    finally:
        module.date_rules.cache_clear()
