"""Low/best/high estimates of a story's casualties from its articles' figures.

Rule (UCDP-style): each article's own count for a status is the largest total it reports
for that status, or the sum of counts listed under one verb ("745 civilians, 125 soldiers and
148 fighters were killed" counts 1,018); parts such as "including seven children" are not
totals; an injured count is at least shot minus killed, for articles that say how many were
shot. Best is the count reported by the most independent origins (ties go to the most
recently published report, since tolls are revised upward as bodies are found); low and
high are the smallest and largest counts any article reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from crosscheck.casualties import article_counts
from crosscheck.records import Estimate, Figure


def estimate(
    status: str,
    figures: list[Figure],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
) -> Estimate:
    by_article: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_article[figure.article].append(figure)
    per_article = {
        article: count
        for article, own in by_article.items()
        if (count := article_counts(own).get(status)) is not None
    }
    if not per_article:
        return Estimate()
    origins_by_count: dict[int, set[str]] = defaultdict(set)
    latest_by_count: dict[int, str] = {}
    for article, count in per_article.items():
        origins_by_count[count].add(origin_of.get(article, article))
        latest_by_count[count] = max(latest_by_count.get(count, ""), published.get(article) or "")
    best = max(origins_by_count, key=lambda c: (len(origins_by_count[c]), latest_by_count[c], c))
    return Estimate(low=min(per_article.values()), best=best, high=max(per_article.values()))
