"""The people and organisations of a story, spellings merged across its articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from crosscheck.names import merge_names
from crosscheck.records import Actor, Analysis, EntityKind


def story_actors(ids: list[str], analyses: Mapping[str, Analysis]) -> tuple[Actor, ...]:
    mentions = [(a, e) for a in ids if a in analyses for e in analyses[a].entities]
    canonical = merge_names((e.kind, e.name) for _, e in mentions)
    variants: dict[tuple[EntityKind, str], set[str]] = defaultdict(set)
    articles: dict[tuple[EntityKind, str], set[str]] = defaultdict(set)
    for article, entity in mentions:
        key = (entity.kind, canonical[(entity.kind, entity.name)])
        variants[key].update({entity.name, entity.span.text})
        articles[key].add(article)
    ranked = sorted(variants, key=lambda k: (-len(articles[k]), k[1]))
    return tuple(
        Actor(
            name,
            kind,
            tuple(sorted(variants[(kind, name)] - {name})),
            tuple(sorted(articles[(kind, name)])),
        )
        for kind, name in ranked
    )
