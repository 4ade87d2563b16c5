"""Casualty figures, days and places on conflict reporting outside the US: fakes-dev (the
Syrian war) and muc4-dev (Latin American wire reports), scored per article against their
gold, for the tuning and check halves (a stable hash of the article id).

fakes-dev (the article's main event, as the annotators read it):
- toll exact: the article's count of dead (crosscheck.casualties.article_counts) is the
  gold's killed;
- toll among the figures: some figure of dead states the gold's killed;
- civilians found: where the gold counts civilians, some figure of dead states that count;
- day: the analysis' event day is the gold's; day stated: the gold's day is among the days
  the article's dates resolve to (the publication day's stamp among them), the most any
  reading of the text could reach;
- governorate: a place named is in the gold's governorate (by its names).

muc4-dev (messages of terrorist incidents; deaths in combat are not in the key):
- victim group found: each victim group's count of dead in the key ("three officials")
  is stated by some figure of dead;
- toll exact, messages with deaths: the article's count of dead is the key's;
- country of the first place; city: the first town named is the key's;
- day: the analysis' event day is the key's (incidents of one day).

    python bench/world_figures.py [--limit N] [--freeze out.json]

--freeze writes each article's figures, day and places, to diff one version against the
next (issue 26: port under a golden diff).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DATA, half

from crosscheck.analyze import analyze_many
from crosscheck.casualties import article_counts
from crosscheck.ingest.draft import Draft, finish
from crosscheck.names import fold
from crosscheck.records import Analysis, AnalysisFailure, Article


def analyses(name: str, limit: int) -> tuple[dict[str, Analysis], dict[str, dict]]:
    rows = [json.loads(line) for line in (DATA / name / "articles.jsonl").open()]
    gold = {g["id"]: g for g in map(json.loads, (DATA / name / "gold.jsonl").open())}
    if limit:
        rows = rows[:limit]
    articles = []
    for r in rows:
        draft = Draft(
            text=r["text"],
            title=r.get("title"),
            id=r["id"],
            published=r.get("published"),
            outlet=r.get("outlet"),
        )
        article = finish(draft, name)
        if isinstance(article, Article):
            articles.append(article)
    found = {a.article: a for a in analyze_many(articles) if not isinstance(a, AnalysisFailure)}
    return found, gold


def dead(analysis: Analysis) -> list[int]:
    return [f.value for f in analysis.figures if f.status == "killed"]


def score_fakes(analysis: Analysis, gold: dict, t: Counter) -> None:
    killed = gold.get("killed")
    if killed is not None:
        count = article_counts(list(analysis.figures)).get("killed", 0)
        t["toll"] += 1
        t["toll exact"] += count == killed
        t["toll among"] += killed == 0 or killed in dead(analysis)
    civilians = (gold.get("killed_by_category") or {}).get("civilians") or 0
    if civilians:
        t["civilians"] += 1
        t["civilians found"] += civilians in dead(analysis)
    if gold.get("date"):
        t["day"] += 1
        t["day right"] += analysis.event_date == gold["date"]
        # The gold's day is often the publication day where the text dates the event
        # before it, or a day the text never gives: how often could any reading match?
        told = {d.resolved for d in analysis.dates if d.granularity == "day"}
        t["day stated"] += gold["date"] in told
    names = {fold(n) for n in gold.get("location_names") or []}
    if names:
        t["governorate"] += 1
        t["governorate right"] += any(
            fold(p.name) in names or (p.admin1 and fold(p.admin1) in names) for p in analysis.places
        )


def score_muc4(analysis: Analysis, gold: dict, t: Counter) -> None:
    if not gold.get("relevant"):
        return
    for _category, count in (gold.get("killed_by_category") or {}).items():
        if count:
            t["group"] += 1
            t["group found"] += count in dead(analysis)
    if gold.get("killed"):
        t["toll"] += 1
        t["toll exact"] += article_counts(list(analysis.figures)).get("killed") == gold["killed"]
    places = [p for p in analysis.places if not p.in_title]
    if gold.get("country_code"):
        t["country"] += 1
        t["country right"] += bool(places) and places[0].country == gold["country_code"]
    if gold.get("city"):
        towns = [p for p in places if p.precision == "town"]
        t["city"] += 1
        t["city right"] += bool(towns) and fold(towns[0].name) == fold(gold["city"])
    if gold.get("date_kind") == "on" and gold.get("date"):
        t["day"] += 1
        t["day right"] += analysis.event_date == gold["date"]


FIELDS = {
    "fakes-dev": (
        score_fakes,
        [
            ("toll exact", "toll"),
            ("toll among", "toll"),
            ("civilians found", "civilians"),
            ("day right", "day"),
            ("day stated", "day"),
            ("governorate right", "governorate"),
        ],
    ),
    "muc4-dev": (
        score_muc4,
        [
            ("group found", "group"),
            ("toll exact", "toll"),
            ("country right", "country"),
            ("city right", "city"),
            ("day right", "day"),
        ],
    ),
}


def snapshot(analysis: Analysis) -> dict:
    return {
        "figures": [
            [f.status, f.value, f.category, f.qualifier, f.span.text] for f in analysis.figures
        ],
        "day": analysis.event_date,
        "places": [[p.name, p.admin1, p.country, p.precision] for p in analysis.places],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    parser.add_argument("--freeze", type=Path, help="write each article's output here")
    args = parser.parse_args()
    frozen = {}
    for name, (score, fields) in FIELDS.items():
        found, gold = analyses(name, args.limit)
        tallies = {"tuning": Counter(), "check": Counter()}
        for article, analysis in found.items():
            if article in gold:
                score(analysis, gold[article], tallies[half(article)])
            frozen[f"{name}/{article}"] = snapshot(analysis)
        for which, t in tallies.items():
            shares = ", ".join(
                f"{hit.removesuffix(' right')} {t[hit] / t[total]:.3f} ({t[total]})"
                for hit, total in fields
                if t[total]
            )
            print(f"{name} {which}: {shares}")
    if args.freeze:
        args.freeze.write_text(json.dumps(frozen, indent=0, sort_keys=True))


if __name__ == "__main__":
    main()
