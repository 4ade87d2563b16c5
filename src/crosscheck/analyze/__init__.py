"""Analyze: per-article extraction, each item tied to the span of text it came from.

`analyze(article)` is pure and independent per article, so callers may run it in parallel.
"""

from __future__ import annotations

from crosscheck.analyze.dates import event_date, find_dates
from crosscheck.analyze.figures import extract_figures
from crosscheck.analyze.gazetteer import Gazetteer, load_gazetteer
from crosscheck.analyze.places import find_places
from crosscheck.analyze.sentences import split_sentences
from crosscheck.records import Analysis, Article

# Bump when extraction changes so stored analyses are recomputed.
ANALYZER_VERSION = "rules-4"

__all__ = ["ANALYZER_VERSION", "analyze"]


def analyze(article: Article, gazetteer: Gazetteer | None = None) -> Analysis:
    sentences = split_sentences(article.id, article.text)
    gazetteer = gazetteer or load_gazetteer()
    dates = find_dates(sentences, article.published)
    return Analysis(
        article=article.id,
        sentences=sentences,
        figures=extract_figures(article.id, sentences),
        event_date=event_date(dates, sentences, article.published),
        dates=dates,
        places=find_places(sentences, gazetteer, article.text),
    )
