"""Story linking on Spark: the rules of `crosscheck.link.build`, over keyed datasets.

What a one-machine link keeps in memory becomes data Spark joins and groups:

- the pool's document frequencies: term counts reduced by key, joined back to each
  article's terms, so each article's TF-IDF vectors and blocking keys are those a local
  link computes (`Wording.over` with the pool's frequencies, `keys_of`);
- which names are victims' or suspects' rather than bylines: each name's `Sightings`
  summed by key, joined back to the articles naming it;
- the postings of the blocking keys: articles grouped by key, keys held by more than
  MAX_POSTING articles dropped, pairs within each key;
- the MinHash LSH index of derivation: articles grouped by LSH bucket (`lsh_buckets`);
- union-find: connected components (`components`), then each component clustered by
  average link on one machine (`cohesive_groups`, which never merges across components,
  so clustering each alone is clustering the whole).

Each pair is decided by `story_probability`, `compare` and `look_alikes` as locally.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import add

from pyspark import RDD, StorageLevel

from crosscheck.link.clustering import cohesive_groups
from crosscheck.link.derivation import compare, fingerprints, lsh_buckets
from crosscheck.link.profile import Likeness, Profile
from crosscheck.link.stories import (
    MAX_POSTING,
    Wording,
    keys_of,
    look_alikes,
    name_sightings,
    roundup_offers,
    story_probability,
)
from crosscheck.link.story_model import story_model
from crosscheck.link.vocabulary import Vector
from crosscheck.spark.components import components


@dataclass(frozen=True, slots=True)
class Linkable:
    """One article as story linking weighs it: its profile, its TF-IDF vectors over the
    whole pool, its blocking keys, and the people it names whose names belong to few
    events across the pool (victims and suspects, not bylines)."""

    profile: Profile
    text: Vector
    headline: Vector
    keys: tuple[str, ...]
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Links:
    """What linking found: each article's component (the smallest article id in it),
    every derivation between two articles, and each article's linkable form."""

    component: RDD  # (article id, component label)
    derivations: RDD  # Derivation
    linkables: RDD  # (article id, Linkable)


def link(articles: RDD, profiles: RDD, partitions: int) -> Links:
    """`articles`: (id, Article); `profiles`: (id, Profile), one per article; `partitions`:
    how many partitions each shuffle writes."""
    linkables = _linkables(profiles, partitions)
    linkables.persist(StorageLevel.MEMORY_AND_DISK)
    similar = _similar_pairs(linkables, partitions)
    derivations = _derivations(articles, linkables, partitions)
    derivations.persist(StorageLevel.MEMORY_AND_DISK)
    facts = linkables.mapValues(lambda item: item.profile.facts)
    reused = (
        derivations.map(lambda d: (d.article, d.source))
        .join(facts, partitions)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(facts, partitions)
        .filter(lambda kv: not look_alikes(kv[1][0][1], kv[1][1]))
        .map(lambda kv: (kv[1][0][0], kv[0]))
    )
    similar.persist(StorageLevel.MEMORY_AND_DISK)
    reused.persist(StorageLevel.MEMORY_AND_DISK)
    edges = similar.map(lambda e: (e[0], e[1]))
    component = components(linkables.keys(), edges.union(reused), partitions)
    return Links(_clustered(component, similar, reused, partitions), derivations, linkables)


def _clustered(component: RDD, similar: RDD, reused: RDD, partitions: int) -> RDD:
    """(article id, story label): each component's articles grouped by average link over
    its edges, labelled by the smallest id of their group."""
    cohesion = story_model().cohesion
    tagged = similar.map(lambda e: (e[0], ("edge", e))).union(
        reused.map(lambda s: (s[0], ("seed", s)))
    )
    grouped = (
        tagged.join(component, partitions)
        .map(lambda kv: (kv[1][1], kv[1][0]))
        .groupByKey(partitions)
        .flatMap(lambda kv: _groups(kv[1], cohesion))
    )
    return component.leftOuterJoin(grouped, partitions).mapValues(
        lambda labels: labels[1] if labels[1] is not None else labels[0]
    )


def _groups(rows: Iterable[tuple[str, tuple]], cohesion: float) -> Iterator[tuple[str, str]]:
    tagged = list(rows)
    edges = [e for kind, e in tagged if kind == "edge"]
    seeds = [(a, b) for kind, (a, b, *_) in tagged if kind == "seed"]
    items = sorted({x for a, b, *_ in edges for x in (a, b)} | {x for pair in seeds for x in pair})
    for members in cohesive_groups(items, seeds, edges, cohesion):
        label = min(members)
        for article in members:
            yield article, label


def _linkables(profiles: RDD, partitions: int) -> RDD:
    n = profiles.count()
    text = _frequencies(profiles, lambda p: p.terms, partitions)
    headline = _frequencies(profiles, lambda p: p.headline, partitions)
    rarest = (_rarest(text), _rarest(headline))
    # Left joins: an article with no headline words, or naming no victim, has none to join.
    weighed = (
        profiles.leftOuterJoin(
            _own_frequencies(profiles, lambda p: p.terms, text, partitions), partitions
        )
        .leftOuterJoin(
            _own_frequencies(profiles, lambda p: p.headline, headline, partitions), partitions
        )
        .leftOuterJoin(_victims_and_suspects(profiles, partitions), partitions)
    )
    return weighed.map(lambda kv: (kv[0], _linkable(kv[0], *_flatten(kv[1]), n, rarest)))


def _flatten(row: tuple) -> tuple[Profile, dict[str, int], dict[str, int], frozenset[str]]:
    ((profile, text_df), headline_df), names = row
    return profile, text_df or {}, headline_df or {}, names or frozenset()


def _linkable(
    article: str,
    profile: Profile,
    text_df: dict[str, int],
    headline_df: dict[str, int],
    names: frozenset[str],
    n: int,
    rarest: tuple[int, int],
) -> Linkable:
    text = Wording.over({article: profile.terms}, text_df, n, rarest[0])
    headline = Wording.over({article: profile.headline}, headline_df, n, rarest[1])
    keys = tuple(keys_of(article, text, headline, profile.facts))
    return Linkable(profile, text.vectors[article], headline.vectors[article], keys, names)


def _frequencies(profiles: RDD, field, partitions: int) -> RDD:
    """(term, document frequency) over the pool."""
    return profiles.flatMap(lambda kv: ((t, 1) for t in field(kv[1]))).reduceByKey(add, partitions)


def _rarest(frequencies: RDD) -> int:
    return frequencies.values().fold(1 << 62, min) if not frequencies.isEmpty() else 1


def _own_frequencies(profiles: RDD, field, frequencies: RDD, partitions: int) -> RDD:
    """(article id, {term: document frequency}) for the terms of each article's field,
    for the articles that have any."""
    return (
        profiles.flatMap(lambda kv: ((t, kv[0]) for t in field(kv[1])))
        .join(frequencies, partitions)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .groupByKey(partitions)
        .mapValues(dict)
    )


def _victims_and_suspects(profiles: RDD, partitions: int) -> RDD:
    """(article id, the names it gives that belong to few events across the pool)."""
    kept = (
        profiles.flatMap(lambda kv: name_sightings(kv[1]))
        .reduceByKey(add, partitions)
        .filter(lambda kv: kv[1].discriminating)
    )
    return (
        profiles.flatMap(lambda kv: ((person, kv[0]) for person in kv[1].facts.people))
        .join(kept, partitions)
        .map(lambda kv: (kv[1][0], kv[0]))
        .groupByKey(partitions)
        .mapValues(frozenset)
    )


def _similar_pairs(linkables: RDD, partitions: int) -> RDD:
    """(a, b, probability) for every candidate pair the story model accepts."""
    postings = linkables.flatMap(lambda kv: ((key, kv[0]) for key in kv[1].keys))
    # A key this common says little about which incident a report tells of.
    pairs = (
        postings.groupByKey(partitions)
        .flatMap(lambda kv: _pairs(kv[1], MAX_POSTING))
        .distinct(partitions)
    )
    # Each joined pair, kept small: its ids, likeness and which of the two are roundups.
    joined = _with_both(pairs, linkables, partitions).flatMap(_joined)
    joined.persist(StorageLevel.MEMORY_AND_DISK)
    plain = joined.filter(lambda j: not (j[4] or j[5])).map(lambda j: (j[0], j[1], j[3]))
    # Each roundup joins only the report most like it (`story_edges`).
    offers = joined.flatMap(lambda j: roundup_offers(*j))
    best = offers.reduceByKey(max, partitions).map(lambda kv: (kv[0], kv[1][2], kv[1][3]))
    return plain.union(best)


def _joined(row: tuple) -> Iterator[tuple[str, str, Likeness, float, bool, bool]]:
    a, item_a, b, item_b = row
    alike = Likeness(item_a.text.cosine(item_b.text), item_a.headline.cosine(item_b.headline))
    # Only the names the two articles give can matter to the pair.
    p = story_probability(item_a.profile, item_b.profile, alike, item_a.names | item_b.names)
    if p >= story_model().threshold:
        roundups = item_a.profile.facts.roundup, item_b.profile.facts.roundup
        yield a, b, alike, p, *roundups


def _pairs(members: Iterable[str], limit: int | None = None) -> Iterator[tuple[str, str]]:
    """Every pair of members, the smaller id first; none when there are over `limit`."""
    found = sorted(members)
    if limit is not None and len(found) > limit:
        return
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            yield a, b


def _with_both(pairs: RDD, values: RDD, partitions: int) -> RDD:
    """(a, value of a, b, value of b) for each pair (a, b)."""
    return (
        pairs.join(values, partitions)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(values, partitions)
        .map(lambda kv: (kv[1][0][0], kv[1][0][1], kv[0], kv[1][1]))
    )


def _derivations(articles: RDD, linkables: RDD, partitions: int) -> RDD:
    """Every reuse between two articles with story text, from pairs sharing an LSH bucket."""
    # A page that held no story (a login wall) shares its boilerplate with unrelated pages.
    told = linkables.filter(lambda kv: not kv[1].profile.bare).mapValues(lambda _: None)
    prints = articles.join(told, partitions).mapValues(lambda row: fingerprints([row[0]])[0])
    prints.persist(StorageLevel.MEMORY_AND_DISK)
    pairs = (
        prints.flatMap(lambda kv: ((bucket, kv[0]) for bucket in lsh_buckets(kv[1])))
        .groupByKey(partitions)
        .flatMap(lambda kv: _pairs(kv[1]))
        .distinct(partitions)
    )
    return (
        _with_both(pairs, prints, partitions)
        .map(lambda row: compare(row[1], row[3]))
        .filter(lambda d: d is not None)
    )
