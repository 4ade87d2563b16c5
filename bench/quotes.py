"""Who said what, against polnear-dev's hand-annotated attributions.

Reads ../shared/data/polnear-dev at run time, analyses each article as a run would, and
matches the quotes analysis finds to the gold attributions by their content spans (one
covers at least half of the other). Reported per half (tuning or check, by a stable hash of
the article id), over attributions in the text (not the headline):

- direct quotations found (recall), reported speech found (recall);
- precision: found quotes that are a gold attribution's content, over all and by kind (a
  found direct quote may match a gold reported attribution and the reverse);
- speaker right, where the gold resolves the source to a name: named in the source span
  itself, or resolvable only through the text (a pronoun or description the corpus'
  coreference chains resolve); and where it is named in the span, how often the speaker
  found is a name the span holds (see `in_source`);
- found quotes with no speaker.

A speaker is right when it and the gold name share their last word or one holds the other
("Clinton" for "Hillary Clinton", "the New York Post" for "New York Post").

    python bench/quotes.py [--limit N]
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
from crosscheck.ingest.draft import Draft, finish
from crosscheck.names import fold
from crosscheck.records import AnalysisFailure, Article, Quote


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def _span(attribution: dict) -> tuple[int, int]:
    spans = attribution["content_spans"]
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


def same_speaker(found: str | None, gold: str) -> bool:
    if not found:
        return False
    a, b = fold(found).split(), fold(gold).split()
    if not a or not b:
        return False
    return a[-1] == b[-1] or " ".join(a) in " ".join(b) or " ".join(b) in " ".join(a)


def in_source(found: str | None, source: str) -> bool:
    """Does the found speaker's last word stand in the annotated source's words? The gold's
    `source_name` is one name drawn from the source span, and where the span names two
    ("the governor's spokesman Jane Roe") it is often the first, not the speaker."""
    if not found:
        return False
    last = fold(found).split()[-1:]
    return bool(last) and last[0] in fold(source).replace(",", " ").split()


def score(quotes: list[Quote], gold: list[dict], tally: Counter) -> None:
    golds = [g for g in gold if not g.get("in_title")]
    found = [(q, (q.span.start, q.span.end)) for q in quotes if not q.span.in_title]
    for g in golds:
        span = _span(g)
        match = next((q for q, at in found if _overlap(at, span)), None)
        kind = "direct" if g["direct"] else "reported"
        tally[f"{kind} gold"] += 1
        tally[f"{kind} found"] += match is not None
        if match is None or not g.get("source_name"):
            continue
        how = "named" if g.get("source_resolved_by") in ("span", "span-regex") else "through text"
        tally[f"speaker {how}"] += 1
        tally[f"speaker {how} right"] += same_speaker(match.speaker, g["source_name"])
        if how == "named":
            tally["speaker in source"] += in_source(match.speaker, g.get("source") or "")
    for _q, at in found:
        right = any(_overlap(at, _span(g)) for g in golds)
        tally["found"] += 1
        tally["found right"] += right
        tally[f"{_q.kind} found all"] += 1
        tally[f"{_q.kind} found right"] += right
        tally["found no speaker"] += _q.speaker is None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    args = parser.parse_args()
    records = [json.loads(line) for line in (DATA / "polnear-dev" / "articles.jsonl").open()]
    gold = {
        g["id"]: g["attributions"]
        for g in map(json.loads, (DATA / "polnear-dev" / "gold.jsonl").open())
    }
    if args.limit:
        records = records[: args.limit]
    articles: list[Article] = []
    shifted = 0
    for r in records:
        article = finish(Draft(text=r["text"], title=r.get("title"), id=r["id"]), "polnear")
        if not isinstance(article, Article):
            continue
        if article.text != r["text"]:
            shifted += 1  # ingest reworked the text: the gold offsets no longer index it
            continue
        articles.append(article)
    tallies = {"tuning": Counter(), "check": Counter()}
    for analysis in analyze_many(articles):
        if isinstance(analysis, AnalysisFailure):
            continue
        score(
            list(analysis.quotes), gold.get(analysis.article, []), tallies[half(analysis.article)]
        )
    print(f"{len(articles)} articles scored; {shifted} left out (ingest changed their text)")
    for which, t in tallies.items():

        def share(a: str, b: str, t: Counter = t) -> str:
            return f"{t[a] / t[b]:.3f}" if t[b] else "-"

        print(
            f"{which}: direct found {share('direct found', 'direct gold')} "
            f"({t['direct gold']}), reported found {share('reported found', 'reported gold')} "
            f"({t['reported gold']}), precision {share('found right', 'found')} "
            f"({t['found']} found; direct {share('direct found right', 'direct found all')}, "
            f"reported {share('reported found right', 'reported found all')}), speaker right named "
            f"{share('speaker named right', 'speaker named')} ({t['speaker named']}; "
            f"a name in the annotated source {share('speaker in source', 'speaker named')}), "
            "through the text "
            f"{share('speaker through text right', 'speaker through text')} "
            f"({t['speaker through text']}), no speaker {share('found no speaker', 'found')}"
        )


if __name__ == "__main__":
    main()
