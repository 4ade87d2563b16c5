"""Link: stories, derivation between articles, and independent origins."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crosscheck.link.derivation import find_derivations, fingerprints, origins
from crosscheck.link.paraphrase import (
    Encode,
    Sentences,
    find_paraphrases,
    sentences_of,
    unsupported,
)
from crosscheck.link.stories import Profile, Wording, group_stories, profiles, wording
from crosscheck.records import Analysis, Article, Derivation, Linkage

__all__ = ["Encode", "link"]

# Reports of one story that share less wording than this are not checked for rewording: a
# spun copy swaps common words but keeps the names, places and numbers TF-IDF weighs most.
REWRITE_WORDING = 0.15


def link(
    articles: list[Article],
    analyses: Mapping[str, Analysis] | None = None,
    encode: Encode | None = None,
) -> Linkage:
    """Stories, derivations and origins of a pool of articles. With `encode` (sentence
    embeddings) and analyses, paraphrased rewrites and unsupported sentences too."""
    pool = profiles(articles, analyses)
    text = wording(pool)
    # A page that held no story (a login wall) shares its boilerplate with unrelated pages.
    derivations = find_derivations(fingerprints(a for a in articles if not pool[a.id].bare))
    stories = group_stories(pool, derivations, text)
    added = ()
    if encode is not None and analyses:
        sentences = _sentences(
            articles, analyses, encode, _worth_aligning(stories, derivations, pool, text)
        )
        derivations = tuple(
            sorted(
                (*derivations, *find_paraphrases(stories.values(), sentences, derivations)),
                key=lambda d: (d.article, d.source),
            )
        )
        added = unsupported(derivations, sentences)
    return Linkage(
        stories=stories,
        derivations=derivations,
        origin_of=origins([a.id for a in articles], derivations),
        unsupported=added,
    )


def _worth_aligning(
    stories: Mapping[str, Sequence[str]],
    derivations: Sequence[Derivation],
    pool: Mapping[str, Profile],
    text: Wording,
) -> set[str]:
    """Articles whose sentences are worth embedding: derivatives and their sources, and
    members of a story that share enough wording with another member to be a rewrite."""
    needed = {d.article for d in derivations} | {d.source for d in derivations}
    for members in stories.values():
        usable = [m for m in members if not pool[m].bare]
        for i, a in enumerate(usable):
            for b in usable[i + 1 :]:
                if text.cosine(a, b) >= REWRITE_WORDING:
                    needed.update((a, b))
    return needed


def _sentences(
    articles: list[Article],
    analyses: Mapping[str, Analysis],
    encode: Encode,
    needed: set[str],
) -> dict[str, Sentences]:
    return {
        a.id: sentences_of(a, analyses[a.id], encode)
        for a in articles
        if a.id in needed and a.id in analyses
    }
