"""A page that held no story: a login wall, a paywall, a video playlist, a notification
prompt, saved under the story's headline.

Such a page is linked on its headline alone, and nothing of its text is the story: no line
of it may open a brief, however few of its lines the furniture patterns catch.
"""

from __future__ import annotations

from collections import Counter

from crosscheck.link.vocabulary import terms
from crosscheck.records import Analysis, Article

# Below this share of its headline's words in its text, a page without figures or places
# carried a login wall or a video playlist instead of the story.
BARE_TITLE_SHARE = 0.2
LOCAL = frozenset({"town", "district", "point"})  # place precisions finer than a region


def held_no_story(article: Article, analysis: Analysis | None) -> bool:
    return bare(terms(article.title or ""), terms(article.text), analysis)


def bare(headline: Counter[str], body: Counter[str], analysis: Analysis | None) -> bool:
    """From the page's headline and text terms (link.vocabulary.terms), which linking
    counts anyway."""
    if len(headline) < 3 or analysis is None:
        return False
    # What the headline alone gave (its figures and places) says nothing of the page's text.
    if any(not f.span.in_title for f in analysis.figures) or any(
        p.precision in LOCAL and not p.in_title for p in analysis.places
    ):
        return False
    return sum(1 for t in headline if t in body) / len(headline) < BARE_TITLE_SHARE
