"""Each page-furniture pattern finds the lines it lists and leaves its story sentences alone,
and a brief never opens with furniture."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.reconcile import reconcile
from crosscheck.reconcile.furniture import furniture_patterns, is_furniture
from crosscheck.records import Article, Linkage

CASES = [
    (p.name, line, kind)
    for p in furniture_patterns()
    for kind, lines in (("furniture", p.furniture), ("story", p.story))
    for line in lines
]


@pytest.mark.parametrize(("pattern", "line", "kind"), CASES)
def test_every_pattern_s_examples(pattern, line, kind):
    assert is_furniture(line) == (kind == "furniture"), f"{pattern}: {line!r}"


def test_every_pattern_has_examples_both_ways():
    for pattern in furniture_patterns():
        assert pattern.furniture and pattern.story and pattern.why, pattern.name


def test_a_brief_opens_with_the_story_not_the_page_stamp():
    text = (
        "Published: Saturday, 2/21/2015 - Updated: 2 months ago\n\n"
        "By Dana Lewis\n\n"
        "A 3-year-old boy was shot in the leg Friday night in South Toledo, police said. "
        "He is expected to recover."
    )
    article = Article("a", "s", text, "h", title="3-year-old shot in South Toledo")
    record = reconcile("s", [article], {"a": analyze(article)}, Linkage({}, (), {}))
    assert record.brief[0].text.startswith("A 3-year-old boy was shot")


def test_a_page_that_held_no_story_gives_no_brief_sentence():
    """A paywall saved under a shooting's headline: whatever line of it the patterns miss,
    none opens the brief; a report of the story beside it does."""
    wall = Article(
        "wall",
        "s",
        "Thank you for reading!\n\nThe article you are viewing is reserved for members of "
        "the Valley Ledger.\n\nMembers enjoy unlimited access to local reporting and the "
        "daily e-edition at a reduced rate.",
        "h1",
        title="Teen wounded in shooting near Riverside park",
        published="2025-05-02T08:00:00Z",
    )
    record = reconcile("s", [wall], {"wall": analyze(wall)}, Linkage({}, (), {}))
    assert record.brief == ()
    assert record.title == "Teen wounded in shooting near Riverside park"

    report = Article(
        "report",
        "s",
        "A 16-year-old was wounded in a shooting near Riverside park on Thursday night, "
        "police said. He is in stable condition.",
        "h2",
        title="Teen wounded in shooting near Riverside park",
        published="2025-05-02T09:00:00Z",
    )
    both = {a.id: analyze(a) for a in (wall, report)}
    record = reconcile("s", [wall, report], both, Linkage({}, (), {}))
    assert [b.text for b in record.brief] == [report.text.split(" He is")[0]]


def test_the_lead_is_the_first_line_that_tells_of_the_story():
    """A station's own lines, which no furniture pattern knows, come before the story: the
    lead is the first sentence sharing a word with the headline or stating a casualty
    figure."""
    text = (
        "Welcome to the new home of Channel 9 News online!\n\n"
        "Having trouble with our player? Refresh the page.\n\n"
        "Two men were wounded in a shooting outside a Dayton bar early Sunday, police said."
    )
    article = Article("a", "s", text, "h", title="Two wounded outside Dayton bar")
    record = reconcile("s", [article], {"a": analyze(article)}, Linkage({}, (), {}))
    assert record.brief[0].text.startswith("Two men were wounded")
