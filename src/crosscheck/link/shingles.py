"""Word shingles and MinHash signatures: cheap fingerprints that find reuse without all pairs."""

from __future__ import annotations

import re

from datasketch import MinHash

from crosscheck.normalise import normalise_text

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int) -> frozenset[str]:
    tokens = _TOKEN.findall(normalise_text(text))
    if len(tokens) < size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def signature(items: frozenset[str], num_perm: int) -> MinHash:
    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch([item.encode() for item in items])
    return minhash


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of `a` found in `b`: 1.0 when a is wholly reused inside b."""
    return len(a & b) / len(a) if a else 0.0


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0
