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
