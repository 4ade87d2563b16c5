"""The learned story decision: do two compared reports tell one event?

Boosted decision trees over the pair's features (link/pair_features.py), fitted by
`python bench/train_linker.py --write` on labelled candidate pairs from the tuning halves of
four development sets (US local shootings, look-alike events of one kind, Latin American
wire reports, Syrian war reports), and shipped as package data (`data/story_model.json`)
with its feature names and cut-off. Trees, not a logistic regression, because evidence
combines: much shared wording means one event in two reports of one town, boilerplate in
two reports of one outlet; a shared name means little in a wire report of a famous victim
unless the days agree. Inference is a walk down each tree, so a run needs no scikit-learn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from crosscheck.link.pair_features import FEATURES
from crosscheck.link.trees import BoostedTrees

MODEL_FILE = "story_model.json"
VERSION = "stories-2"


@dataclass(frozen=True, slots=True)
class StoryModel:
    version: str
    trees: BoostedTrees
    # A pair is a candidate edge of a story at this probability or more.
    threshold: float
    # Two groups merge when their pairs' probabilities average this much (link/clustering).
    cohesion: float

    def probability(self, features: list[float]) -> float:
        return self.trees.probability(features)


@cache
def story_model() -> StoryModel:
    """The shipped model (read once per process)."""
    data = json.loads((resources.files("crosscheck") / "data" / MODEL_FILE).read_text())
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features: retrain it")
    return StoryModel(
        data["version"],
        BoostedTrees.of(data),
        float(data["threshold"]),
        float(data["cohesion"]),
    )
