"""Linking at scale on a synthetic corpus: time and peak memory at 10k and 100k articles.

The corpus is generated here (no network, no real text): incidents in made-up towns on
dates over three years, each reported by one to eight articles: own reports with their own
wording, wire copies run by several outlets, and lightly edited copies. Analyses are built
directly (towns, event date, victim names, tolls), so the bench measures the link stage
alone, as `crosscheck link --no-rewrites` runs it after analysis, on an SQLite store. Then
two more reports of the first incident are added and linked incrementally: the time to add
articles to a pool of that size. Each size runs in a fresh process so peak RSS is its own.

    python bench/link_scale.py                 # 10k and 100k
    python bench/link_scale.py --sizes 2000    # quick look
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from crosscheck.analyze import ANALYZER_VERSION
from crosscheck.pipeline import link_all
from crosscheck.records import Analysis, Article, Entity, Figure, Place, Span
from crosscheck.store import SQLiteStore

_SYLLABLES = "ka lo mi ra ten vo shi an dor bel ric ma ze nu pol ha tu gar win sel".split()


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def corpus(n: int, seed: int = 7) -> tuple[list[Article], dict[str, Analysis]]:
    rng = random.Random(seed)
    # Zipf-like vocabulary: a few hundred common words and thousands of rarer ones.
    filler = [_word(rng, 2 + (i % 3)) for i in range(20000)]
    towns = [(_word(rng, 3).title(), f"State{rng.randrange(50)}") for _ in range(max(50, n // 40))]
    articles: list[Article] = []
    analyses: dict[str, Analysis] = {}
    incident = 0
    while len(articles) < n:
        incident += 1
        town, state = rng.choice(towns)
        day = 738000 + rng.randrange(1100)
        victim = f"{_word(rng, 2).title()} {_word(rng, 3).title()}"
        killed, injured = rng.randrange(0, 4), rng.randrange(0, 6)
        topic = rng.sample(filler, 40)
        wire = None
        for report in range(rng.randrange(1, 9)):
            if len(articles) >= n:
                break
            if wire is not None and rng.random() < 0.4:
                body = wire if rng.random() < 0.6 else wire + " " + " ".join(rng.sample(filler, 25))
            else:
                words = rng.sample(topic, 25) + rng.sample(filler, 120)
                rng.shuffle(words)
                body = (
                    f"{killed} people were killed and {injured} injured in {town} on the night, "
                    f"police said. The victim {victim} was named. " + " ".join(words) + "."
                )
                wire = wire or body
            aid = f"a{incident}-{report}"
            published = _date(day + rng.randrange(0, 3))
            articles.append(
                Article(
                    aid, aid, body, aid, title=f"{town} {rng.choice(topic)}", published=published
                )
            )
            analyses[aid] = _analysis(aid, body, town, state, _date(day), victim, killed, injured)
    return articles, analyses


def _date(ordinal: int) -> str:
    from datetime import date

    return date.fromordinal(ordinal).isoformat()


def _analysis(aid, body, town, state, day, victim, killed, injured) -> Analysis:
    def span(text: str) -> Span:
        at = body.find(text)
        return Span(aid, at, at + len(text), text)

    sentence = Span(aid, 0, len(body), body)
    return Analysis(
        article=aid,
        sentences=(sentence,),
        figures=(
            Figure(aid, killed, killed, killed, "killed", span(f"{killed} people"), sentence),
            Figure(aid, injured, injured, injured, "injured", span(f"{injured} injured"), sentence),
        ),
        event_date=day,
        places=(Place(span(town), town, 0.0, 0.0, state, "US", "town"),),
        entities=(Entity(span(victim), "person", victim),),
    )


def measure(n: int, folder: str) -> dict:
    articles, analyses = corpus(n)
    # Adding one report of the first incident to the linked pool: it must join its story.
    first = articles.pop(0)
    late = Article("late", "late", first.text + " Police later named a suspect.", "late",
                   title=first.title, published=first.published)  # fmt: skip
    # Its analysis is the first report's, filed under its own id: an article without one
    # waits for analysis and is not linked.
    analyses["late"] = replace(analyses[first.id], article="late")
    with SQLiteStore(Path(folder) / "scale.sqlite") as store:
        store.add_articles(articles)
        store.put_analyses(ANALYZER_VERSION, (analyses[a.id] for a in articles))
        loaded = _rss()
        started = time.perf_counter()
        full = link_all(store, rewrites=False)
        elapsed = time.perf_counter() - started
        linked_rss = _rss()
        store.add_articles([first, late])
        store.put_analyses(ANALYZER_VERSION, [analyses[first.id], analyses["late"]])
        started = time.perf_counter()
        added = link_all(store, rewrites=False)
        add_two = time.perf_counter() - started
        joined = any({"late", first.id} <= set(m) for m in store.linkage().stories.values())
    return {
        "articles": n,
        "stories": full.stories,
        "link_s": round(elapsed, 1),
        "add_two_s": round(add_two, 2),
        "add_two_incremental": added.changed is not None,
        "added_joined_their_story": joined,
        "rss_before_link_mb": loaded,
        "peak_rss_mb": linked_rss,
    }


def _rss() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(measure(args.one, folder)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout))
        print(json.dumps(results[-1]))
    if len(results) >= 2:
        a, b = results[0], results[-1]
        print(
            f"growth: {b['articles'] / a['articles']:.0f}x articles -> "
            f"{b['link_s'] / max(a['link_s'], 0.1):.1f}x time, "
            f"{b['peak_rss_mb'] / a['peak_rss_mb']:.1f}x peak memory"
        )


if __name__ == "__main__":
    main()
