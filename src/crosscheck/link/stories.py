"""Stories: articles that report the same incident.

A journalist matches reports on the rare words they share (the town, the victim's name,
the street) and on when they appeared. So each article's rarest terms are its blocking keys:
only articles sharing a key are compared (never all pairs), a pair joins when the TF-IDF
cosine of the two texts clears a threshold and their publication dates are close, and
articles that derive from one another always share a story.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from crosscheck.link.unionfind import UnionFind
from crosscheck.link.vocabulary import Vector, terms, vectorise
from crosscheck.records import Article, Derivation

SAME_STORY = 0.3
KEYS_PER_ARTICLE = 12
# A key shared by more articles than this says little about which incident they report.
MAX_POSTING = 60
MAX_DAYS_APART = 10


def group_stories(
    articles: list[Article], derivations: Iterable[Derivation]
) -> dict[str, tuple[str, ...]]:
    sets = UnionFind(a.id for a in articles)
    for d in derivations:
        sets.union(d.article, d.source)
    for a, b in similar_pairs(articles):
        sets.union(a, b)
    order = {a.id: (a.published or "", i) for i, a in enumerate(articles)}
    stories: dict[str, tuple[str, ...]] = {}
    for members in sets.groups().values():
        members.sort(key=order.__getitem__)
        stories[story_id(members)] = tuple(members)
    return stories


def story_id(members: list[str]) -> str:
    """Named after its first article in publication order: stable while later reports join,
    renamed only when an earlier report turns up."""
    return "s-" + hashlib.blake2b(members[0].encode(), digest_size=6).hexdigest()


def similar_pairs(articles: list[Article]) -> Iterator[tuple[str, str]]:
    by_id = {a.id: a for a in articles}
    counts = {a.id: terms(f"{a.title or ''}\n{a.text}") for a in articles}
    vectors, idf = vectorise(counts)
    for a, b in _candidates(vectors, idf):
        if _close_in_time(by_id[a], by_id[b]) and vectors[a].cosine(vectors[b]) >= SAME_STORY:
            yield a, b


def _candidates(vectors: dict[str, Vector], idf: dict[str, float]) -> Iterator[tuple[str, str]]:
    singleton_idf = max(idf.values(), default=0.0) - 1e-9
    postings: dict[str, list[str]] = defaultdict(list)
    for doc, vector in vectors.items():
        # A term no other article uses cannot pair this one with anything: skip it.
        shared = [t for t in vector.weights if idf[t] < singleton_idf]
        keys = sorted(shared, key=lambda t: (-vector.weights[t], t))[:KEYS_PER_ARTICLE]
        for key in keys:
            postings[key].append(doc)
    seen: set[tuple[str, str]] = set()
    for docs in postings.values():
        if len(docs) > MAX_POSTING:
            continue
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _close_in_time(a: Article, b: Article) -> bool:
    if not a.published or not b.published:
        return True
    try:
        gap = abs(date.fromisoformat(a.published[:10]) - date.fromisoformat(b.published[:10]))
    except ValueError:
        return True
    return gap.days <= MAX_DAYS_APART
