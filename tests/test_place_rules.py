"""Every example of the place rules (data/places.json) holds, and the rules are the
settings analysis reads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.nlp import load_nlp
from crosscheck.analyze.places import find_places
from crosscheck.gazetteer import load_gazetteer
from crosscheck.place_rules import place_examples, place_rules
from crosscheck.records import Article


def _matches(found: tuple, expected: list) -> bool:
    # A null first-level division in an example is not checked.
    return all(want is None or got == want for got, want in zip(found, expected, strict=True))


@pytest.mark.parametrize(
    "example", place_examples(), ids=lambda e: f"{e['rule']}:{(e.get('title') or e['text'])[:30]}"
)
def test_every_example_of_the_place_rules(example):
    article = Article("t", "s", example["text"], "h", title=example.get("title"))
    analysis = analyze(article)
    found = [(p.name, p.admin1, p.country, p.precision) for p in analysis.places]
    for expected in example.get("places", []):
        assert any(_matches(f, expected) for f in found), (expected, found)
    names = {word for p in analysis.places for word in (p.name, p.span.text)}
    for absent in example.get("absent", []):
        assert absent not in names, (absent, found)
    if "filed_from" in example:
        filed = analysis.filed_from
        assert (filed.span.text if filed else None) == example["filed_from"]


def test_every_entry_has_an_example():
    from crosscheck.rulefiles import rule_file

    data = rule_file("places.json")
    entries = {e["rule"] for e in place_examples()}
    assert entries == set(data["words"]) | set(data["thresholds"])
    rules = place_rules()
    assert rules.near_km == 50 and "province" in rules.division_kinds


def test_the_thresholds_are_settings_a_caller_can_change():
    # With no namesake near enough to count, Columbus is Ohio's, the largest of the name.
    nlp, gazetteer = load_nlp(), load_gazetteer()
    doc = nlp(
        "A child was grazed by a bullet in Columbus on Friday. The suspect fled across the "
        "river to Phenix City, police said."
    )

    def columbus(rules) -> str | None:
        found = find_places(doc, "t", gazetteer, rules=rules).places
        return next(p.admin1 for p in found if p.name == "Columbus")

    assert columbus(place_rules()) == "Georgia"
    assert columbus(replace(place_rules(), near_km=1)) == "Ohio"


def _holds(example) -> bool:
    try:
        test_every_example_of_the_place_rules(example)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize(
    "entry", sorted({e["rule"] for e in place_examples() if e["section"] == "words"})
)
def test_each_word_entry_is_what_its_examples_need(entry, monkeypatch):
    # Without the entry's words, one of its examples fails: the examples show the entry,
    # not something else analysis also knows.
    from crosscheck import gazetteer
    from crosscheck import place_rules as module

    data = module._data()
    emptied = {**data["words"][entry], "words": ["\ue000"], "forces": {}}
    words = {**data["words"], entry: emptied}
    monkeypatch.setattr(module, "_data", lambda: {**data, "words": words})

    def clear() -> None:
        module.place_rules.cache_clear()
        gazetteer._division_kind.cache_clear()

    clear()
    try:
        assert not all(_holds(e) for e in place_examples() if e["rule"] == entry)
    finally:
        clear()
