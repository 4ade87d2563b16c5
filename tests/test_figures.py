"""Casualty figures: what counts, what does not, and what each figure carries."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.numbers import parse_amount
from crosscheck.records import Article


def figures(text: str):
    article = Article("t", "test", text, "h", published="2025-03-14")
    return [(f.value, f.status, f.category, f.qualifier) for f in analyze(article).figures]


@pytest.mark.parametrize(
    ("words", "value"),
    [("1,018", 1018), ("four", 4), ("twenty-one", 21), ("one thousand eighteen", 1018),
     ("two hundred and five", 205), ("dozens", 12), ("hundreds", 100), ("a dozen", 12)],
)  # fmt: skip
def test_numbers_in_digits_words_and_vague_amounts(words, value):
    assert parse_amount(words).value == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A drone strike killed at least 23 civilians, including seven children.",
         (23, "killed", "civilians", "at least")),
        ("Four people suffered non-life threatening injuries.", (4, "injured", None, None)),
        ("The attack left two police officers dead.", (2, "killed", "police", None)),
        ("More than 700 fighters were killed in the clashes.", (700, "killed", "fighters", "more than")),
        ("Dozens were wounded in the blast.", (12, "injured", None, None)),
        ("The death toll from Thursday's strike has risen to 27 civilians.", (27, "killed", None, None)),
        ("The drone attack killed no fewer than 23 civilians.", (23, "killed", "civilians", "no fewer than")),
        ("Officers found three shell casings near two parked cars.", None),
    ],
)  # fmt: skip
def test_casualty_constructions(sentence, expected):
    found = figures(sentence)
    if expected is None:
        assert found == []
    else:
        assert expected in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Samir Haidar, 67, was killed outside his shop.",  # the age is not a count
        "A 57-year-old vendor and his 3 sons ran the stall for 30 years.",
        "The 13-year war has killed more than 500,000 people.",  # background toll
        "In 2012, a gunman killed 26 people at a school in Newtown.",  # another event
        "The shooting happened at 10 p.m. in the 6500 block of 46th Street.",
        "Police seized 12 cars and $40,000 in cash.",
    ],
)
def test_numbers_that_are_not_casualties_of_this_event(sentence):
    assert all(
        value != n
        for value, *_ in figures(sentence)
        for n in (67, 57, 3, 30, 500000, 26, 6500, 46, 12, 40000)
    )


def test_attribution_is_kept_with_the_figure():
    article = Article(
        "t",
        "test",
        "At least 40 people were wounded, according to the Syrian "
        "Observatory for Human Rights. Two officers were hurt, police said.",
        "h",
    )
    found = {f.value: f.attributed_to for f in analyze(article).figures}
    assert found == {40: "Syrian Observatory for Human Rights", 2: "police"}


def test_sentences_do_not_break_at_abbreviations():
    article = Article(
        "t",
        "test",
        "Mr. Haidar arrived at 6 p.m. Sunday with Dr. Youssef. The U.S. envoy left.",
        "h",
    )
    assert [s.text for s in analyze(article).sentences] == [
        "Mr. Haidar arrived at 6 p.m. Sunday with Dr. Youssef.",
        "The U.S. envoy left.",
    ]
