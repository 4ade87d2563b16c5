"""The shared development sets as linking problems: each set's articles and analyses, what
its gold says about which reports tell one event, and the half each article belongs to.

Articles are analysed once per set by `crosscheck run --no-rewrites` into a store under
`--stores` (default /tmp/crosscheck-links), reused by later runs of the same analyzer.

The half of an article is the half of its event, so that every pair of one event, and
ecb-dev's look-alike pairs, fall in one half:
- gva-dev: the gold incident;
- ecb-dev: the topic (two look-alike events of one kind share it);
- muc4-dev: the message's group of `same_main_incident_as` messages (its smallest id);
- fakes-dev: the article (its gold knows no events across articles).

What a pair's label is, where the gold says:
- gva-dev, ecb-dev: one event or two;
- muc4-dev: `same_main_incident_as` (the same victim, country and day) is one incident; two
  countries, or main incidents a week or more apart, are two; anything else is unknown;
- fakes-dev: the same governorate, day (within one) and cause is one event (a weak label);
  another governorate, or days a week or more apart, is two; anything else is unknown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from devsets import DATA, half, run_crosscheck

from crosscheck.analyze import ANALYZER_VERSION
from crosscheck.records import Analysis, Article
from crosscheck.store.sqlite import SQLiteStore

SETS = ("gva", "ecb", "muc4", "fakes")
STORES = Path("/tmp/crosscheck-links")
# Main incidents this many days apart are two, whatever else they share.
WEEK = 7


@dataclass
class LinkSet:
    name: str
    articles: list[Article]
    analyses: dict[str, Analysis]
    group: dict[str, str]  # article -> the key its half is drawn from
    events: dict[str, str] = field(default_factory=dict)  # a full partition, where known
    positives: set[tuple[str, str]] = field(default_factory=set)  # partial gold
    gold: dict[str, dict] = field(default_factory=dict)

    def half_of(self, article: str) -> str:
        return half(self.group[article])

    def pair_half(self, a: str, b: str) -> str | None:
        """The half a pair belongs to: both its articles', or none when they differ."""
        one, other = self.half_of(a), self.half_of(b)
        return one if one == other else None

    def label(self, a: str, b: str) -> int | None:
        """1: one event; 0: two; None: the gold does not say."""
        if self.events:
            return int(self.events[a] == self.events[b])
        if (min(a, b), max(a, b)) in self.positives:
            return 1
        return (_muc4_label if self.name == "muc4" else _fakes_label)(self.gold[a], self.gold[b])


def load(name: str, stores: Path = STORES) -> LinkSet:
    data = DATA / f"{name}-dev"
    store_dir = stores / name
    if not _current(store_dir):
        run_crosscheck(data / "articles.jsonl", store_dir, "--no-rewrites")
    with SQLiteStore(store_dir / "crosscheck.sqlite", create=False) as store:
        articles = list(store.articles())
        analyses = store.analyses()
    rows = [json.loads(line) for line in (data / "gold.jsonl").open(encoding="utf-8")]
    ids = {a.id for a in articles}
    if name in ("gva", "ecb"):
        # An article the gold lists under several incidents (a roundup) belongs to the first,
        # as bench/gva_run.py scores it.
        events: dict[str, str] = {}
        for r in rows:
            for a in r["articles"]:
                if a in ids:
                    events.setdefault(a, r["incident_id"])
        articles = [a for a in articles if a.id in events]
        group = {
            a: (event.split("_")[0] if name == "ecb" else event) for a, event in events.items()
        }
        return LinkSet(name, articles, analyses, group, events=events)
    gold = {r["id"]: r for r in rows if r["id"] in ids}
    articles = [a for a in articles if a.id in gold]
    positives = {
        (min(r["id"], o), max(r["id"], o))
        for r in gold.values()
        for o in r.get("same_main_incident_as") or ()
        if o in gold
    }
    group = _components(list(gold), positives)
    return LinkSet(name, articles, analyses, group, positives=positives, gold=gold)


def _current(store_dir: Path) -> bool:
    path = store_dir / "crosscheck.sqlite"
    if not path.exists():
        return False
    with SQLiteStore(path, create=False) as store:
        return not store.unanalysed(ANALYZER_VERSION)


def _components(ids: list[str], pairs: set[tuple[str, str]]) -> dict[str, str]:
    """Each article's group: the smallest id among the articles its pairs reach."""
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in ids}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _muc4_label(a: dict, b: dict) -> int | None:
    if not (a.get("relevant") and b.get("relevant")):
        return None
    if a.get("country_code") and b.get("country_code") and a["country_code"] != b["country_code"]:
        return 0
    one, other = _day(a.get("date")), _day(b.get("date"))
    if one and other and abs((one - other).days) >= WEEK:
        return 0
    return None


def _fakes_label(a: dict, b: dict) -> int | None:
    one, other = _day(a.get("date")), _day(b.get("date"))
    apart = abs((one - other).days) if one and other else None
    if a.get("location") and b.get("location") and a["location"] != b["location"]:
        return 0
    if apart is not None and apart >= WEEK:
        return 0
    if (
        apart is not None
        and apart <= 1
        and a.get("location") == b.get("location")
        and a.get("cause_of_death") == b.get("cause_of_death")
    ):
        return 1
    return None


def stories_of(linked: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {a: story for story, members in linked.items() for a in members}


def pairs_in(linked: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, str]]:
    for members in linked.values():
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                yield a, b
