"""Stories whose best killed estimate lies far beyond what their other origins report.

Reads a store a run wrote (by default bench/gva_run.py's) and counts, per story with at
least two independent origins giving a count of dead, whether the best estimate is more than
three times the largest count any other origin gives, and whether the story is then
flagged, as issue 33 asks: such a best must not stand unflagged. Flagged is what the story
list shows (crosscheck.present.story_query.flags): the estimate names an outlier (one
origin against two or more others), or the story's toll is disputed (two reports' own
tolls cannot both hold: one origin against one other, where nothing tells which is off).

    python bench/outliers.py [--db /tmp/crosscheck-gva/crosscheck.sqlite]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from crosscheck.casualties import article_counts
from crosscheck.present.story_query import flags
from crosscheck.reconcile.estimates import OUTLIER_FACTOR
from crosscheck.store import SQLiteStore


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/crosscheck-gva/crosscheck.sqlite")
    args = parser.parse_args()
    with SQLiteStore(args.db, create=False) as store:
        linkage = store.linkage()
        analyses = store.analyses()
        stories = store.stories()
    checked = far = flagged = outliers = 0
    for story in stories:
        counts: dict[str, int] = defaultdict(int)
        for article in story.articles:
            analysis = analyses.get(article)
            count = article_counts(list(analysis.figures)).get("killed") if analysis else None
            if count is not None:
                origin = linkage.origin_of.get(article, article)
                counts[origin] = max(counts[origin], count)
        best = story.incident.killed.best
        outliers += story.incident.killed.outlier is not None
        if best is None or len(counts) < 2:
            continue
        checked += 1
        others = [n for n in counts.values() if n != best]
        if others and best > OUTLIER_FACTOR * max(others):
            far += 1
            flagged += bool(flags(story))
    print(f"{len(stories)} stories, {outliers} name an outlier in their killed estimate")
    print(f"{checked} stories with two or more origins counting the dead")
    print(f"best killed more than {OUTLIER_FACTOR}x every other origin's count: {far}")
    print(f"  of which flagged (outlier or disputed): {flagged}; unflagged: {far - flagged}")


if __name__ == "__main__":
    main()
