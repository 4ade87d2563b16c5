"""Derivation between articles: which article reuses which, and the origin each goes back to.

Candidates come from MinHash LSH over word 5-grams, so the cost grows with the number of
articles, not with the number of pairs. A candidate pair is checked exactly on its shingle
sets; the article whose text is reused is the source, and when both carry publication times
the earlier one is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from datasketch import MinHash, MinHashLSH

from crosscheck.credits import credited_outlet
from crosscheck.link.shingles import containment, jaccard, shingles, signature
from crosscheck.records import Article, Derivation, DerivationDirection, DerivationKind

SHINGLE = 5
NUM_PERM = 128
# A rewrite that keeps this share of its 5-grams from another article reuses that article.
REUSE = 0.5
VERBATIM = 0.9
# LSH on Jaccard finds pairs of similar size; containment then catches an article reused
# inside a longer one as long as the pair is a candidate at all.
LSH_THRESHOLD = 0.3


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What derivation compares, computed once per article rather than once per pair."""

    article: Article
    grams: frozenset[str]
    minhash: MinHash | None
    credit: str | None


def fingerprints(articles: Iterable[Article]) -> list[Fingerprint]:
    prints = []
    for article in articles:
        grams = shingles(article.text, SHINGLE)
        minhash = signature(grams, NUM_PERM) if grams else None
        prints.append(Fingerprint(article, grams, minhash, credited_outlet(article.text)))
    return prints


def find_derivations(prints: list[Fingerprint]) -> tuple[Derivation, ...]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    by_id = {}
    for fp in prints:
        if fp.minhash is not None:
            lsh.insert(fp.article.id, fp.minhash)
            by_id[fp.article.id] = fp
    found: dict[tuple[str, str], Derivation] = {}
    for fp in by_id.values():
        for other_id in lsh.query(fp.minhash):
            if other_id <= fp.article.id:
                continue
            edge = compare(fp, by_id[other_id])
            if edge:
                found[(edge.article, edge.source)] = edge
    return tuple(sorted(found.values(), key=lambda d: (d.article, d.source)))


def derivations_between(
    pairs: Iterable[tuple[str, str]], articles: Mapping[str, Article]
) -> tuple[Derivation, ...]:
    """Reuse checked on given pairs of articles (candidates found some other way than LSH)."""
    prints = {fp.article.id: fp for fp in fingerprints(articles.values())}
    found = {}
    for a, b in pairs:
        if prints[a].grams and prints[b].grams and (edge := compare(prints[a], prints[b])):
            found[(edge.article, edge.source)] = edge
    return tuple(sorted(found.values(), key=lambda d: (d.article, d.source)))


def lsh_buckets(fp: Fingerprint) -> list[tuple[int, bytes]]:
    """The LSH buckets an article falls in, one per band of its MinHash: two articles
    sharing one are the candidate pairs `find_derivations` checks (a distributed run groups
    articles by bucket instead of querying an index)."""
    if fp.minhash is None:
        return []
    values = fp.minhash.hashvalues
    return [(band, values[start:end].tobytes()) for band, (start, end) in enumerate(_bands())]


@cache
def _bands() -> list[tuple[int, int]]:
    # datasketch picks the bands for the threshold by numerical integration: once.
    return MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges


def compare(a: Fingerprint, b: Fingerprint) -> Derivation | None:
    """Does one of two articles reuse the other, and which is the source?"""
    a_in_b = containment(a.grams, b.grams)
    b_in_a = containment(b.grams, a.grams)
    if max(a_in_b, b_in_a) < REUSE:
        return None
    derived, source, direction = _direction(a, b, a_in_b, b_in_a)
    score = jaccard(a.grams, b.grams)
    kind: DerivationKind = "verbatim" if score >= VERBATIM else "edited"
    return Derivation(
        derived.article.id, source.article.id, kind, round(max(a_in_b, b_in_a), 3), direction
    )


def _direction(
    a: Fingerprint, b: Fingerprint, a_in_b: float, b_in_a: float
) -> tuple[Fingerprint, Fingerprint, DerivationDirection]:
    if (credited := credited_source(a.article, a.credit, b.article, b.credit)) is not None:
        return (b, a, "content") if credited == a.article.id else (a, b, "content")
    pa, pb = a.article.published, b.article.published
    if pa and pb and pa != pb:
        return (b, a, "dated") if pa < pb else (a, b, "dated")
    # Without telling times, the article mostly contained in the other is taken as the copy:
    # outlets trim wire stories far more often than they pad them.
    if abs(a_in_b - b_in_a) > 0.05:
        return (b, a, "content") if b_in_a > a_in_b else (a, b, "content")
    return (b, a, "unknown") if a.article.id < b.article.id else (a, b, "unknown")


def credited_source(
    a: Article, credit_a: str | None, b: Article, credit_b: str | None
) -> str | None:
    """Of two articles crediting one outlet ("(Levant Wire) —"), the id of the one that
    outlet published: the other is its copy. None when credits do not tell."""
    if credit_a and credit_a == credit_b:
        if a.outlet == credit_a != b.outlet:
            return a.id
        if b.outlet == credit_a != a.outlet:
            return b.id
    return None


def primary_sources(derivations: Iterable[Derivation]) -> dict[str, Derivation]:
    """Each derived article's strongest source: word-for-word reuse before rewording."""
    rank = {"verbatim": 2, "edited": 1}
    best: dict[str, Derivation] = {}
    for d in derivations:
        kept = best.get(d.article)
        if kept is None or (rank.get(d.kind, 0), d.score) > (rank.get(kept.kind, 0), kept.score):
            best[d.article] = d
    return best


def origins(article_ids: Iterable[str], derivations: Iterable[Derivation]) -> dict[str, str]:
    """Each article's ultimate origin, following its strongest source back to a root."""
    best = primary_sources(derivations)
    result: dict[str, str] = {}
    for article in article_ids:
        seen = {article}
        current = article
        while current in best and best[current].source not in seen:
            current = best[current].source
            seen.add(current)
        result[article] = current
    return result


def within_stories(
    derivations: Iterable[Derivation], stories: Mapping[str, tuple[str, ...]]
) -> tuple[Derivation, ...]:
    """Reuse between two stories is a shared template (a newsroom's crime-brief form),
    not one report copying another's account: drop it, so origins stay inside stories."""
    story_of = {a: s for s, members in stories.items() for a in members}
    return tuple(
        d
        for d in derivations
        if story_of.get(d.article) is not None and story_of.get(d.article) == story_of.get(d.source)
    )
