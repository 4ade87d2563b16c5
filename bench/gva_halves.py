"""Per-article casualty counts on gva-dev, by half: each article listed under a gold
incident, its own count of killed and of injured (casualties.article_counts, as linking and
reconciling read it) exactly the incident's, for the tuning and check halves (a stable hash
of the incident id). Issue 26 asks that gva-dev's figures hold on both halves while the
rules change for conflict reporting elsewhere; `--freeze FILE` writes each article's
figures and counts, to read a change as a diff.

    python bench/gva_halves.py [--freeze out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DATA, half
from world_figures import snapshot

from crosscheck.analyze import analyze_many
from crosscheck.casualties import article_counts
from crosscheck.ingest.draft import Draft, finish
from crosscheck.records import AnalysisFailure, Article


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--freeze", type=Path, help="write each article's output here")
    args = parser.parse_args()
    gold = {
        article: incident
        for incident in map(json.loads, (DATA / "gva-dev" / "gold.jsonl").open())
        for article in incident["articles"]
    }
    articles = []
    for row in map(json.loads, (DATA / "gva-dev" / "articles.jsonl").open()):
        draft = Draft(
            text=row["text"], title=row.get("title"), id=row["id"], published=row.get("published")
        )
        if isinstance(article := finish(draft, "gva-dev"), Article):
            articles.append(article)
    tallies: Counter = Counter()
    frozen = {}
    for analysis in analyze_many(articles):
        if isinstance(analysis, AnalysisFailure) or analysis.article not in gold:
            continue
        incident = gold[analysis.article]
        counts = article_counts(list(analysis.figures))
        which = half(incident["incident_id"])
        tallies[which, "articles"] += 1
        for status in ("killed", "injured"):
            tallies[which, status] += counts.get(status, 0) == incident[status]
        frozen[analysis.article] = {**snapshot(analysis), "counts": counts}
    for which in ("tuning", "check"):
        n = tallies[which, "articles"]
        print(
            f"gva-dev {which}: killed {tallies[which, 'killed'] / n:.3f}, "
            f"injured {tallies[which, 'injured'] / n:.3f} ({n} articles)"
        )
    if args.freeze:
        args.freeze.write_text(json.dumps(frozen, indent=0, sort_keys=True))


if __name__ == "__main__":
    main()
