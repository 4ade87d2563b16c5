"""The learned rewrite decision: is one article a rewording of another, and which came first.

Two logistic models read features of a pair's sentence alignment (link/paraphrase). One says
whether the pair is a rewrite at all, from how much of each side finds a counterpart, in
order or not, and how alike the counterparts are. The other says which side is the
derivative, from what each side adds, how the two condense or expand each other, and how
each is written: a rewording of an origin writes longer words in shorter, more uniform
sentences, condenses more often than it expands, and shifts register: fewer phrasal verbs
and contractions ("set up", "didn't"), fewer "said" and "told", more "however" and "while".
The register is read as the rates of the commonest words of the training articles; how many
words, and how each counts, is learned and shipped with the model. Quotation marks are
deliberately not a feature: LLM rewrites drop their origin's quotations, content farms add
unsourced ones; nor is the apostrophe's shape, which says which program wrote the text.

Both are fitted by `python bench/train_rewrites.py` on the tuning halves of the shared
development sets (real LLM rewrites and constructed hard negatives of rewrites-dev;
independent reports of one event from ecb-dev and gva-dev), and shipped as package data
(`data/rewrite_model.json`) with their feature names, scaling and the figures they reached.
Inference is a dot product, so a run needs no scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from crosscheck.link.alignment import Sentences, align, with_facts
from crosscheck.logistic import Logistic

MODEL_FILE = "rewrite_model.json"

# Counterparts at these cosines: a loose and a close rewording of one sentence.
LOOSE, CLOSE = 0.55, 0.7

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf]|\d{1,2}[.)])\s+\S", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_APOSTROPHES = str.maketrans("\u2019\u2018", "''")


@dataclass(frozen=True, slots=True)
class RewriteModel:
    version: str
    detect: Logistic
    direction: Logistic
    # Words whose rates the direction model reads (`style`).
    register: tuple[str, ...]
    # A pair is a rewrite at this probability or more.
    threshold: float
    # Direction is told from content when its probability is this far from even.
    margin: float
    # A rewrite joined to a sibling moves to the sibling's source when the pair with that
    # source reaches this share of the threshold: it is in that origin group already.
    upstream: float


@cache
def rewrite_model() -> RewriteModel:
    """The shipped model (read once per process)."""
    data = json.loads((resources.files("crosscheck") / "data" / MODEL_FILE).read_text())
    return RewriteModel(
        data["version"],
        Logistic.of(data["detect"]),
        Logistic.of(data["direction"]),
        tuple(data["register"]),
        float(data["threshold"]),
        float(data["margin"]),
        float(data["upstream"]),
    )


@dataclass(frozen=True, slots=True)
class Alignment:
    """What the two models read of a pair: `side_a` and `side_b` say how much of each
    article finds a counterpart in the other."""

    chain: list[tuple[int, int]]
    side_a: dict[str, float]
    side_b: dict[str, float]
    shared: dict[str, float]

    def detect_features(self) -> dict[str, float]:
        """Symmetric: the same whichever article is called a."""
        values = dict(self.shared)
        for name in self.side_a:
            pair = (self.side_a[name], self.side_b[name])
            values[f"max {name}"], values[f"min {name}"] = max(pair), min(pair)
        return values

    def direction_features(
        self, style_a: dict[str, float], style_b: dict[str, float]
    ) -> dict[str, float]:
        """Antisymmetric: each is negated when a and b swap, so the model says how likely
        a derives from b and one minus that for the reverse."""
        values = {f"diff {k}": self.side_a[k] - self.side_b[k] for k in self.side_a}
        values.update({f"diff {k}": style_a[k] - style_b[k] for k in style_a})
        return values


def alignment(a: Sentences, b: Sentences) -> Alignment:
    raw = a.vectors @ b.vectors.T
    chain = align(with_facts(raw, a, b))
    best_a, best_b = raw.max(axis=1), raw.max(axis=0)
    return Alignment(
        chain,
        _side(len(chain), best_a, raw.argmax(axis=1)),
        _side(len(chain), best_b, raw.argmax(axis=0)),
        {
            "centroid": float(a.centroid @ b.centroid),
            "length ratio": abs(math.log(len(a.spans) / len(b.spans))),
            "figures differ": _figures_differ(a, b, raw),
            # Counts as well as shares: two short reports of one event find counterparts
            # for most of their three sentences by chance.
            "matched loose": math.log1p(
                min(int((best_a >= LOOSE).sum()), int((best_b >= LOOSE).sum()))
            ),
            "matched close": math.log1p(
                min(int((best_a >= CLOSE).sum()), int((best_b >= CLOSE).sum()))
            ),
            **_names(a, b),
        },
    )


def _names(a: Sentences, b: Sentences) -> dict[str, float]:
    """A rewording keeps its origin's people and places; an independent report of the same
    event names its own witnesses and officials beside the shared ones."""
    ours, theirs = frozenset().union(*a.names), frozenset().union(*b.names)
    shared = len(ours & theirs)
    return {
        "names shared": shared / max(min(len(ours), len(theirs)), 1),
        "names jaccard": shared / max(len(ours | theirs), 1),
    }


def _side(chained: int, best: np.ndarray, partner: np.ndarray) -> dict[str, float]:
    n = len(best)
    matched = best >= LOOSE
    order = partner[matched]
    kept = float(np.mean(np.diff(order) >= 0)) if len(order) > 2 else 0.5
    return {
        "chain": chained / n,
        "loose": float(matched.mean()),
        "close": float((best >= CLOSE).mean()),
        "mean best": float(best.mean()),
        "median best": float(np.median(best)),
        "order kept": kept,
        "sentences": math.log(n),
    }


def _figures_differ(a: Sentences, b: Sentences, raw: np.ndarray) -> float:
    """Share of close counterparts that give different casualty figures."""
    close = [(i, j) for i, j in zip(*np.nonzero(raw >= CLOSE), strict=True)]
    with_figures = [(i, j) for i, j in close if a.figures[i] and b.figures[j]]
    if not with_figures:
        return 0.0
    return sum(1 for i, j in with_figures if not a.figures[i] & b.figures[j]) / len(with_figures)


def words_of(text: str) -> list[str]:
    """An article's words, lower-cased, contractions whole whichever apostrophe they use."""
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


def style(text: str, sentences: Sentences, register: tuple[str, ...] = ()) -> dict[str, float]:
    """How an article is written, whatever it says; with the rate (per thousand words, log
    scale) of each word of `register`."""
    words = words_of(text)
    lengths = [len(s.text.split()) for s in sentences.spans] or [0]
    head = [w.lower() for w in words[:300]]
    return {
        "word length": float(np.mean([len(w) for w in words])) if words else 0.0,
        "distinct words": len(set(head)) / len(head) if head else 0.0,
        "sentence words": float(np.mean(lengths)),
        "sentence spread": float(np.std(lengths)) / (float(np.mean(lengths)) or 1.0),
        "bullets": len(_BULLET.findall(text)) / max(len(sentences.spans), 1),
        "digits": sum(c.isdigit() for c in text) / max(len(text), 1) * 100,
        **_rates(words, register),
    }


def _rates(words: list[str], register: tuple[str, ...]) -> dict[str, float]:
    counts = Counter(words)
    per = 1000 / max(len(words), 1)
    return {f"rate of {w}": math.log1p(counts[w] * per) for w in register}
