"""TF-IDF vectors over a pool of articles, and the rare terms used to block candidate pairs."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"[a-z][a-z'-]+|\d+")
_STOP = frozenset(
    "a about after again against all also an and any are as at be because been before being "
    "between both but by can could did do does during each few for from further had has have "
    "having he her here hers him his how i if in into is it its just more most my no nor not "
    "now of off on once only or other our out over own same she should so some such than that "
    "the their them then there these they this those through to too under until up very was "
    "we were what when where which while who whom why will with would you your said says say "
    "told according monday tuesday wednesday thursday friday saturday sunday today yesterday "
    "night morning afternoon evening week month year years one two three four five people "
    "police".split()
)


@dataclass(frozen=True, slots=True)
class Vector:
    weights: dict[str, float]
    norm: float

    def cosine(self, other: Vector) -> float:
        if not self.norm or not other.norm:
            return 0.0
        small, large = sorted((self.weights, other.weights), key=len)
        dot = sum(w * large.get(t, 0.0) for t, w in small.items())
        return dot / (self.norm * other.norm)


def terms(text: str) -> Counter[str]:
    return Counter(t for t in _TOKEN.findall(text.lower()) if t not in _STOP)


def vectorise(
    counts: dict[str, Counter[str]], df: Mapping[str, int] | None = None, n: int | None = None
) -> tuple[dict[str, Vector], dict[str, float]]:
    """TF-IDF vectors (sublinear tf) for each document, and the idf of each term; document
    frequencies come from the documents themselves unless a larger pool's are given."""
    if df is None:
        df = Counter()
        for c in counts.values():
            df.update(c.keys())
    n = len(counts) if n is None else n
    idf = {t: inverse_frequency(df.get(t, 1), n) for c in counts.values() for t in c}
    vectors = {}
    for doc, c in counts.items():
        weights = {t: (1 + math.log(f)) * idf[t] for t, f in c.items()}
        vectors[doc] = Vector(weights, math.sqrt(sum(w * w for w in weights.values())))
    return vectors, idf


def inverse_frequency(df: int, n: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1
