"""The story list's filters and sorts (present/story_query.py), on records shaped like a
monitor's store: strikes and shootings in several countries, some undated, some with an
outlier toll or a disputed one."""

from __future__ import annotations

import pytest

from crosscheck.present.story_query import StoryQuery, facets, flags, matches, ordered
from crosscheck.records import Conflict, Estimate, FigureClaim, Incident, Span, StoryRecord


def toll(value, *articles):
    """A count of killed as the given articles each state it."""
    spans = tuple(Span(a, 0, 10, f"{value} killed") for a in articles)
    return FigureClaim(value, value, value, "killed", spans, len(articles))


def story(
    sid,
    *,
    day=None,
    end=None,
    country=None,
    town=None,
    admin1=None,
    killed=None,
    outlier=None,
    conflicts=(),
    figures=(),
    articles=1,
    title=None,
):
    places = (
        ({"name": town, "admin1": admin1, "country": country, "lat": 1.0, "lon": 1.0},)
        if town
        else ()
    )
    incident = Incident(
        date=day,
        date_start=day,
        date_end=end or day,
        places=places,
        killed=Estimate(killed, killed, outlier or killed, outlier),
    )
    return StoryRecord(
        id=sid,
        title=title or f"Story {sid}",
        articles=tuple(f"{sid}-{n}" for n in range(articles)),
        independent_origins=1,
        incident=incident,
        conflicts=tuple(conflicts),
        figures=tuple(figures),
    )


STORIES = [
    story(
        "market",
        day="2025-03-12",
        country="SY",
        town="Saraqib",
        admin1="Idlib",
        killed=23,
        articles=5,
        figures=[toll(15, "a", "b"), toll(27, "c")],
        conflicts=[Conflict(0, 1, "revision", False, "the monitor gave 15, then 27")],
    ),
    story("checkpoint", day="2025-04-01", country="IQ", town="Kirkuk", killed=4, articles=3),
    story(
        "village",
        day="2025-02-27",
        end="2025-03-02",
        country="SY",
        town="Kafr Nabl",
        killed=9,
        outlier=90,
        articles=2,
    ),
    # Both reports give the toll, one also tells of one victim's death: no dispute.
    story(
        "shooting",
        day="2024-11-05",
        country="US",
        town="Marksville",
        admin1="Louisiana",
        killed=3,
        articles=4,
        figures=[toll(3, "a", "b"), toll(1, "a")],
        conflicts=[Conflict(0, 1, "disagreement", False, "3 killed against 1 died")],
    ),
    story(
        "undated",
        country="SY",
        town="Idlib",
        killed=None,
        articles=2,
        figures=[toll(12, "a"), toll(30, "b")],
        conflicts=[Conflict(0, 1, "disagreement", False, "12 killed against 30 killed")],
    ),
]
FACETS = [facets(s) for s in STORIES]


def found(**asked) -> list[str]:
    query = StoryQuery(**asked)
    hits = [i for i, f in enumerate(FACETS) if matches(query, f)]
    return [STORIES[i].id for i in ordered(query, hits, FACETS)]


def test_no_filter_keeps_every_story_in_the_given_order():
    assert found() == [s.id for s in STORIES]


def test_a_date_range_keeps_incidents_that_overlap_it_and_drops_undated_ones():
    # The village killings ran from 27 February to 2 March: they overlap 1–15 March.
    assert found(since="2025-03-01", until="2025-03-15") == ["market", "village"]
    assert found(until="2025-01-01") == ["shooting"]
    assert "undated" not in found(since="2000-01-01")


def test_country_by_code_or_name_and_place_by_town_or_region():
    assert found(country="SY") == ["market", "village", "undated"]
    assert found(country="syria") == found(country="sy")
    assert found(country="Iraq") == ["checkpoint"]
    assert found(place="louisiana") == ["shooting"]
    assert found(place="kafr nabl") == ["village"]
    assert found(words="syria") == ["market", "village", "undated"], "searchable by name"


def test_toll_bounds_read_the_best_estimate_and_drop_unknown_tolls():
    assert found(min_killed=5) == ["market", "village"]  # the village's 90 is its outlier
    assert found(min_killed=1, max_killed=4) == ["checkpoint", "shooting"]
    assert found(max_killed=2) == []
    assert "undated" not in found(max_killed=1000)


def test_flags_name_outliers_and_disputes_but_not_revisions():
    by_id = {s.id: flags(s) for s in STORIES}
    assert by_id["village"] == ("outlier",)
    assert by_id["undated"] == ("disputed",)
    assert by_id["market"] == ()  # one source raising its own toll is not a dispute
    assert by_id["shooting"] == ()  # nor one victim's death told beside the toll
    assert found(flagged=True) == ["village", "undated"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["checkpoint", "market", "village", "shooting", "undated"]),
        ("oldest", ["shooting", "village", "market", "checkpoint", "undated"]),
        ("killed", ["market", "village", "checkpoint", "shooting", "undated"]),
    ],
)
def test_sorts_put_stories_without_the_field_last(sort, expected):
    assert found(sort=sort) == expected


def test_the_list_pages_through_filtered_stories_keeping_the_filters(tmp_path):
    from fastapi.testclient import TestClient

    from crosscheck.present.web import ServerSettings, create_app
    from crosscheck.store import SQLiteStore

    db = tmp_path / "many.sqlite"
    store = SQLiteStore(db)
    store.put_stories(
        [
            story(
                f"strike-{n:02d}",
                day=f"2025-03-{n % 28 + 1:02d}",
                country="SY",
                town="Idlib",
                killed=n,
            )
            for n in range(70)
        ]
        + [story(f"raid-{n:02d}", country="IQ", town="Mosul", killed=n) for n in range(10)]
    )
    store.close()
    with TestClient(create_app(ServerSettings(db=db, token="t", process=False))) as client:
        first = client.get("/", params={"country": "SY", "min_killed": "5", "sort": "killed"})
        assert "65 stories matching these filters" in first.text
        assert "Page 1 of 2" in first.text
        assert 'href="/?country=SY&amp;min_killed=5&amp;sort=killed&amp;page=2"' in first.text
        second = client.get("/?country=SY&min_killed=5&sort=killed&page=2")
        assert "Page 2 of 2" in second.text and "Story strike-05" in second.text
        assert "Story strike-69" in first.text and "Story strike-69" not in second.text
        assert "raid" not in first.text + second.text
