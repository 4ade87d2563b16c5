"""Boosted decision trees fitted offline (scikit-learn's gradient boosting at training time
only) and read from package data: the log-odds are the prior's plus the learning rate times
the sum of every tree's leaf. Pure Python, so a run needs no scikit-learn, and every
machine of a distributed run computes the same number."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tree:
    """Nodes in scikit-learn's layout: node i tests `feature[i] <= threshold[i]` and goes to
    `left[i]` if so, `right[i]` if not; a leaf has left -1 and gives `value[i]`."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    @classmethod
    def of(cls, fitted: dict) -> Tree:
        return cls(
            tuple(fitted["feature"]),
            tuple(fitted["threshold"]),
            tuple(fitted["left"]),
            tuple(fitted["right"]),
            tuple(fitted["value"]),
        )

    def leaf(self, x: Sequence[float]) -> float:
        node = 0
        while self.left[node] != -1:
            node = (
                self.left[node]
                if x[self.feature[node]] <= self.threshold[node]
                else self.right[node]
            )
        return self.value[node]


@dataclass(frozen=True, slots=True)
class BoostedTrees:
    features: tuple[str, ...]
    prior: float  # log-odds before any tree
    rate: float
    trees: tuple[Tree, ...]

    @classmethod
    def of(cls, fitted: dict) -> BoostedTrees:
        return cls(
            tuple(fitted["features"]),
            float(fitted["prior"]),
            float(fitted["rate"]),
            tuple(Tree.of(t) for t in fitted["trees"]),
        )

    def log_odds(self, x: Sequence[float]) -> float:
        return self.prior + self.rate * sum(tree.leaf(x) for tree in self.trees)

    def probability(self, x: Sequence[float]) -> float:
        """The probability of the positive class for values in the order of `features`."""
        z = self.log_odds(x)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
