"""A fitted logistic regression, read from package data: how a run applies a decision that
was learned offline (scikit-learn at training time only)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic regression over named features, standardised as in training."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def of(cls, fitted: dict) -> Logistic:
        return cls(
            tuple(fitted["features"]),
            np.asarray(fitted["mean"], dtype=float),
            np.asarray(fitted["scale"], dtype=float),
            np.asarray(fitted["coef"], dtype=float),
            float(fitted["intercept"]),
        )

    def probability(self, values: dict[str, float]) -> float:
        return self.of_vector([values[name] for name in self.features])

    def of_vector(self, x: Sequence[float]) -> float:
        """The probability of values given in the order of `features`."""
        z = float(((np.asarray(x, dtype=float) - self.mean) / self.scale) @ self.coef)
        return _sigmoid(z + self.intercept)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
