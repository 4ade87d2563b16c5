"""Stories: articles that report the same incident.

Candidate pairs come from MinHash LSH over word trigrams (never all pairs); a pair joins
when its texts share enough vocabulary, and articles that derive from one another always
share a story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from datasketch import MinHashLSH

from crosscheck.link.shingles import jaccard, shingles, signature
from crosscheck.link.unionfind import UnionFind
from crosscheck.records import Article, Derivation

SHINGLE = 3
NUM_PERM = 128
SAME_STORY = 0.2


def group_stories(articles: list[Article], derivations: Iterable[Derivation]) -> dict[str, tuple[str, ...]]:
    sets = UnionFind(a.id for a in articles)
    for d in derivations:
        sets.union(d.article, d.source)
    for a, b in _similar_pairs(articles):
        sets.union(a, b)
    order = {a.id: (a.published or "", i) for i, a in enumerate(articles)}
    stories: dict[str, tuple[str, ...]] = {}
    for members in sets.groups().values():
        members.sort(key=order.__getitem__)
        stories[story_id(members)] = tuple(members)
    return stories


def story_id(members: list[str]) -> str:
    """Named after its first article, so a story keeps its id as later reports join it."""
    return "s-" + hashlib.blake2b(members[0].encode(), digest_size=6).hexdigest()


def _similar_pairs(articles: list[Article]) -> Iterable[tuple[str, str]]:
    lsh = MinHashLSH(threshold=SAME_STORY, num_perm=NUM_PERM)
    grams = {}
    for article in articles:
        g = shingles(article.text, SHINGLE)
        if g:
            grams[article.id] = (g, signature(g, NUM_PERM))
            lsh.insert(article.id, grams[article.id][1])
    for aid, (g, sig) in grams.items():
        for other in lsh.query(sig):
            if other > aid and jaccard(g, grams[other][0]) >= SAME_STORY:
                yield aid, other
