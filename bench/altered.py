"""Facts a rewrite changed: is an altered toll or name flagged, and how often is a faithful
rewrite flagged for nothing?

Reads the shared development sets at run time and builds altered derivatives from them:
- fakes-dev (Syrian war reports, tolls): each report against a copy of itself whose first
  casualty figure is changed (14 becomes 29), as a content farm that rewrites a toll would;
- rewrites-dev (real LLM rewrites): each rewrite against its original as it is (flags
  here are false alarms unless the LLM changed a fact), and with one person's or
  organisation's name in a sentence it shares with its original replaced by a name from
  another article (an altered actor).
Both sides are analysed and embedded as a run would; the alignment's `altered` items are
read directly (linking is scored by bench/rewrites.py). Reported per half (tuning and
check, by a stable hash of the report or family id).

    python bench/altered.py [--limit 120]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DATA, half

from crosscheck.analyze import analyze
from crosscheck.ingest.draft import Draft, finish
from crosscheck.link.alignment import by_article, sentences_of
from crosscheck.link.embeddings import SentenceEncoder
from crosscheck.link.paraphrase import altered
from crosscheck.records import Article, Derivation


def _lines(name: str, file: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name / file).open(encoding="utf-8")]


def _article(id_: str, text: str) -> Article | None:
    article = finish(Draft(text=text, id=id_), "bench")
    return article if isinstance(article, Article) else None


# Each original and rewrite is read several times (as it is, altered, for its names).
analysed = cache(analyze)


class Judge:
    def __init__(self) -> None:
        encoder = SentenceEncoder()
        self._sentences = cache(lambda a: sentences_of(a, analysed(a), by_article(encoder.encode)))

    def changes(self, derived: Article, origin: Article) -> list:
        own, theirs = self._sentences(derived), self._sentences(origin)
        return altered(Derivation(derived.id, origin.id, "paraphrase", 1.0), own, theirs)


def fakes(judge: Judge, limit: int) -> dict[str, list[int]]:
    """[reports altered, flagged with the new toll, faithful copies flagged] per half."""
    counts = {"tuning": [0, 0, 0], "check": [0, 0, 0]}
    records = sorted(_lines("fakes-dev", "articles.jsonl"), key=lambda r: _hash(r["id"]))
    for record in records[:limit]:
        origin = _article(record["id"], record["text"])
        if origin is None:
            continue
        figures = [f for f in analysed(origin).figures if not f.span.in_title and f.value >= 2]
        if not figures:
            continue
        first = figures[0]
        if _renumber(first.span.text, first.value, 0) == first.span.text:
            continue  # "dozens", "hundreds": no number to change
        new_value = first.value * 2 + 1
        text = (
            origin.text[: first.span.start]
            + _renumber(first.span.text, first.value, new_value)
            + origin.text[first.span.end :]
        )
        derived = _article(record["id"] + "-altered", text)
        copy = _article(record["id"] + "-copy", origin.text)
        if derived is None or copy is None:
            continue
        tally = counts[half(record["id"])]
        tally[0] += 1
        tally[1] += any(
            c.field == "figure" and str(new_value) in c.value.split(", ")
            for c in judge.changes(derived, origin)
        )
        tally[2] += bool(judge.changes(copy, origin))
    return counts


def rewrites(judge: Judge, limit: int) -> dict[str, list[int]]:
    """[rewrites, flagged as they are, altered, flagged with the new actor] per half."""
    gold = [p for p in _lines("rewrites-dev", "gold.jsonl") if p["kind"] != "none"]
    texts = {r["id"]: r["text"] for r in _lines("rewrites-dev", "articles.jsonl")}
    counts = {"tuning": [0, 0, 0, 0], "check": [0, 0, 0, 0]}
    names = sorted(
        {
            e.name
            for p in gold[:40]
            if (a := _article(p["source"], texts[p["source"]]))
            for e in analysed(a).entities
            if e.kind == "person" and " " in e.name
        }
    )
    for pair in sorted(gold, key=lambda p: _hash(p["derived"]))[:limit]:
        derived = _article(pair["derived"], texts[pair["derived"]])
        origin = _article(pair["source"], texts[pair["source"]])
        if derived is None or origin is None:
            continue
        tally = counts[half(pair["source"])]
        tally[0] += 1
        tally[1] += bool(judge.changes(derived, origin))
        shared = _shared_actor(derived, origin)
        if shared is None:
            continue
        stranger = next(
            n
            for n in sorted(names, key=lambda n: _hash(n + pair["derived"]))
            if n.split()[-1] not in derived.text and n.split()[-1] not in origin.text
        )
        text = re.sub(rf"\b{re.escape(shared)}\b", stranger, derived.text)
        changed = _article(pair["derived"] + "-altered", text)
        if changed is None:
            continue
        tally[2] += 1
        tally[3] += any(
            c.field == "actor" and stranger in c.value for c in judge.changes(changed, origin)
        )
    return counts


def _shared_actor(derived: Article, origin: Article) -> str | None:
    """A person's full name both texts use (the rewrite's first), to be replaced."""
    theirs = {e.name for e in analysed(origin).entities if e.kind == "person"}
    for e in analysed(derived).entities:
        if e.kind == "person" and e.name in theirs and " " in e.name:
            return e.name
    return None


_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()


def _renumber(span: str, old: int, new: int) -> str:
    """The span with its number written as the new one, in digits."""
    pattern = rf"\b{old:,}\b|\b{old}\b"
    if 1 <= old <= len(_WORDS):
        pattern += rf"|\b{_WORDS[old - 1]}\b"
    return re.sub(pattern, str(new), span, count=1, flags=re.IGNORECASE)


def _hash(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=120, help="reports and rewrites each")
    args = parser.parse_args()
    judge = Judge()
    for which, (n, hit, false) in fakes(judge, args.limit).items():
        print(
            f"fakes-dev {which}: {n} reports with a toll changed, flagged {hit / (n or 1):.3f};"
            f" unchanged copies flagged {false / (n or 1):.3f}"
        )
    for which, (n, flagged, m, hit) in rewrites(judge, args.limit).items():
        print(
            f"rewrites-dev {which}: {n} real rewrites flagged as they are {flagged / (n or 1):.3f};"
            f" {m} with an actor replaced, flagged {hit / (m or 1):.3f}"
        )


if __name__ == "__main__":
    main()
