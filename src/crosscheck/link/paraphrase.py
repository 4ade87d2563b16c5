"""Paraphrased rewrites and what a derivative adds to its origin.

A spun rewrite shares almost no five-word run with its origin, so shingles miss it; what it
keeps is the origin's sentences, one by one, in the same order, each reworded. So the two
articles' sentences are compared by meaning (sentence embeddings) and aligned monotonically:
the longest chain of matching sentences that keeps both articles' order. A pair whose chain
covers most of the shorter article is a rewrite; the article whose sentences are covered
(or, with publication times, the later one) is the derivative.

The same alignment says which sentences of any derivative, verbatim or reworded, have no
counterpart in its origin: an added quote, a new figure, an editorial claim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from crosscheck.link.derivation import primary_sources
from crosscheck.names import fold
from crosscheck.records import Analysis, Article, Derivation, Span, Unsupported

# Two sentences say the same thing at this likeness: the cosine of their all-MiniLM-L6-v2
# vectors (reworded sentences score 0.55-0.8, two reports' own sentences on one event
# rarely above 0.5), raised when they name the same figure, place or person.
SAME_MEANING = 0.55
SHARED_FACT = 0.1
# A sentence whose best counterpart in the origin stays below this is the derivative's own.
SUPPORTED = 0.4
# A rewrite follows this share of the shorter article's sentences, in order.
FOLLOWS = 0.6
MIN_SENTENCES = 3
MAX_SENTENCES = 60
NEIGHBOURS = 5  # in large stories, each article is compared with its nearest few only
MIN_WORDS = 4

Encode = Callable[[str, Sequence[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class Sentences:
    article: Article
    spans: tuple[Span, ...]
    vectors: np.ndarray
    figures: tuple[frozenset[int], ...]  # casualty figures each sentence gives
    names: tuple[frozenset[str], ...]  # places and people each sentence names

    @property
    def centroid(self) -> np.ndarray:
        mean = self.vectors.mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)


def sentences_of(article: Article, analysis: Analysis, encode: Encode) -> Sentences:
    spans = tuple(s for s in analysis.sentences if len(s.text.split()) >= MIN_WORDS)
    spans = spans[:MAX_SENTENCES]
    named = [(p.span.start, fold(p.name)) for p in analysis.places] + [
        (e.span.start, fold(e.name)) for e in analysis.entities
    ]
    return Sentences(
        article,
        spans,
        encode(article.id, [s.text for s in spans]),
        tuple(
            frozenset(
                f.value
                for f in analysis.figures
                if not f.span.in_title and s.start <= f.span.start < s.end
            )
            for s in spans
        ),
        tuple(frozenset(n for at, n in named if s.start <= at < s.end) for s in spans),
    )


def likeness(a: Sentences, b: Sentences) -> np.ndarray:
    """Sentence-by-sentence likeness: meaning, plus shared facts; two sentences that give
    different figures do not say the same thing however alike their wording."""
    score = a.vectors @ b.vectors.T
    for i in range(len(a.spans)):
        for j in range(len(b.spans)):
            fa, fb = a.figures[i], b.figures[j]
            if fa and fb and not fa & fb:
                score[i, j] = -1.0
            elif fa & fb or a.names[i] & b.names[j]:
                score[i, j] += SHARED_FACT
    return score


def find_paraphrases(
    stories: Iterable[Sequence[str]],
    sentences: Mapping[str, Sentences],
    known: Iterable[Derivation],
) -> tuple[Derivation, ...]:
    """Rewrites among the members of each story that shingles did not already connect."""
    linked = {frozenset((d.article, d.source)) for d in known}
    best: dict[str, tuple[Derivation, str]] = {}
    for members in stories:
        usable = [m for m in members if m in sentences and len(sentences[m].spans) >= MIN_SENTENCES]
        for a, b in _pairs(usable, sentences):
            if frozenset((a, b)) in linked:
                continue
            edge = _paraphrase(sentences[a], sentences[b])
            if edge is None:
                continue
            # A rewrite of wire copy matches every outlet that ran the copy: keep the one
            # it follows best, and of equals the first published.
            published = sentences[edge.source].article.published or ""
            kept = best.get(edge.article)
            if kept is None or (-edge.score, published) < (-kept[0].score, kept[1]):
                best[edge.article] = (edge, published)
    return tuple(sorted((edge for edge, _ in best.values()), key=lambda d: (d.article, d.source)))


def unsupported(
    derivations: Iterable[Derivation], sentences: Mapping[str, Sentences]
) -> tuple[Unsupported, ...]:
    """Sentences of each derivative with no counterpart in the article it derives from
    (its closest source, when it has several)."""
    found: list[Unsupported] = []
    for d in primary_sources(derivations).values():
        own, origin = sentences.get(d.article), sentences.get(d.source)
        if own is None or origin is None or not len(own.spans) or not len(origin.spans):
            continue
        best = likeness(own, origin).max(axis=1)
        found.extend(
            Unsupported(d.article, d.source, span)
            for span, score in zip(own.spans, best, strict=True)
            if score < SUPPORTED
        )
    return tuple(found)


def _pairs(members: list[str], sentences: Mapping[str, Sentences]) -> Iterable[tuple[str, str]]:
    if len(members) <= NEIGHBOURS + 1:
        return combinations(members, 2)
    centroids = np.stack([sentences[m].centroid for m in members])
    likeness = centroids @ centroids.T
    pairs = set()
    for i, row in enumerate(likeness):
        for j in np.argsort(-row)[1 : NEIGHBOURS + 1]:
            pairs.add((members[min(i, j)], members[max(i, j)]))
    return sorted(pairs)


def _paraphrase(a: Sentences, b: Sentences) -> Derivation | None:
    chain = align(likeness(a, b))
    shorter = min(len(a.spans), len(b.spans))
    if len(chain) < MIN_SENTENCES or len(chain) / shorter < FOLLOWS:
        return None
    derived, source = _direction(a, b, len(chain))
    share = len(chain) / len(derived.spans)
    return Derivation(derived.article.id, source.article.id, "paraphrase", round(share, 3))


def align(likeness: np.ndarray) -> list[tuple[int, int]]:
    """The longest order-preserving chain of sentence pairs that mean the same thing,
    weighted by how alike they are (a weighted longest common subsequence)."""
    m, n = likeness.shape
    score = np.zeros((m + 1, n + 1))
    for i in range(m):
        for j in range(n):
            match = score[i, j] + likeness[i, j] if likeness[i, j] >= SAME_MEANING else -1.0
            score[i + 1, j + 1] = max(score[i, j + 1], score[i + 1, j], match)
    chain = []
    i, j = m, n
    while i and j:
        if score[i, j] == score[i - 1, j]:
            i -= 1
        elif score[i, j] == score[i, j - 1]:
            j -= 1
        else:
            chain.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return chain[::-1]


def _direction(a: Sentences, b: Sentences, aligned: int) -> tuple[Sentences, Sentences]:
    pa, pb = a.article.published, b.article.published
    if pa and pb and pa != pb:
        return (b, a) if pa < pb else (a, b)
    # Without times, the article whose sentences are the more fully covered is the one
    # contained in the other: the rewrite, which rarely keeps all of a longer origin.
    cover_a, cover_b = aligned / len(a.spans), aligned / len(b.spans)
    if cover_a != cover_b:
        return (a, b) if cover_a > cover_b else (b, a)
    return (b, a) if a.article.id < b.article.id else (a, b)
