"""Incremental linking: new articles join the stories of a linked pool without relinking it.

The pool keeps, per article, its linking profile and its blocking keys, and overall the
document frequency of every term. A new article is weighed against the pool's frequencies,
looks up its keys, and is compared with the stored articles filed under them only: the
same story model as a full link, on the same candidates a full link would see, and joins
a stored story when it is like enough of its members (average link, link/clustering).
Stories it joins are merged; derivation and rewrites are then checked again inside the
stories that changed, and nowhere else. The work per new article depends on how many
reports share its keys, not on the size of the pool.

What a full relink would do differently: terms' weights drift as the pool grows, and an
article's stored keys were chosen with the frequencies of its day, so a new article looks
up more of its rare terms (QUERY_KEYS) than it files; pairs of stored reports are not
scored again, so two stored stories merge only on what the new reports share with them;
and a roundup of several shootings, once placed in a story, stays there when a report more
like it arrives later.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from crosscheck.link.alignment import Encode
from crosscheck.link.clustering import cohesive_groups
from crosscheck.link.derivation import derivations_between, origins, within_stories
from crosscheck.link.profile import Likeness, Profile, profiles
from crosscheck.link.rewrites import rewrites
from crosscheck.link.stories import (
    KEYS_PER_ARTICLE,
    MAX_POSTING,
    Wording,
    derivation_seeds,
    discriminating_names,
    keys_of,
    named_stories,
    story_edges,
    story_probability,
)
from crosscheck.link.story_model import story_model
from crosscheck.records import (
    Altered,
    Analysis,
    Article,
    Derivation,
    IndexEntry,
    Linkage,
    Unsupported,
)

QUERY_KEYS = 2 * KEYS_PER_ARTICLE
# Copy shares most of its words with its source; pairs below this TF-IDF cosine are not
# checked for reuse (a full link finds the same pairs through MinHash LSH).
COPY_WORDING = 0.2


class LinkIndex(Protocol):
    """What incremental linking reads from wherever the pool is kept."""

    def index_size(self) -> int: ...
    def document_frequencies(self, field: str, terms: Iterable[str]) -> dict[str, int]: ...
    def postings(self, keys: Iterable[str], limit: int) -> dict[str, list[str]]: ...
    def link_profiles(self, ids: Iterable[str]) -> dict[str, str]: ...
    def linkage(self, articles: Iterable[str] | None = None) -> Linkage: ...
    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...
    def analyses(self, ids: Iterable[str] | None = None) -> dict[str, Analysis]: ...


@dataclass(frozen=True, slots=True)
class LinkUpdate:
    """Stories to drop, the linkage of the stories that replace them, and index entries."""

    removed: frozenset[str]
    linkage: Linkage
    entries: tuple[IndexEntry, ...]


def index_entries(
    pool: Mapping[str, Profile], keys: Mapping[str, Sequence[str]]
) -> list[IndexEntry]:
    return [
        IndexEntry(p.id, p.to_json(), tuple(p.terms), tuple(p.headline), tuple(keys[p.id]))
        for p in pool.values()
    ]


def extend(
    new: list[Article],
    analyses: Mapping[str, Analysis],
    index: LinkIndex,
    encode: Encode | None = None,
) -> LinkUpdate:
    """Place `new` articles (not yet in the index) into the stored stories. Only the
    stories holding articles that share a key with them are read."""
    fresh = profiles(new, analyses)
    n = index.index_size() + len(fresh)
    text, heads = _wordings(fresh, fresh, index, n)
    entries = tuple(
        index_entries(fresh, {a: keys_of(a, text, heads, p.facts) for a, p in fresh.items()})
    )
    candidates = _candidates(fresh, text, heads, entries, index)
    nearby = {c for found in candidates.values() for c in found} - fresh.keys()
    pool = {**_stored(index, nearby, fresh), **fresh}
    linkage = index.linkage(nearby)
    text, heads = _wordings(pool, fresh, index, n)
    names = discriminating_names(pool.values())

    story_of = linkage.story_of()
    similar: set[tuple[str, str]] = set()
    joins = []
    for a, found in candidates.items():
        for b in found & pool.keys():
            alike = Likeness(text.cosine(a, b), heads.cosine(a, b))
            if alike.text >= COPY_WORDING and not (pool[a].bare or pool[b].bare):
                similar.add((a, b))
            p = story_probability(pool[a], pool[b], alike, names)
            if p >= story_model().threshold:
                joins.append((a, b, alike, p))
    edges = list(story_edges(joins, pool, settled=frozenset(pool.keys() - fresh.keys())))

    articles = {a.id: a for a in new}
    articles.update(
        (a.id, a) for a in index.articles(sorted({b for _, b in similar} - fresh.keys()))
    )
    reused = derivations_between(similar, articles)
    seeds = derivation_seeds(pool, reused)
    ends = {x for a, b, _ in edges for x in (a, b)} | {x for pair in seeds for x in pair}
    joined = {story_of[x] for x in ends if x in story_of}
    # A stored story stays whole: new reports join it, or bridge it to another, when they
    # are like enough of its members (link/clustering), as in a full link.
    for story in joined:
        first, *rest = linkage.stories[story]
        seeds.extend((first, m) for m in rest)

    affected = set(fresh) | ends | {m for s in joined for m in linkage.stories[s]}
    pool.update(_stored(index, affected - pool.keys(), fresh))
    groups = cohesive_groups(sorted(affected), seeds, edges, story_model().cohesion)
    stories = named_stories(groups, pool)
    derivations = within_stories(_derivations(linkage, affected, reused), stories)
    added: tuple[Unsupported, ...] = ()
    changed: tuple[Altered, ...] = ()
    if encode is not None:
        text, heads = _wordings(pool, fresh, index, n)
        articles.update((a.id, a) for a in index.articles(sorted(affected - articles.keys())))
        more = {a: analyses[a] for a in fresh if a in analyses}
        more.update(index.analyses(sorted(affected - fresh.keys())))
        kept = [d for d in derivations if d.kind != "paraphrase"]
        derivations, added, changed = rewrites(
            [articles[a] for a in sorted(affected)], more, encode, stories, kept, pool, text
        )
    return LinkUpdate(
        removed=frozenset(joined),
        linkage=Linkage(
            stories=stories,
            derivations=derivations,
            origin_of=origins(sorted(affected), derivations),
            unsupported=added,
            altered=changed,
        ),
        entries=entries,
    )


def _stored(index: LinkIndex, ids: set[str], fresh: Mapping[str, Profile]) -> dict[str, Profile]:
    return {
        a: Profile.from_json(a, data)
        for a, data in index.link_profiles(sorted(ids - fresh.keys())).items()
    }


def _wordings(
    pool: Mapping[str, Profile], fresh: Mapping[str, Profile], index: LinkIndex, n: int
) -> tuple[Wording, Wording]:
    """TF-IDF over the pool's document frequencies, counting the new articles in."""
    wordings = []
    for field, counts in (
        ("terms", {p.id: p.terms for p in pool.values()}),
        ("headline", {p.id: p.headline for p in pool.values()}),
    ):
        df = Counter(index.document_frequencies(field, {t for c in counts.values() for t in c}))
        for p in fresh.values():
            df.update(getattr(p, field).keys())
        wordings.append(Wording.over(counts, df, n))
    return wordings[0], wordings[1]


def _candidates(
    fresh: Mapping[str, Profile],
    text: Wording,
    heads: Wording,
    entries: Iterable[IndexEntry],
    index: LinkIndex,
) -> dict[str, set[str]]:
    """For each new article, the stored and new articles filed under one of its keys."""
    wanted = {a: keys_of(a, text, heads, p.facts, QUERY_KEYS) for a, p in fresh.items()}
    filed = index.postings({k for keys in wanted.values() for k in keys}, MAX_POSTING)
    for e in entries:
        for key in e.keys:
            filed.setdefault(key, []).append(e.article)
    # Bylines are filed too: the story model tells them from victims' names.
    found: dict[str, set[str]] = {}
    for a, keys in wanted.items():
        found[a] = {b for key in keys if len(ids := filed.get(key, [])) <= MAX_POSTING for b in ids}
        found[a].discard(a)
    return found


def _derivations(
    linkage: Linkage, affected: set[str], new: Iterable[Derivation]
) -> tuple[Derivation, ...]:
    kept = {(d.article, d.source): d for d in linkage.derivations if d.article in affected}
    kept.update(((d.article, d.source), d) for d in new)
    return tuple(sorted(kept.values(), key=lambda d: (d.article, d.source)))
