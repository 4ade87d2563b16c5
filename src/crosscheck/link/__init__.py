"""Link: stories, derivation between articles, and independent origins."""

from __future__ import annotations

from collections.abc import Mapping

from crosscheck.link.alignment import Encode
from crosscheck.link.derivation import find_derivations, fingerprints, origins, within_stories
from crosscheck.link.incremental import LinkIndex, LinkUpdate, extend, index_entries
from crosscheck.link.profile import profiles
from crosscheck.link.rewrites import rewrites
from crosscheck.link.stories import Vocabulary, group_stories
from crosscheck.records import Altered, Analysis, Article, Linkage, Unsupported

__all__ = ["Encode", "LinkIndex", "LinkUpdate", "build", "extend", "link"]


def link(
    articles: list[Article],
    analyses: Mapping[str, Analysis] | None = None,
    encode: Encode | None = None,
) -> Linkage:
    """Stories, derivations and origins of a pool of articles. With `encode` (sentence
    embeddings) and analyses, paraphrased rewrites and unsupported sentences too."""
    return build(articles, analyses, encode).linkage


def build(
    articles: list[Article],
    analyses: Mapping[str, Analysis] | None = None,
    encode: Encode | None = None,
) -> LinkUpdate:
    """Link a whole pool, and the index entries that let later articles join it (`extend`)."""
    pool = profiles(articles, analyses)
    vocabulary = Vocabulary.of(pool)
    # A page that held no story (a login wall) shares its boilerplate with unrelated pages.
    derivations = find_derivations(fingerprints(a for a in articles if not pool[a.id].bare))
    stories = group_stories(pool, derivations, vocabulary)
    derivations = within_stories(derivations, stories)
    added: tuple[Unsupported, ...] = ()
    changed: tuple[Altered, ...] = ()
    if encode is not None and analyses:
        derivations, added, changed = rewrites(
            articles, analyses, encode, stories, derivations, pool, vocabulary.text
        )
    linkage = Linkage(
        stories=stories,
        derivations=derivations,
        origin_of=origins([a.id for a in articles], derivations),
        unsupported=added,
        altered=changed,
    )
    return LinkUpdate(frozenset(), linkage, tuple(index_entries(pool, vocabulary.keys)))
