"""Two articles' sentences side by side: embedded, with the facts each names, and aligned.

A spun rewrite shares almost no five-word run with its origin, so shingles miss it; what it
keeps is the origin's sentences, each reworded, mostly in the same order. So the sentences of
two articles are compared by meaning (sentence embeddings), raised where they share a figure,
place or person and vetoed where they give different figures; `align` finds the longest chain
of matching sentences that keeps both articles' order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from crosscheck.names import fold
from crosscheck.records import AlteredField, Analysis, Article, Span

# Two sentences say the same thing at this likeness: the cosine of their all-MiniLM-L6-v2
# vectors (reworded sentences score 0.55-0.8, two reports' own sentences on one event
# rarely above 0.5), raised when they name the same figure, place or person.
SAME_MEANING = 0.55
SHARED_FACT = 0.1
# Articles of fewer sentences are not aligned. Two suffice for the models, which read counts
# as well as shares; many scraped originals are two or three long paragraphs.
MIN_SENTENCES = 2
MAX_SENTENCES = 60
MIN_WORDS = 4

# Many articles' sentences to their vectors, article by article: one call embeds them all,
# so the encoder batches sentences of like length across articles.
Encode = Callable[[Mapping[str, Sequence[str]]], Mapping[str, np.ndarray]]


def by_article(encode: Callable[[Sequence[str]], np.ndarray]) -> Encode:
    """An `Encode` from an encoder of plain texts: every article's sentences in one call."""

    def encoded(wanted: Mapping[str, Sequence[str]]) -> dict[str, np.ndarray]:
        # A sentence many articles share (a copy's, an outlet's sign-off) is embedded once.
        row = {t: i for i, t in enumerate(dict.fromkeys(t for s in wanted.values() for t in s))}
        vectors = encode(list(row))
        return {a: vectors[[row[t] for t in sentences]] for a, sentences in wanted.items()}

    return encoded


@dataclass(frozen=True, slots=True)
class Sentences:
    article: Article
    spans: tuple[Span, ...]
    vectors: np.ndarray
    figures: tuple[frozenset[int], ...]  # casualty figures each sentence gives
    names: tuple[frozenset[str], ...]  # places and people each sentence names
    # What each sentence states, by field, as written: what a rewrite can alter.
    facts: tuple[Mapping[AlteredField, tuple[str, ...]], ...]

    @property
    def centroid(self) -> np.ndarray:
        mean = self.vectors.mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)


def embedded(articles: Iterable[tuple[Article, Analysis]], encode: Encode) -> dict[str, Sentences]:
    """Each article's sentences, embedded in one call to `encode`."""
    chosen = {article.id: (article, analysis, _spans(analysis)) for article, analysis in articles}
    vectors = encode({a: [s.text for s in spans] for a, (_, _, spans) in chosen.items()})
    return {
        a: _sentences(article, analysis, spans, vectors[a])
        for a, (article, analysis, spans) in chosen.items()
    }


def sentences_of(article: Article, analysis: Analysis, encode: Encode) -> Sentences:
    return embedded([(article, analysis)], encode)[article.id]


def _spans(analysis: Analysis) -> tuple[Span, ...]:
    spans = tuple(s for s in analysis.sentences if len(s.text.split()) >= MIN_WORDS)
    return spans[:MAX_SENTENCES]


def _sentences(
    article: Article, analysis: Analysis, spans: tuple[Span, ...], vectors: np.ndarray
) -> Sentences:
    named = [(p.span.start, fold(p.name)) for p in analysis.places] + [
        (e.span.start, fold(e.name)) for e in analysis.entities
    ]
    return Sentences(
        article,
        spans,
        vectors,
        tuple(
            frozenset(
                f.value
                for f in analysis.figures
                if not f.span.in_title and s.start <= f.span.start < s.end
            )
            for s in spans
        ),
        tuple(frozenset(n for at, n in named if s.start <= at < s.end) for s in spans),
        tuple(_facts(analysis, s) for s in spans),
    )


def _facts(analysis: Analysis, sentence: Span) -> Mapping[AlteredField, tuple[str, ...]]:
    def inside(span: Span) -> bool:
        return not span.in_title and sentence.start <= span.start < sentence.end

    return {
        # Every figure, repeats kept: "22 killed ... 22 died" changed to "45 killed ... 22
        # died" still replaced one 22.
        "figure": tuple(sorted(str(f.value) for f in analysis.figures if inside(f.span))),
        # Towns only: a rewrite that names the country or province of its origin's town
        # says the same place more broadly.
        "place": _distinct(
            p.name
            for p in analysis.places
            if p.precision in ("point", "town", "district") and inside(p.span)
        ),
        "day": _distinct(
            d.resolved
            for d in analysis.dates
            if d.resolved and d.granularity == "day" and inside(d.span)
        ),
        # Full names only: a first name or surname alone is how a rewrite shortens one.
        "actor": _distinct(e.name for e in analysis.entities if " " in e.name and inside(e.span)),
    }


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


def likeness(a: Sentences, b: Sentences) -> np.ndarray:
    """Sentence-by-sentence likeness: meaning, plus shared facts; two sentences that give
    different figures do not say the same thing however alike their wording."""
    return with_facts(a.vectors @ b.vectors.T, a, b)


def with_facts(raw: np.ndarray, a: Sentences, b: Sentences) -> np.ndarray:
    """`likeness` from the cosines `raw` (a.vectors @ b.vectors.T) already computed."""
    score = raw.copy()
    for i in range(len(a.spans)):
        for j in range(len(b.spans)):
            fa, fb = a.figures[i], b.figures[j]
            if fa and fb and not fa & fb:
                score[i, j] = -1.0
            elif fa & fb or a.names[i] & b.names[j]:
                score[i, j] += SHARED_FACT
    return score


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
