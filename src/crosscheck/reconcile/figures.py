"""Figure claims: the same figure across a story's articles, with its support, who stands
behind it, and the other figures it conflicts with.

Figures are one claim when status, category, value and range agree and their qualifiers
are compatible: "at least 23", "no fewer than 23" and "23" all say 23; "more than 23"
says something else. Two claims about the same status and category conflict; the conflict
is a *revision* when one voice (the monitor the figure is attributed to, or else the
outlet) moved from one figure to the other between reports, and a *disagreement* between
voices otherwise.

A count that is not its article's own (casualties.own_figures: one of dead below a lead
that gives one) is a claim but is compared with none: it is another attack recalled or a
victim named one by one ("the boy's death") as often as a disagreement.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from crosscheck.casualties import by_article, own_figures
from crosscheck.records import Article, Conflict, ConflictKind, Figure, FigureClaim

# Qualifiers that still say the figure itself, and those that say something above or below.
_ABOVE = frozenset({"more than", "over"})
_BELOW = frozenset({"nearly", "almost", "fewer than", "less than", "up to", "at most"})
_FLOOR = frozenset({"at least", "no fewer than", "no less than"})
_ROUGH = frozenset({"about", "around", "some", "roughly", "approximately", "an estimated"})


def figure_claims(
    figures: list[Figure],
    origin_of: Mapping[str, str],
    articles: Mapping[str, Article],
    doubting: set[str],
) -> tuple[tuple[FigureClaim, ...], tuple[Conflict, ...]]:
    """Claims and their conflicts; `doubting` are the articles that say they could not
    verify what they report."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        key = (f.status, f.category, f.value, f.low, f.high, _direction(f.qualifier))
        groups[(*key, f.part_of_total)].append(f)
    own = {f for told in by_article(figures).values() for f in own_figures(told)}
    claimed = sorted(
        (
            (_claim(members, origin_of, articles, doubting), not own.intersection(members))
            for members in groups.values()
        ),
        key=lambda c: (c[0].status, c[0].category or "", -c[0].independent_origins, -c[0].value),
    )
    ranked = [claim for claim, _ in claimed]
    conflicts = _conflicts(ranked, articles, {i for i, (_, aside) in enumerate(claimed) if aside})
    linked: dict[int, set[int]] = defaultdict(set)
    for c in conflicts:
        linked[c.earlier].add(c.later)
        linked[c.later].add(c.earlier)
    return (
        tuple(replace(c, conflicts=tuple(sorted(linked[i]))) for i, c in enumerate(ranked)),
        conflicts,
    )


def _direction(qualifier: str | None) -> str:
    if qualifier in _ABOVE:
        return "above"
    if qualifier in _BELOW:
        return "below"
    return "at"  # no qualifier, a floor ("at least") or a rough figure ("about")


def _claim(
    members: list[Figure],
    origin_of: Mapping[str, str],
    articles: Mapping[str, Article],
    doubting: set[str],
) -> FigureClaim:
    first = members[0]
    sources = sorted({f.attributed_to for f in members if f.attributed_to})
    ids = sorted({f.article for f in members})
    times = [t for a in ids if (t := articles[a].published if a in articles else None)]
    qualifiers = [f.qualifier for f in members if f.qualifier]
    vague = [f.vague for f in members if f.vague]
    return FigureClaim(
        value=first.value,
        low=min(f.low for f in members),
        high=max(f.high for f in members),
        status=first.status,
        support=tuple(f.span for f in members),
        independent_origins=len({origin_of.get(a, a) for a in ids}),
        # The most common wording; a bare figure only when no report qualifies it.
        qualifier=max(qualifiers, key=qualifiers.count) if qualifiers else None,
        category=first.category,
        attributed_to="; ".join(sources) or None,
        articles=len(ids),
        unverified_by=tuple(a for a in ids if a in doubting),
        first_reported=min(times) if times else None,
        part_of_total=first.part_of_total,
        vague=max(vague, key=vague.count) if vague else None,
    )


def _conflicts(
    claims: list[FigureClaim], articles: Mapping[str, Article], aside: set[int]
) -> tuple[Conflict, ...]:
    """Pairs of claims on one status and category that differ; parts of a total ("including
    seven children") and the claims `aside` are not compared, since they are not the
    story's count."""
    by_subject: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if not c.part_of_total and i not in aside:
            by_subject[(c.status, c.category)].append(i)
    found = []
    for indices in by_subject.values():
        for n, i in enumerate(indices):
            for j in indices[n + 1 :]:
                found.append(_conflict(claims, i, j, articles))
    return tuple(sorted(found, key=lambda c: (c.earlier, c.later)))


def _conflict(
    claims: list[FigureClaim], i: int, j: int, articles: Mapping[str, Article]
) -> Conflict:
    a, b = claims[i], claims[j]
    if (b.first_reported or "") < (a.first_reported or ""):
        i, j, a, b = j, i, b, a
    shared = _voices(a, articles) & _voices(b, articles)
    later = a.first_reported and b.first_reported and a.first_reported < b.first_reported
    compatible = _overlap(a, b)
    kind: ConflictKind
    if shared and later:
        who = sorted(shared)[0]
        kind, reason = "revision", f"{who} gave {_said(a)}, then {_said(b)}"
    else:
        kind = "disagreement"
        reason = f"{_said(a)} against {_said(b)}"
        if compatible:
            reason += " (compatible: one is the more precise)"
    return Conflict(i, j, kind, compatible, reason)


def _voices(claim: FigureClaim, articles: Mapping[str, Article]) -> set[str]:
    """Who says a figure: the sources it is attributed to, or the outlets that print it."""
    if claim.attributed_to:
        return set(claim.attributed_to.split("; "))
    return {articles[s.article].outlet or s.article for s in claim.support if s.article in articles}


def interval(qualifier: str | None, low: int, high: int) -> tuple[float, float]:
    """The counts a figure allows: "more than 1,000" any above it, "nearly 50" any up to
    it, "about 200" within a fifth of it, "hundreds" its range."""
    direction = _direction(qualifier)
    if qualifier in _FLOOR or direction == "above":
        return (low + (direction == "above"), math.inf)
    if direction == "below":
        return (0, high)
    if qualifier in _ROUGH:
        return (low * 0.8, high * 1.2)
    return (low, high)


def _overlap(a: FigureClaim, b: FigureClaim) -> bool:
    (a_low, a_high) = interval(a.qualifier, a.low, a.high)
    (b_low, b_high) = interval(b.qualifier, b.low, b.high)
    return a_low <= b_high and b_low <= a_high


def _said(claim: FigureClaim) -> str:
    # In the words of its first report: "several dozen members of the security forces
    # were killed" says more than the 24 it is counted as.
    return f"\u201c{claim.support[0].text}\u201d"
