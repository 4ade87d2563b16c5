"""A fitted logistic regression, read from package data: how a run applies a decision that
was learned offline (scikit-learn at training time only)."""

from __future__ import annotations

import math
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
        x = np.array([values[name] for name in self.features], dtype=float)
        z = float(((x - self.mean) / self.scale) @ self.coef + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
