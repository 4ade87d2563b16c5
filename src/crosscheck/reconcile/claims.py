"""Figure claims: the same figure across a story's articles, with its support and conflicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from crosscheck.records import Figure, FigureClaim


def figure_claims(figures: list[Figure], origin_of: Mapping[str, str]) -> tuple[FigureClaim, ...]:
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.status, figure.category, figure.value, figure.qualifier)].append(figure)
    claims = [_claim(members, origin_of) for members in groups.values()]
    claims.sort(key=lambda c: (c.status, c.category or "", -c.independent_origins, c.value))
    return tuple(_with_conflicts(claims))


def _claim(members: list[Figure], origin_of: Mapping[str, str]) -> FigureClaim:
    first = members[0]
    sources = sorted({f.attributed_to for f in members if f.attributed_to})
    return FigureClaim(
        value=first.value,
        low=min(f.low for f in members),
        high=max(f.high for f in members),
        status=first.status,
        support=tuple(f.span for f in members),
        independent_origins=len({origin_of.get(f.article, f.article) for f in members}),
        qualifier=first.qualifier,
        category=first.category,
        attributed_to="; ".join(sources) or None,
    )


def _with_conflicts(claims: list[FigureClaim]) -> list[FigureClaim]:
    """Claims about the same status and category whose ranges do not overlap disagree."""
    result = []
    for i, claim in enumerate(claims):
        conflicts = tuple(
            j
            for j, other in enumerate(claims)
            if j != i
            and other.status == claim.status
            and other.category == claim.category
            and (other.high < claim.low or other.low > claim.high)
        )
        result.append(replace(claim, conflicts=conflicts))
    return result
