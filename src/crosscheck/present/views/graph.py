"""The derivation graph: one row band per origin group, the origin on the left and what
derives from it to the right, one column per step of reuse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crosscheck.records import Derivation

COLUMN = 210
NODE_W = 180
NODE_H = 38
ROW = 48
GROUP_GAP = 14
LEFT = 10


@dataclass(frozen=True, slots=True)
class Node:
    article: str
    x: float
    y: float
    label: str
    detail: str
    href: str
    origin: bool


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    article: str
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str  # verbatim | edited | paraphrase


@dataclass(frozen=True, slots=True)
class GraphView:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    node_width: int = NODE_W
    node_height: int = NODE_H


def derivation_graph(
    origins: Sequence[str],
    origin_of: dict[str, str],
    members: Sequence[str],
    derivations: Sequence[Derivation],
    describe: Callable[[str], tuple[str, str, str]],
) -> GraphView:
    """`derivations`: the story's own; `describe(article)` gives a node's label, detail
    line and link."""
    inside = set(members)
    sources: dict[str, list[Derivation]] = {}
    for d in derivations:
        if d.article in inside and d.source in inside:
            sources.setdefault(d.article, []).append(d)
    depth: dict[str, int] = {}
    for article in members:
        _depth(article, sources, depth, set())
    groups: dict[str, list[str]] = {o: [] for o in origins}
    for article in members:
        groups.setdefault(origin_of.get(article, article), []).append(article)
    position: dict[str, tuple[float, float]] = {}
    top = 0.0
    for origin, group in groups.items():
        if not group:
            continue
        rows: dict[int, int] = {}
        for article in sorted(group, key=lambda a: (depth[a], a != origin)):
            column = depth[article]
            position[article] = (LEFT + column * COLUMN, top + rows.get(column, 0) * ROW)
            rows[column] = rows.get(column, 0) + 1
        top += max(rows.values()) * ROW + GROUP_GAP
    nodes = tuple(
        Node(a, x, y, *describe(a), origin=origin_of.get(a, a) == a)
        for a, (x, y) in position.items()
    )
    edges = tuple(
        Edge(d.source, article, sx + NODE_W, sy + NODE_H / 2, tx, ty + NODE_H / 2, d.kind)
        for article, found in sources.items()
        for d in found
        for (sx, sy), (tx, ty) in [(position[d.source], position[article])]
    )
    width = int(max((x for x, _ in position.values()), default=0) + NODE_W + 2 * LEFT)
    return GraphView(
        width=width, height=int(max(top - GROUP_GAP, NODE_H) + 4), nodes=nodes, edges=edges
    )


def _depth(
    article: str, sources: dict[str, list[Derivation]], depth: dict[str, int], seen: set[str]
) -> int:
    if article in depth:
        return depth[article]
    if article in seen:  # a cycle in the stored graph must not hang the report
        return 0
    seen.add(article)
    found = [_depth(d.source, sources, depth, seen) for d in sources.get(article, ())]
    depth[article] = 1 + max(found) if found else 0
    return depth[article]
