"""Analyze: per-article extraction, each item tied to the span of text it came from.

`analyze(article)` is pure and independent per article, so callers may run it in parallel.
"""

from __future__ import annotations

from crosscheck.analyze.figures import extract_figures
from crosscheck.analyze.sentences import split_sentences
from crosscheck.records import Analysis, Article

# Bump when extraction changes so stored analyses are recomputed.
ANALYZER_VERSION = "rules-2"

__all__ = ["ANALYZER_VERSION", "analyze"]


def analyze(article: Article) -> Analysis:
    sentences = split_sentences(article.id, article.text)
    return Analysis(
        article=article.id,
        sentences=sentences,
        figures=extract_figures(article.id, sentences),
        event_date=article.published[:10] if article.published else None,
    )
