"""How well linking tells one event's reports from another's, on four kinds of news, for the
tuning and check halves of each development set (issue 27's targets).

- gva-dev (US local shootings) and ecb-dev (look-alike events, mostly undated): B-cubed
  precision, recall and F1 of stories against gold events, over the half's articles;
- muc4-dev (Latin American wire reports): the share of `same_main_incident_as` pairs put in
  one story, the precision over the pairs its gold calls two incidents, and the joined
  pairs whose gold countries differ;
- fakes-dev (the Syrian war): of the article pairs put in one story, the share whose gold
  governorate is one and whose days are at most three apart.

It links each set as `crosscheck run --no-rewrites` would (stories and verbatim derivation,
no sentence embeddings), from analyses stored once per set (bench/linksets.py).

    python bench/linking.py [--sets gva,ecb,muc4,fakes] [--stores /tmp/crosscheck-links]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linksets import SETS, STORES, LinkSet, load, pairs_in, stories_of

from crosscheck.link import build

TARGETS = {
    "gva": "B3 F1 >= 0.95",
    "ecb": "B3 F1 >= 0.92",
    "muc4": "pair recall >= 0.80, no story across countries",
    "fakes": ">= 0.80 of joined pairs agree",
}
HALVES = ("tuning", "check")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--stores", default=str(STORES))
    args = parser.parse_args()
    for name in args.sets.split(","):
        linkset = load(name, Path(args.stores))
        started = time.perf_counter()
        stories = build(linkset.articles, linkset.analyses).linkage.stories
        elapsed = time.perf_counter() - started
        print(
            f"{name}-dev: {len(linkset.articles)} articles, {len(stories)} stories, "
            f"linked in {elapsed:.1f} s (target: {TARGETS[name]})"
        )
        for score in SCORERS[name](linkset, stories):
            print(f"  {score.half:7} {score.text}")


@dataclass(frozen=True)
class Score:
    half: str
    value: float  # the set's headline figure: what training's cut-off is chosen on
    text: str


def bcubed(linkset: LinkSet, stories: dict[str, tuple[str, ...]]) -> list[Score]:
    """B-cubed over each half's articles. A story is taken whole, so one that joins an event
    of the other half costs precision on both."""
    story_of = stories_of(stories)
    by_story: dict[str, set[str]] = defaultdict(set)
    by_event: dict[str, set[str]] = defaultdict(set)
    for article in linkset.articles:
        by_story[story_of[article.id]].add(article.id)
        by_event[linkset.events[article.id]].add(article.id)
    lines = []
    for part in HALVES:
        members = [a.id for a in linkset.articles if linkset.half_of(a.id) == part]
        p = r = 0.0
        for a in members:
            predicted, truth = by_story[story_of[a]], by_event[linkset.events[a]]
            p += len(predicted & truth) / len(predicted)
            r += len(predicted & truth) / len(truth)
        n = len(members) or 1
        p, r = p / n, r / n
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(
            Score(part, f1, f"B3 P={p:.3f} R={r:.3f} F1={f1:.3f} ({len(members)} articles)")
        )
    return lines


def muc4(linkset: LinkSet, stories: dict[str, tuple[str, ...]]) -> list[Score]:
    """Recall of the same-incident pairs, and precision over the pairs the gold calls two
    incidents (other countries, or a week or more apart): joining everything would find
    every pair. The headline figure is their F1."""
    story_of = stories_of(stories)
    lines = []
    for part in HALVES:
        positives = [p for p in linkset.positives if linkset.pair_half(*p) == part]
        found = sum(1 for a, b in positives if story_of[a] == story_of[b])
        joined = [p for p in pairs_in(stories) if _touches(linkset, p, part)]
        wrong = sum(1 for a, b in joined if linkset.label(a, b) == 0)
        countries = sum(1 for a, b in joined if _countries_differ(linkset, a, b))
        largest = max((len(m) for m in stories.values()), default=0)
        recall = found / (len(positives) or 1)
        precision = found / (found + wrong or 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        text = (
            f"same-incident pairs in one story {recall:.3f} ({found}/{len(positives)}); "
            f"precision over labelled pairs {precision:.3f}; joined pairs across countries "
            f"{countries} of {len(joined)}; largest story {largest}"
        )
        lines.append(Score(part, f1, text))
    return lines


def _touches(linkset: LinkSet, pair: tuple[str, str], part: str) -> bool:
    """Is either article of a joined pair in this half? A pair joining the two halves
    counts in both."""
    return part in (linkset.half_of(pair[0]), linkset.half_of(pair[1]))


def _countries_differ(linkset: LinkSet, a: str, b: str) -> bool:
    one, other = linkset.gold[a].get("country_code"), linkset.gold[b].get("country_code")
    return bool(one and other and one != other)


def fakes(linkset: LinkSet, stories: dict[str, tuple[str, ...]]) -> list[Score]:
    lines = []
    for part in HALVES:
        pairs = [p for p in pairs_in(stories) if _touches(linkset, p, part)]
        agree = sum(1 for a, b in pairs if _agree(linkset.gold[a], linkset.gold[b]))
        share = agree / (len(pairs) or 1)
        text = (
            f"joined pairs sharing governorate and 3-day window {share:.3f} ({agree}/{len(pairs)})"
        )
        lines.append(Score(part, share, text))
    return lines


def _agree(a: dict, b: dict) -> bool:
    if not (a.get("date") and b.get("date")) or a.get("location") != b.get("location"):
        return False
    return abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days) <= 3


SCORERS = {"gva": bcubed, "ecb": bcubed, "muc4": muc4, "fakes": fakes}

if __name__ == "__main__":
    main()
