"""Fit the story model (link/story_model.py) and write it as package data.

Pairs are the candidates linking itself compares (its blocking keys, never all pairs) and
does not rule out by their facts (`look_alikes`: a week apart, other states or countries) in
each shared development set, labelled by its gold (bench/linksets.py says how, set by set):
gva-dev's incidents, ecb-dev's look-alike events, muc4-dev's same-incident messages and
country or week apart, fakes-dev's governorate, day and cause. Only tuning-half pairs are
fitted; each set weighs the same in the fit, whatever its number of pairs. The probability
cut-off and the clustering's cohesion are the ones whose stories score best on the tuning
halves (the mean over sets of bench/linking.py's figure), judged on out-of-fold
probabilities. Everything is deterministic: the same data gives the same file.

    pip install scikit-learn   # training only: a run reads the fitted numbers
    python bench/train_linker.py [--write] [--stores /tmp/crosscheck-links]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linking import SCORERS
from linksets import SETS, STORES, LinkSet, load

from crosscheck.link.derivation import find_derivations, fingerprints
from crosscheck.link.pair_features import FEATURES, pair_features
from crosscheck.link.profile import Likeness, Profile, profiles
from crosscheck.link.stories import (
    Vocabulary,
    compared_pairs,
    derivation_seeds,
    discriminating_names,
    grouped,
    look_alikes,
)
from crosscheck.link.story_model import MODEL_FILE, VERSION
from crosscheck.link.trees import BoostedTrees

SETTINGS = {
    "n_estimators": 100,
    "max_depth": 3,
    "min_samples_leaf": 50,
    "subsample": 0.8,
    "learning_rate": 0.1,
}
FOLDS = 3
WEIGHT_POWER = 0.5
OUT = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data" / MODEL_FILE


@dataclass
class Pairs:
    """One set's candidate pairs: what training fits and what the cut-off is chosen on."""

    linkset: LinkSet
    pool: dict[str, Profile]
    seeds: list[tuple[str, str]]  # copies and their sources
    ids: list[tuple[str, str, Likeness]]
    x: np.ndarray
    y: list[int | None]
    halves: list[str | None]
    massacre: np.ndarray  # pairs `story_probability` raises to the cut-off


def pairs(linkset: LinkSet) -> Pairs:
    """Features, label and half of every candidate pair of one set."""
    pool = profiles(linkset.articles, linkset.analyses)
    vocabulary = Vocabulary.of(pool)
    names = discriminating_names(pool.values())
    ids, xs, ys, halves, massacre = [], [], [], [], []
    # Sorted: blocking keys come from sets, whose order changes from one process to the next.
    for a, b, alike in sorted(compared_pairs(vocabulary)):
        if look_alikes(pool[a].facts, pool[b].facts):
            continue  # never reaches the model (`story_probability`)
        ids.append((a, b, alike))
        xs.append(pair_features(pool[a], pool[b], alike, names))
        ys.append(linkset.label(a, b))
        halves.append(linkset.pair_half(a, b))
        massacre.append(pool[a].facts.one_massacre(pool[b].facts))
    prints = fingerprints(a for a in linkset.articles if not pool[a.id].bare)
    seeds = derivation_seeds(pool, find_derivations(prints))
    return Pairs(linkset, pool, seeds, ids, np.array(xs), ys, halves, np.array(massacre))


def stories(d: Pairs, p: np.ndarray, cut: float, cohesion: float) -> dict[str, tuple[str, ...]]:
    """What group_stories makes of the set with these probabilities, cut-off and cohesion."""
    p = np.where(d.massacre, np.maximum(p, cut), p)
    joined = (
        (a, b, alike, float(q)) for (a, b, alike), q in zip(d.ids, p, strict=True) if q >= cut
    )
    return grouped(d.pool, d.seeds, joined, cohesion)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stores", default=str(STORES))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    data = {name: pairs(load(name, Path(args.stores))) for name in SETS}
    rows = training_rows(data)
    for name, d in data.items():
        counts = Counter(d.y[i] for n, i, _ in rows if n == name)
        print(f"{name}: {len(d.ids)} candidate pairs; tuning labelled {dict(counts)}")
    fitted = fit(*arrays(data, rows))
    probabilities = {name: predict(fitted, d.x) for name, d in data.items()}
    # The cut-off is chosen on what models fitted without a pair's event group say of it:
    # in-sample probabilities of the tuning pairs would choose the cut-off of a model that
    # has seen them.
    unseen = out_of_fold(data, rows, probabilities)
    cut, cohesion = best_cut(data, unseen)
    fitted["threshold"], fitted["cohesion"] = cut, cohesion
    for name, d in data.items():
        for part in ("tuning", "check"):
            report(name, part, probabilities[name], d)
        for score in SCORERS[name](d.linkset, stories(d, probabilities[name], cut, cohesion)):
            print(f"  {name} {score.half:7} {score.text}")
    if args.write:
        OUT.write_text(json.dumps({"version": VERSION, **fitted}, indent=1) + "\n")
        print(f"wrote {OUT}")


def training_rows(data: dict[str, Pairs]) -> list[tuple[str, int, str]]:
    """(set, pair index, event group) of every labelled tuning pair."""
    return [
        (name, i, d.linkset.group[d.ids[i][0]])
        for name, d in data.items()
        for i, h in enumerate(d.halves)
        if h == "tuning" and d.y[i] is not None
    ]


def arrays(
    data: dict[str, Pairs], rows: list[tuple[str, int, str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights: each set weighs one, whatever its number of pairs."""
    per_set = Counter(name for name, _, _ in rows)
    x = np.array([data[name].x[i] for name, i, _ in rows])
    y = np.array([data[name].y[i] for name, i, _ in rows])
    w = np.array([1.0 / per_set[name] ** WEIGHT_POWER for name, _, _ in rows])
    return x, y, w


def out_of_fold(
    data: dict[str, Pairs], rows: list[tuple[str, int, str]], full: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Each labelled tuning pair's probability from a model fitted on the other folds (folds
    by event group, so look-alike pairs stay together); other pairs keep `full`'s."""
    unseen = {name: p.copy() for name, p in full.items()}
    for fold in range(FOLDS):
        held = [r for r in rows if int(_digest(r[0] + r[2]), 16) % FOLDS == fold]
        kept = [r for r in rows if int(_digest(r[0] + r[2]), 16) % FOLDS != fold]
        fitted = fit(*arrays(data, kept))
        for name, d in data.items():
            mine = [i for n, i, _ in held if n == name]
            if mine:
                unseen[name][mine] = predict(fitted, d.x[mine])
    return unseen


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()


def best_cut(data: dict[str, Pairs], probabilities: dict[str, np.ndarray]) -> tuple[float, float]:
    """The cut-off and cohesion whose stories score best on the tuning halves, averaged
    over gva-dev, ecb-dev and muc4-dev. fakes-dev's pairs are fitted on but do not choose
    them: its labels are weak (governorate, day and cause stand for the event) and its
    tuning half has too few pairs of one event (21) to say where one event ends."""

    def tuning(setting: tuple[float, float]) -> float:
        values = []
        for name, d in data.items():
            if name == "fakes":
                continue
            made = stories(d, probabilities[name], *setting)
            values.extend(s.value for s in SCORERS[name](d.linkset, made) if s.half == "tuning")
        print(f"  cut {setting[0]:.2f} cohesion {setting[1]:.2f}: {np.round(values, 3)}")
        return float(np.mean(values))

    grid = [
        (cut, round(cut * share, 3))
        for cut in (0.4, 0.5, 0.6, 0.7, 0.8)
        for share in (0.2, 0.3, 0.5, 1.0)
    ]
    return max(grid, key=lambda setting: (tuning(setting), -setting[0], -setting[1]))


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict:
    """Gradient-boosted trees, shallow and subsampled with large leaves: the decision must
    carry to reports of events and outlets the tuning halves never had."""
    from sklearn.ensemble import GradientBoostingClassifier

    model = GradientBoostingClassifier(random_state=0, **SETTINGS)
    model.fit(x, y, sample_weight=w * len(w) / w.sum())
    prior = float(model._raw_predict_init(x[:1])[0, 0])
    trees = []
    for (estimator,) in model.estimators_:
        t = estimator.tree_
        trees.append(
            {
                "feature": [int(f) for f in t.feature],
                "threshold": [float(v) for v in t.threshold],
                "left": [int(c) for c in t.children_left],
                "right": [int(c) for c in t.children_right],
                "value": [float(v) for v in t.value[:, 0, 0]],
            }
        )
    fitted = {
        "trained_by": "python bench/train_linker.py --write",
        "settings": SETTINGS,
        "features": list(FEATURES),
        "prior": prior,
        "rate": SETTINGS["learning_rate"],
        "trees": trees,
    }
    # The shipped reader must say what scikit-learn says.
    mine = predict(fitted, x[:200])
    assert np.allclose(mine, model.predict_proba(x[:200])[:, 1], atol=1e-9), "reader differs"
    return fitted


def predict(fitted: dict, x: np.ndarray) -> np.ndarray:
    trees = BoostedTrees.of(fitted)
    return np.array([trees.probability(row) for row in x.tolist()])


def report(name: str, part: str, p: np.ndarray, d: Pairs) -> None:
    from sklearn.metrics import roc_auc_score

    chosen = [i for i, h in enumerate(d.halves) if h == part and d.y[i] is not None]
    truth = np.array([d.y[i] for i in chosen])
    if len(set(truth)) == 2:
        auc = roc_auc_score(truth, p[chosen])
        print(f"  {name} {part}: {len(chosen)} labelled pairs, AUC {auc:.3f}")


if __name__ == "__main__":
    main()
