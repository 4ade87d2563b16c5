"""Score per-article extraction on the GVA development set, and time the analyze stage.

Each article listed under a gold incident is scored against that incident:
- killed / injured: the article's own count (reconcile's rule: its largest total for the
  status, injured derived from "shot" minus killed when only that is given). Precision is
  over articles that report a count; recall over articles whose incident has a count > 0.
- city / state: the article's first town-level place (datelines come first) against the
  incident's city_or_county; its first US place's state against the incident's state.
- date: the article's event date against the incident's date (exact day).
Throughput: the analyze stage (spaCy + all extractors, one process) next to a bare
`nlp.pipe` of the same model over the same texts, in the same run.

    python bench/gva_extract.py [--data ../shared/data/gva-dev] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import spacy

from crosscheck.analyze import analyze_many
from crosscheck.analyze.nlp import MODEL, load_nlp
from crosscheck.casualties import article_counts
from crosscheck.ingest import ingest
from crosscheck.names import fold
from crosscheck.records import Analysis, Article


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(__file__).resolve().parents[1].parent / "shared/data/gva-dev"
    parser.add_argument("--data", default=str(default))
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = parser.parse_args()
    data = Path(args.data)
    gold = [json.loads(line) for line in (data / "gold.jsonl").open()]
    incident_of = {a: g for g in gold for a in g["articles"]}
    articles = [a for a in ingest([str(data / "articles.jsonl")]) if isinstance(a, Article)]
    articles = [a for a in articles if a.id in incident_of]
    if args.limit:
        articles = articles[: args.limit]

    bare = spacy.load(MODEL)
    started = time.perf_counter()
    for _ in bare.pipe((a.text for a in articles), batch_size=32):
        pass
    bare_rate = len(articles) / (time.perf_counter() - started)
    load_nlp()  # model and gazetteer load is not part of the per-article rate
    started = time.perf_counter()
    analyses = analyze_many(articles)
    rate = len(articles) / (time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"{len(articles)} articles with a gold incident, {words:.0f} words on average")
    print(
        f"throughput: analyze {rate:.1f} articles/s; bare nlp.pipe of {MODEL} "
        f"(all components) {bare_rate:.1f} articles/s; one process; peak RSS {peak:.0f} MB"
    )
    for line in score(analyses, incident_of):
        print(line)


def score(analyses: list[Analysis], incident_of: dict[str, dict]) -> list[str]:
    lines = []
    for status in ("killed", "injured"):
        predicted = correct = relevant = found = 0
        for analysis in analyses:
            truth = incident_of[analysis.article][status]
            count = article_counts(list(analysis.figures)).get(status)
            if count is not None:
                predicted += 1
                correct += count == truth
            if truth > 0:
                relevant += 1
                found += count == truth
        lines.append(
            f"{status}: precision {_ratio(correct, predicted)} ({correct}/{predicted}), "
            f"recall {_ratio(found, relevant)} ({found}/{relevant})"
        )
    n = len(analyses)
    city = sum(_city(a) == _norm(incident_of[a.article]["city_or_county"]) for a in analyses)
    state = sum(_state(a) == incident_of[a.article]["state"] for a in analyses)
    day = sum(a.event_date == incident_of[a.article]["date"] for a in analyses)
    lines.append(f"city accuracy {_ratio(city, n)}  state accuracy {_ratio(state, n)}")
    lines.append(f"date accuracy {_ratio(day, n)} (exact day)")
    return lines


def _city(analysis: Analysis) -> str | None:
    towns = [p for p in analysis.places if p.precision in ("town", "district")]
    return _norm(towns[0].name) if towns else None


def _state(analysis: Analysis) -> str | None:
    us = [p for p in analysis.places if p.country == "US" and p.admin1]
    return us[0].admin1 if us else None


def _norm(name: str) -> str:
    return fold(name).removeprefix("the ").removesuffix(" county").strip()


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


if __name__ == "__main__":
    main()
