"""Stories from scored pairs without chaining.

Joining every pair the story model accepts (single link) lets one generic pair bridge two
events, and a chain of such bridges made one story of 722 Latin American wire reports. So
groups grow by average link: two groups merge when the model's probabilities summed over
every pair across them, a pair it did not accept counting nothing, reach `cohesion` times
the number of those pairs. A report joins a story when it is like enough of its members,
not when it is like one of them.

Pairs are taken strongest first, ties by id, so every run (and each machine of a
distributed one, which clusters one connected component at a time) makes the same groups:
average link never merges across two components, so clustering each alone is clustering
the whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosscheck.link.unionfind import UnionFind

Edge = tuple[str, str, float]  # two articles and the probability they tell one event


def cohesive_groups(
    items: Iterable[str],
    seeds: Iterable[tuple[str, str]],
    edges: Iterable[Edge],
    cohesion: float,
) -> list[list[str]]:
    """Groups of `items`: those joined by `seeds` (a copy and its source) start as one, then
    groups merge along `edges` while they stay cohesive."""
    start = UnionFind(items)
    for a, b in seeds:
        start.union(a, b)
    members = start.groups()
    group = {item: root for root, found in members.items() for item in found}
    # Summed probabilities between two groups, kept up to date as groups merge.
    between: dict[str, dict[str, float]] = {root: {} for root in members}
    ordered = sorted(edges, key=lambda e: (-e[2], e[0], e[1]))
    for a, b, p in ordered:
        ga, gb = group[a], group[b]
        if ga != gb:
            between[ga][gb] = between[ga].get(gb, 0.0) + p
            between[gb][ga] = between[gb].get(ga, 0.0) + p
    for a, b, _ in ordered:
        ga, gb = group[a], group[b]
        if ga == gb:
            continue
        if between[ga].get(gb, 0.0) < cohesion * len(members[ga]) * len(members[gb]):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        for item in members[gone]:
            group[item] = keep
        members[keep].extend(members.pop(gone))
        for other, total in between.pop(gone).items():
            del between[other][gone]
            if other != keep:
                between[keep][other] = between[keep].get(other, 0.0) + total
                between[other][keep] = between[other].get(keep, 0.0) + total
    return list(members.values())
