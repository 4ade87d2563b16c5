"""Rewrite detection against real LLM rewrites: `crosscheck run` over rewrites-dev, scored.

Reads ../shared/data/rewrites-dev at run time. Its articles carry no titles, dates or
outlets, so direction must come from content. Each original and its rewrites form a family;
a family's half (tuning or check) is a stable hash of the original's id.

For each half it reports, over the gold pairs whose derived article lies in the half:
- recall: gold rewrites (paraphrase or verbatim) whose derived article's `derived_from`
  holds the gold source;
- precision: `derived_from` edges that are gold rewrites (strict), and edges that at least
  join one family (an original and its rewrite, or two rewrites of one original);
- direction: of the found edges joining a gold pair either way, the share that point the
  gold way;
- the constructed negatives (a rewrite against the most similar other original) joined.

    python bench/rewrites.py [--out /tmp/crosscheck-rewrites] [--keep]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DATA, half, run_crosscheck


def families(gold: list[dict]) -> dict[str, str]:
    """Each article's family: the original it was rewritten from (itself for originals)."""
    family: dict[str, str] = {}
    for pair in gold:
        if pair["kind"] != "none":
            family[pair["derived"]] = pair["source"]
            family.setdefault(pair["source"], pair["source"])
    for pair in gold:
        for side in ("derived", "source"):
            family.setdefault(pair[side], pair[side])
    return family


def score(contract: dict, gold: list[dict]) -> dict[str, dict[str, float]]:
    family = families(gold)
    derived_from = {a["id"]: set(a["derived_from"]) for a in contract["articles"]}
    edges = {(a, s) for a, sources in derived_from.items() for s in sources}
    positives = {(p["derived"], p["source"]) for p in gold if p["kind"] != "none"}
    negatives = {(p["derived"], p["source"]) for p in gold if p["kind"] == "none"}
    results: dict[str, dict[str, float]] = {}
    for name in ("tuning", "check"):

        def mine(article: str, name: str = name) -> bool:
            return half(family.get(article, article)) == name

        gold_pos = {p for p in positives if mine(p[0])}
        found = {e for e in edges if mine(e[0]) and e[0] in family}
        hit = gold_pos & found
        either_way = {e for e in found if e in positives or e[::-1] in positives}
        same_family = {e for e in found if family[e[0]] == family.get(e[1])}
        joined_negatives = {n for n in negatives if mine(n[0]) and (n in edges or n[::-1] in edges)}
        results[name] = {
            "gold rewrites": len(gold_pos),
            "recall": len(hit) / len(gold_pos) if gold_pos else 0.0,
            "recall either way": len(either_way) / len(gold_pos) if gold_pos else 0.0,
            "edges found": len(found),
            "precision": len(hit) / len(found) if found else 0.0,
            "precision same family": len(same_family) / len(found) if found else 0.0,
            "direction right": len(hit) / len(either_way) if either_way else 0.0,
            "negatives joined": len(joined_negatives),
            "negatives": sum(1 for n in negatives if mine(n[0])),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(DATA / "rewrites-dev"))
    parser.add_argument("--out", default="/tmp/crosscheck-rewrites")
    parser.add_argument("--keep", action="store_true", help="score the run already in --out")
    args = parser.parse_args()
    data, out = Path(args.data), Path(args.out)
    if not args.keep:
        if out.exists():
            shutil.rmtree(out)
        started = time.perf_counter()
        run_crosscheck(data / "articles.jsonl", out)
        print(f"run: {time.perf_counter() - started:.0f} s")
    contract = json.loads((out / "stories.json").read_text())
    gold = [json.loads(line) for line in (data / "gold.jsonl").open()]
    kinds = Counter(d["kind"] for s in contract["stories"] for d in s["derivations"])
    print(
        f"{len(contract['articles'])} articles, {len(contract['stories'])} stories, "
        f"derivations by kind {dict(kinds)}"
    )
    for name, figures in score(contract, gold).items():
        print(
            name
            + ": "
            + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
            )
        )


if __name__ == "__main__":
    main()
