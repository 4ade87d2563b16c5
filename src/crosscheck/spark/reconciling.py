"""Each story on its own: its rewrites, origins, record and output documents.

Once linking has said which articles form a story, everything left is local to the story,
so Spark maps over stories: one task holds one story's articles, analyses and derivations,
and calls what a local run calls (`named_stories`, `within_stories`, `rewrites`, `origins`,
`reconcile`, `story_document`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from crosscheck.link.alignment import by_article
from crosscheck.link.derivation import origins, within_stories
from crosscheck.link.embeddings import LazyEncoder
from crosscheck.link.rewrites import rewrites
from crosscheck.link.stories import Wording, named_stories
from crosscheck.present.contract import story_document
from crosscheck.reconcile import Coverage, reconcile
from crosscheck.records import (
    Altered,
    Analysis,
    Article,
    Derivation,
    Linkage,
    StoryRecord,
    Unsupported,
)
from crosscheck.spark.linking import Linkable


@dataclass(frozen=True, slots=True)
class Member:
    """One article of a story with what the story stage needs of it."""

    article: Article
    analysis: Analysis
    linkable: Linkable


@dataclass(frozen=True, slots=True)
class StoryOutput:
    record: StoryRecord
    document: str  # the story in the shape of stories.json, one line


def story_outputs(
    stories: Iterable[tuple[list[Member], list[Derivation]]],
    paraphrases: bool,
    coverage: Mapping[str, Coverage],
) -> Iterator[StoryOutput]:
    """The outputs of a partition's stories. `paraphrases` looks for rewrites with sentence
    embeddings, and matches quotes by meaning, as `crosscheck run --rewrites` does;
    `coverage` is each outlet's coverage area."""
    encoder = LazyEncoder() if paraphrases else None  # one model per task, loaded if needed
    for members, derivations in stories:
        yield _story(members, derivations, encoder, coverage)


def _story(
    members: list[Member],
    derivations: list[Derivation],
    encoder: LazyEncoder | None,
    coverage: Mapping[str, Coverage],
) -> StoryOutput:
    pool = {m.article.id: m.linkable.profile for m in members}
    stories = named_stories([list(pool)], pool)
    (story, ids), *_ = stories.items()
    articles = {m.article.id: m.article for m in members}
    analyses = {m.article.id: m.analysis for m in members}
    found = within_stories(sorted(derivations, key=lambda d: (d.article, d.source)), stories)
    added: tuple[Unsupported, ...] = ()
    changed: tuple[Altered, ...] = ()
    if encoder is not None:
        text = Wording.of_vectors({m.article.id: m.linkable.text for m in members})
        found, added, changed = rewrites(
            [articles[a] for a in sorted(articles)],
            analyses,
            by_article(encoder),
            stories,
            found,
            pool,
            text,
        )
    linkage = Linkage(stories, found, origins(sorted(articles), found), added, changed)
    areas = {
        a.id: coverage[a.outlet]
        for a in articles.values()
        if a.outlet is not None and a.outlet in coverage
    }
    chosen = [articles[a] for a in ids]
    record = reconcile(story, chosen, analyses, linkage, encoder, areas)
    document = story_document(record, chosen, linkage, analyses)
    return StoryOutput(record, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
