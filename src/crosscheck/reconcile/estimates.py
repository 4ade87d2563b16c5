"""Low/best/high estimates of a story's casualties from its articles' figures.

Rule (UCDP-style), applied to the story's total for each status and to each victim category:

- each article's own count for a status is the largest total it reports for that status,
  or the sum of counts listed under one verb ("745 civilians, 125 soldiers and 148 fighters
  were killed" counts 1,018); parts such as "including seven children" are not totals but
  are the article's count for that category; an injured count is at least shot minus
  killed, for articles that say how many were shot;
- best is the count reported by the most independent origins; of counts reported by as
  many, the most recently published (tolls are revised upward as bodies are found);
- low and high are the smallest and largest counts any article reports.

A report that gives a total and the parts it is made of is checked: do the parts add up?
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from crosscheck.casualties import article_counts
from crosscheck.records import CategoryEstimate, Estimate, Figure, TotalCheck


def estimate(
    status: str,
    figures: list[Figure],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
) -> Estimate:
    per_article = {
        article: count
        for article, own in _by_article(figures).items()
        if (count := article_counts(own).get(status)) is not None
    }
    return _estimate(per_article, origin_of, published)


def by_category(
    figures: list[Figure],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
) -> tuple[CategoryEstimate, ...]:
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for article, own in _by_article(figures).items():
        for f in own:
            if f.category and f.status in {"killed", "injured"}:
                kept = counts[(f.status, f.category)]
                kept[article] = max(kept.get(article, 0), f.value)
    return tuple(
        CategoryEstimate(status, category, _estimate(per_article, origin_of, published))
        for (status, category), per_article in sorted(counts.items())
    )


def total_checks(figures: list[Figure]) -> tuple[TotalCheck, ...]:
    """For each report listing counts by category under one verb and also giving an
    uncategorised total for that status: whether the parts sum to the total."""
    checks = []
    for article, own in _by_article(figures).items():
        lists: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
        totals: dict[str, int] = {}
        for f in own:
            if f.listed_with is not None and f.category:
                lists[(f.status, f.listed_with)][f.category] = f.value
            elif f.category is None and not f.part_of_total:
                totals[f.status] = max(totals.get(f.status, 0), f.value)
        for (status, _), parts in lists.items():
            if len(parts) >= 2 and status in totals:
                total = totals[status]
                checks.append(
                    TotalCheck(article, status, total, parts, sum(parts.values()) == total)
                )
    return tuple(checks)


def _by_article(figures: list[Figure]) -> dict[str, list[Figure]]:
    found: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        found[figure.article].append(figure)
    return found


def _estimate(
    per_article: Mapping[str, int],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
) -> Estimate:
    if not per_article:
        return Estimate()
    origins_by_count: dict[int, set[str]] = defaultdict(set)
    latest_by_count: dict[int, str] = {}
    for article, count in per_article.items():
        origins_by_count[count].add(origin_of.get(article, article))
        latest_by_count[count] = max(latest_by_count.get(count, ""), published.get(article) or "")
    best = max(origins_by_count, key=lambda c: (len(origins_by_count[c]), latest_by_count[c], c))
    return Estimate(low=min(per_article.values()), best=best, high=max(per_article.values()))
