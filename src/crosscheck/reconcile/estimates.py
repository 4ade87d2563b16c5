"""Low/best/high estimates of a story's casualties from its articles' figures.

Rule (UCDP-style), applied to the story's total for each status and to each victim category:

- each article's own count for a status is the largest total it reports for that status,
  or the sum of counts listed under one verb ("745 civilians, 125 soldiers and 148 fighters
  were killed" counts 1,018); parts such as "including seven children" are not totals but
  are the article's count for that category; an injured count is at least shot minus
  killed, for articles that say how many were shot, where killed is the larger of the
  article's own count and the story's best (a report that a man "was shot" does not make him
  injured when the others say he died);
- best is the count reported by the most independent origins, among complete counts, where
  a report also backs any smaller uncategorised total it states (two reports say "the man
  died", one of them also recalls "13 people had been killed" elsewhere: one dead, from two
  origins), but only a count some report gives as its own can be best; an
  article that counts only some victim categories ("745 civilians") when the story's
  reports name others (security forces, fighters) does not vote on the total; of counts
  reported by as many origins, the one in more articles, then the one more reports give
  as their own, then the most recently published
  (tolls are revised upward as bodies are found);
- a report that counts its dead only by naming them, writing no number ("killed his wife",
  "the man died"), gives a lower bound: it backs the larger numbered counts of dead other
  reports give ("5 dead") as well as its own. Not so for the injured: a numbered count of
  people shot is more often another shooting's than a report's naming one wounded man is
  incomplete;
- so does a vague count, for dead and injured alike, within what it may mean: "a shooting
  that injured multiple people" (two to nine) backs another report's "five were shot";
- low and high are the smallest and largest counts any article reports.

Outliers (UCDP: best is the most reliable figure, high includes the disputed one):

- a lower bound backs a larger count only up to PLAUSIBLE_BOUND times its own: a report
  naming one dead man may well be short of five dead, hardly of a hundred;
- a count that only one origin gives, more than OUTLIER_FACTOR times the count of every
  other origin, where at least MIN_OTHERS other origins give one
  (a vague count's most it may mean; a count of the dead a report names counting as
  PLAUSIBLE_BOUND times its own), is an outlier: it stays the high estimate, best is
  chosen among the other counts, and the estimate names it.

A report that gives a total and the parts it is made of is checked: do the parts add up?
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from crosscheck.casualties import article_counts, by_article
from crosscheck.reconcile.figures import interval
from crosscheck.records import CategoryEstimate, Estimate, Figure, Status, TotalCheck

# How far beyond its own count a lower bound ("killed his wife", "multiple people") may back
# another report's larger count.
PLAUSIBLE_BOUND = 10
# How far beyond every other origin's count one origin's count must lie to be an outlier,
# and how many other origins must report a count.
OUTLIER_FACTOR = 3
MIN_OTHERS = 2


def estimate(
    status: str,
    figures: list[Figure],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
    killed: int | None = None,
) -> Estimate:
    """The story's estimate for `status`; for injured, `killed` is the story's best count of
    dead, which the people a report says were shot include."""
    told = by_article(figures)
    per_article = {
        article: count
        for article, own in told.items()
        if (count := article_counts(own, killed).get(status)) is not None
    }
    # Parts ("including seven children") are not categories a complete count must cover.
    named: set[str | None] = {
        f.category for f in figures if f.status == status and f.category and not f.part_of_total
    }
    complete = {a for a in per_article if _complete(told[a], status, named)}
    also = {a: _smaller_totals(told[a], status, count) for a, count in per_article.items()}
    bounds: dict[str, int | None] = {
        a: None for a in per_article if status == "killed" and _named_only(told[a], status)
    }
    for article, count in per_article.items():
        if (ceiling := _vague_ceiling(told[article], status, count)) is not None:
            bounds.setdefault(article, ceiling)
    far = {a: _far(n, a in bounds, bounds.get(a)) for a, n in per_article.items()}
    return _estimate(per_article, origin_of, published, complete or None, also, bounds, far)


def _vague_ceiling(own: list[Figure], status: str, count: int) -> int | None:
    """The most a vague count may mean ("multiple people were injured": two to nine), when
    it is all the article says of `status`; None when a count it gives is exact."""
    said = [f for f in own if f.status == status and f.value == count and not f.part_of_total]
    if not said or any(f.low == f.high for f in said):
        return None
    return max(f.high for f in said)


def _named_only(own: list[Figure], status: str) -> bool:
    """Does the article count its `status` only by naming people ("killed his wife"), with
    no number written?"""
    counted = [f for f in own if f.status == status and not f.part_of_total]
    return bool(counted) and not any(f.listed_with is not None or f.numbered for f in counted)


def _smaller_totals(own: list[Figure], status: str, count: int) -> set[int]:
    """Totals an article states besides its count: "the man died" in a report that also
    recalls "13 people had been killed" in an earlier attack."""
    return {
        f.value
        for f in own
        if f.status == status
        and f.value < count
        and f.category is None
        and not f.part_of_total
        and f.listed_with is None
    }


def _complete(own: list[Figure], status: str, named: set[str | None]) -> bool:
    """Does the article's count cover every victim category the story's reports name?"""
    counted = [f for f in own if f.status == status and not f.part_of_total]
    if any(f.category is None for f in counted):
        return True
    return {f.category for f in counted} >= named


def by_category(
    figures: list[Figure],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
) -> tuple[CategoryEstimate, ...]:
    counts: dict[tuple[Status, str], dict[str, int]] = defaultdict(dict)
    reach: dict[tuple[Status, str], dict[str, int]] = defaultdict(dict)
    for article, own in by_article(figures).items():
        for f in own:
            if f.category and f.status in {"killed", "injured"}:
                key = (f.status, f.category)
                if f.value >= counts[key].get(article, 0):
                    counts[key][article] = f.value
                    # "several dozen" may mean up to 99: far outside it is far beyond that.
                    reach[key][article] = _far(f.value, f.high > f.value, f.high)
    return tuple(
        CategoryEstimate(
            status,
            category,
            _estimate(per_article, origin_of, published, far=reach[(status, category)]),
        )
        for (status, category), per_article in sorted(counts.items())
    )


def total_checks(figures: list[Figure]) -> tuple[TotalCheck, ...]:
    """For each report listing counts by category under one verb and also giving an
    uncategorised total for that status: whether the parts sum to the total."""
    checks = []
    for article, own in by_article(figures).items():
        lists: dict[tuple[Status, int], dict[str, int]] = defaultdict(dict)
        totals: dict[Status, Figure] = {}
        for f in own:
            if f.listed_with is not None and f.category:
                lists[(f.status, f.listed_with)][f.category] = f.value
            elif (
                f.category is None
                and not f.part_of_total
                and (f.status not in totals or f.value > totals[f.status].value)
            ):
                totals[f.status] = f
        for (status, _), parts in lists.items():
            if len(parts) >= 2 and status in totals:
                total = totals[status]
                # "Over 1,000 were killed" and parts summing to 1,018 agree; "1,000" does not.
                low, high = interval(total.qualifier, total.low, total.high)
                summed = sum(parts.values())
                checks.append(
                    TotalCheck(article, status, total.value, parts, low <= summed <= high)
                )
    return tuple(checks)


def _estimate(
    per_article: Mapping[str, int],
    origin_of: Mapping[str, str],
    published: Mapping[str, str | None],
    voters: set[str] | None = None,
    also: Mapping[str, set[int]] | None = None,
    bounds: Mapping[str, int | None] | None = None,
    far: Mapping[str, int] | None = None,
) -> Estimate:
    """`bounds`: articles whose count is only a lower bound (the dead named, no number
    written; "multiple people"), with the most it may mean (None: no limit). `far`: per
    article, the count beyond which another origin's count is far outside what it says."""
    if not per_article:
        return Estimate()
    voting = {a: n for a, n in per_article.items() if voters is None or a in voters}
    origins: dict[int, set[str]] = defaultdict(set)
    articles: dict[int, int] = defaultdict(int)
    own: dict[int, int] = defaultdict(int)
    latest: dict[int, str] = {}
    for article, count in voting.items():
        own[count] += 1
        for value in {count} | (also or {}).get(article, set()):
            origins[value].add(origin_of.get(article, article))
            articles[value] += 1
            latest[value] = max(latest.get(value, ""), published.get(article) or "")
    # A lower bound backs every larger count some report numbers, within reason.
    bounds = bounds or {}
    numbered = {n for a, n in voting.items() if a not in bounds}
    for article in voting.keys() & bounds.keys():
        for value in numbered:
            if voting[article] < value <= _reach(voting[article], bounds[article]):
                origins[value].add(origin_of.get(article, article))
    outlier = _outlier(voting, origin_of, far or {})
    # Only a count some article gives can be best; a smaller total it also states backs
    # another article's count of that size.
    candidates = [c for c in own if c != outlier] or list(own)
    best = max(candidates, key=lambda c: (len(origins[c]), articles[c], own[c], latest[c], c))
    return Estimate(
        low=min(per_article.values()),
        best=best,
        high=max(per_article.values()),
        outlier=outlier if outlier != best else None,
    )


def _reach(count: int, ceiling: int | None) -> int:
    """The largest count a lower bound of `count` may stand for."""
    plausible = max(count, 1) * PLAUSIBLE_BOUND
    return plausible if ceiling is None else min(ceiling, plausible)


def _outlier(
    voting: Mapping[str, int], origin_of: Mapping[str, str], far: Mapping[str, int]
) -> int | None:
    """The largest count, when one origin alone gives it and it lies more than
    OUTLIER_FACTOR times beyond what every other origin reports."""
    top = max(voting.values())
    giving = {origin_of.get(a, a) for a, n in voting.items() if n == top}
    others = [(a, n) for a, n in voting.items() if origin_of.get(a, a) not in giving]
    # One origin against one other is a disagreement (a conflict of the story), not an
    # outlier: which of the two is off, nothing tells.
    if len(giving) != 1 or len({origin_of.get(a, a) for a, _ in others}) < MIN_OTHERS:
        return None
    limit = max(far.get(a, max(n, 1) * OUTLIER_FACTOR) for a, n in others)
    return top if top > limit else None


def _far(count: int, bound: bool, ceiling: int | None) -> int:
    """Beyond this, a count is far outside what a report of `count` says: OUTLIER_FACTOR
    times its count, or times the most a vague count may mean; PLAUSIBLE_BOUND times a
    count of the dead it names."""
    if bound and ceiling is None:
        return max(count, 1) * PLAUSIBLE_BOUND
    return max(ceiling if bound and ceiling else count, 1) * OUTLIER_FACTOR
