"""Fit the antecedent ranker (analyze/antecedents.py) and write it as package data.

Examples come from polnear-dev, read at run time. Each "he" or "she" that analysis takes for
a statement's speaker, where the gold attribution of that statement resolves its source to a
name, gives one row per person named before the pronoun: the features the ranker reads, and
whether that person is the gold's source. A logistic regression is fitted on the rows of the
tuning half (articles by a stable hash of their id); the regularisation is chosen by
five-fold cross-validation inside the tuning half, folds by article. The check half is only
scored. The same data gives the same file.

    pip install scikit-learn   # training only: a run reads the fitted numbers
    python bench/train_antecedents.py [--write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DATA, half
from quotes import _overlap, _span, same_speaker

from crosscheck.analyze import analyze_many
from crosscheck.analyze.antecedents import MODEL_FILE, Passage, candidates
from crosscheck.ingest.draft import Draft, finish
from crosscheck.names import same_person
from crosscheck.records import AnalysisFailure, Article

STRENGTHS = (0.01, 0.1, 1.0, 10.0)
FOLDS = 5
PRONOUNS = ("he", "she")

Example = tuple[str, list[str], np.ndarray, np.ndarray]  # article, names, features, labels


def examples() -> tuple[list[str], list[Example]]:
    records = [json.loads(line) for line in (DATA / "polnear-dev" / "articles.jsonl").open()]
    gold = {
        g["id"]: g["attributions"]
        for g in map(json.loads, (DATA / "polnear-dev" / "gold.jsonl").open())
    }
    articles = []
    for r in records:
        article = finish(Draft(text=r["text"], title=r.get("title"), id=r["id"]), "polnear")
        if isinstance(article, Article) and article.text == r["text"]:
            articles.append(article)
    features: list[str] = []
    out: list[Example] = []
    for analysis in analyze_many(articles):
        if isinstance(analysis, AnalysisFailure):
            continue
        golds = [g for g in gold.get(analysis.article, []) if g.get("source_name")]
        passage = Passage.of(analysis.sentences, analysis.entities, analysis.quotes)
        for quote in analysis.quotes:
            pronoun = quote.speaker_span
            if quote.speaker_from != "pronoun" or not pronoun:
                continue
            if pronoun.text.lower() not in PRONOUNS:
                continue
            at = (quote.span.start, quote.span.end)
            match = next((g for g in golds if _overlap(at, _span(g))), None)
            scored = candidates(pronoun, passage) if match else {}
            if not scored:
                continue
            names = list(scored)
            features = features or sorted(next(iter(scored.values())))
            x = np.array([[scored[n][f] for f in features] for n in names])
            y = np.array([is_source(n, match["source_name"]) for n in names], dtype=int)
            out.append((analysis.article, names, x, y))
    return features, out


def is_source(name: str, gold: str) -> bool:
    """The scorer's match (bench/quotes.py), less its looseness on shared surnames: two
    full names must be one person's ("Jane Roe" is not "John Roe")."""
    if len(name.split()) > 1 and len(gold.split()) > 1 and not same_person(name, gold):
        return False
    return same_speaker(name, gold)


def fold_of(article: str) -> int:
    return int(hashlib.sha1(article.encode()).hexdigest(), 16) % FOLDS


def fit(rows: list[Example], strength: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.vstack([r[2] for r in rows])
    y = np.concatenate([r[3] for r in rows])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=strength, max_iter=2000).fit(scaler.transform(x), y)
    return scaler, model


def accuracy(rows: list[Example], scaler, model) -> tuple[float, float]:
    """Share of pronouns whose top pick is the gold source: over all, and over those where
    some candidate is."""
    right = sum(int(r[3][np.argmax(model.decision_function(scaler.transform(r[2])))]) for r in rows)
    reachable = sum(int(r[3].any()) for r in rows)
    return right / max(1, len(rows)), right / max(1, reachable)


def nearest(rows: list[Example], rank: int) -> tuple[float, float]:
    """The same shares for the nearest-name rule the ranker replaces."""
    right = sum(int(r[3][np.argmin(r[2][:, rank])]) for r in rows)
    reachable = sum(int(r[3].any()) for r in rows)
    return right / max(1, len(rows)), right / max(1, reachable)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help=f"write data/{MODEL_FILE}")
    args = parser.parse_args()
    features, rows = examples()
    tuning = [r for r in rows if half(r[0]) == "tuning"]
    check = [r for r in rows if half(r[0]) == "check"]
    learn = [r for r in tuning if r[3].any()]  # a pronoun no candidate fits teaches nothing
    cv = {}
    for strength in STRENGTHS:
        hits = []
        for k in range(FOLDS):
            train = [r for r in learn if fold_of(r[0]) != k]
            held = [r for r in tuning if fold_of(r[0]) == k]
            scaler, model = fit(train, strength)
            hits.append(accuracy(held, scaler, model)[0] * len(held))
        cv[strength] = sum(hits) / len(tuning)
        print(f"C={strength}: cross-validated top pick right {cv[strength]:.3f}")
    strength = max(STRENGTHS, key=lambda s: (round(cv[s], 3), -s))
    scaler, model = fit(learn, strength)
    rank = features.index("recency rank")
    figures = {}
    for which, part in (("tuning", tuning), ("check", check)):
        ranked, base = accuracy(part, scaler, model), nearest(part, rank)
        figures[which] = {
            "pronouns": len(part),
            "right": round(ranked[0], 3),
            "right where reachable": round(ranked[1], 3),
            "nearest name right": round(base[0], 3),
        }
        print(
            f"{which}: {len(part)} pronouns; ranker right {ranked[0]:.3f} "
            f"({ranked[1]:.3f} where a candidate fits); nearest name {base[0]:.3f}"
        )
    for name, c in sorted(zip(features, model.coef_[0], strict=True), key=lambda p: -abs(p[1])):
        print(f"  {c:+.2f} {name}")
    if args.write:
        data = {
            "version": "antecedents-1",
            "trained_by": "python bench/train_antecedents.py --write",
            "strength": strength,
            "figures": figures,
            "model": {
                "features": features,
                "mean": [round(float(v), 6) for v in scaler.mean_],
                "scale": [round(float(v), 6) for v in scaler.scale_],
                "coef": [round(float(v), 6) for v in model.coef_[0]],
                "intercept": round(float(model.intercept_[0]), 6),
            },
        }
        path = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data" / MODEL_FILE
        path.write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
