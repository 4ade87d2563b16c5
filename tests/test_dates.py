"""Relative dates resolved against publication; none guessed without one."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.records import Article

FRIDAY = "2025-03-14T09:00:00Z"


def analysed(text: str, published: str | None = FRIDAY):
    return analyze(Article("t", "test", text, "h", published=published))


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("A drone struck the market on Thursday, killing 23 civilians.", "2025-03-13"),
        ("Gunmen opened fire early Saturday outside a bar.", "2025-03-08"),
        # Same weekday as publication: the same day, not a week earlier.
        ("Two people were wounded in a shooting on Friday morning.", "2025-03-14"),
        ("Three people were shot last night in the 400 block of Elm Street.", "2025-03-13"),
        ("The shooting happened on March 9 at about 2 a.m.", "2025-03-09"),
        # A January report of a "December 30" shooting means the previous year.
        ("Police said the December 30 shooting was gang related.", None),
    ],
)
def test_event_day_from_the_lead(lead, day):
    published = "2026-01-03" if "December" in lead else FRIDAY
    result = analysed(lead, published)
    assert result.event_date == (day or "2025-12-30")


def test_without_a_publication_date_relative_days_are_kept_unresolved():
    result = analysed(
        "A drone struck the market on Thursday. It was March 13, 2025 by the calendar.", None
    )
    mentions = {m.span.text: m.resolved for m in result.dates}
    assert mentions["on Thursday"] is None
    assert mentions["March 13, 2025"] == "2025-03-13"
    assert result.event_date == "2025-03-13"


def test_lead_dates_long_before_publication_fall_back_to_publication_day():
    result = analysed("The victim, born June 2, 1990, was shot Sunday.", "2025-03-14")
    assert result.event_date == "2025-03-09"


def test_date_spans_point_at_the_text():
    text = "Shots rang out late Tuesday near the school."
    [mention] = analysed(text).dates
    assert text[mention.span.start : mention.span.end] == "late Tuesday"
    assert mention.resolved == "2025-03-11"
