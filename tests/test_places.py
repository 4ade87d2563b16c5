"""Places geocoded offline and disambiguated by the article's other places."""

from __future__ import annotations

import json

from crosscheck.analyze import analyze
from crosscheck.records import Article


def places(text: str):
    return [
        (p.name, p.admin1, p.country, p.precision)
        for p in analyze(Article("t", "s", text, "h")).places
    ]


def test_dateline_with_ap_state_abbreviation():
    assert places("SACRAMENTO, Calif. (AP) — Four people were wounded overnight.")[0] == (
        "Sacramento",
        "California",
        "US",
        "town",
    )


def test_springfield_is_resolved_by_the_state_the_article_names():
    assert ("Springfield", "Illinois", "US", "town") in places(
        "Two people were shot in Springfield on Sunday, Illinois State Police said."
    )
    assert ("Springfield", "Ohio", "US", "town") in places("A man was shot in Springfield, Ohio.")


def test_tripoli_is_resolved_by_the_country_the_article_names():
    assert ("Tripoli", None, "LB", "town") in places(
        "Clashes broke out near Tripoli, Lebanon, on Friday."
    )
    assert ("Tripoli", None, "LY", "town") in places(
        "Militias fought in Tripoli, the capital of Libya."
    )


def test_sentence_initial_words_and_organisations_are_not_places():
    found = places("Police said the victim was taken to a hospital. The Observatory said so.")
    assert [p for p in found if p[3] == "town"] == []


def test_a_state_alone_is_a_region_level_place():
    assert ("Ohio", "Ohio", "US", "region") in places(
        "Three people were wounded in a shooting in rural Ohio."
    )


def test_story_places_appear_in_the_contract_with_coordinates(example_run):
    out, _ = example_run
    stories = json.loads((out / "stories.json").read_text())["stories"]
    saraqib = [p for s in stories for p in s["incident"]["places"] if p["name"] == "Saraqib"]
    assert saraqib and all(p["country"] == "SY" and 35 < p["lat"] < 36.5 for p in saraqib)
