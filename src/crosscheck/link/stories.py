"""Stories: articles that report the same incident.

A journalist matches reports on the rare words they share (the town, the victim's name,
the street), on where and when the event happened and on who was involved. So each article's
blocking keys are its rarest terms, its towns paired with its event day, and the full names
of the people it names who are not quoted spokespeople: only articles sharing a key are
compared (never all pairs). A pair joins when the TF-IDF cosine of the two texts clears
SAME_STORY and their publication dates are close, or when it clears the lower SAME_FACTS and
the two name the same town within a day of each other or the same person. Articles that
derive from one another always share a story.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from crosscheck.link.unionfind import UnionFind
from crosscheck.link.vocabulary import Vector, terms, vectorise
from crosscheck.names import fold, name_parts
from crosscheck.records import Analysis, Article, Derivation

SAME_STORY = 0.3
KEYS_PER_ARTICLE = 12
# A key shared by more articles than this says little about which incident they report.
MAX_POSTING = 60
MAX_DAYS_APART = 10
# Reports that name the same town and day, or the same person, need less shared wording.
SAME_FACTS = 0.2
NAME_DAYS_APART = 120
DAYS_APART_VETO = 5
_LOCAL = frozenset({"town", "district", "point"})


@dataclass(frozen=True, slots=True)
class Facts:
    """What a journalist matches reports on besides wording: where, when and who."""

    towns: frozenset[str]
    day: date | None
    people: frozenset[str]

    @classmethod
    def of(cls, analysis: Analysis | None) -> Facts:
        if analysis is None:
            return cls(frozenset(), None, frozenset())
        towns = frozenset(
            f"{fold(p.name)}|{p.admin1 or p.country}"
            for p in analysis.places
            if p.precision in _LOCAL
        )
        # Spokespeople speak about many incidents; victims and suspects belong to one.
        speakers = {q.speaker for q in analysis.quotes if q.speaker}
        people = frozenset(
            " ".join(parts)
            for e in analysis.entities
            if e.kind == "person"
            and e.name not in speakers
            and len(parts := name_parts(e.name)) >= 2
        )
        day = date.fromisoformat(analysis.event_date) if analysis.event_date else None
        return cls(towns, day, people)

    def keys(self) -> Iterator[str]:
        """Blocking keys: town and day (with the days either side), and full person names."""
        if self.day:
            for town in self.towns:
                for shift in (-1, 0, 1):
                    yield f"at:{town}|{self.day + timedelta(days=shift)}"
        for person in self.people:
            yield f"who:{person}"

    def agree(self, other: Facts) -> bool:
        if not self.day or not other.day:
            return False
        apart = abs((self.day - other.day).days)
        # A shared name counts within months (follow-ups on arrests and trials), not years:
        # reporters' bylines, which NER also tags as people, recur across many incidents.
        if self.people & other.people and apart <= NAME_DAYS_APART:
            return True
        return apart <= 1 and bool(self.towns & other.towns)


def group_stories(
    articles: list[Article],
    derivations: Iterable[Derivation],
    analyses: Mapping[str, Analysis] | None = None,
) -> dict[str, tuple[str, ...]]:
    sets = UnionFind(a.id for a in articles)
    for d in derivations:
        sets.union(d.article, d.source)
    facts = {a.id: Facts.of((analyses or {}).get(a.id)) for a in articles}
    for a, b in similar_pairs(articles, facts):
        sets.union(a, b)
    order = {a.id: (a.published or "", i) for i, a in enumerate(articles)}
    stories: dict[str, tuple[str, ...]] = {}
    for members in sets.groups().values():
        members.sort(key=order.__getitem__)
        stories[story_id(members)] = tuple(members)
    return stories


def story_id(members: list[str]) -> str:
    """Named after its first article in publication order: stable while later reports join,
    renamed only when an earlier report turns up."""
    return "s-" + hashlib.blake2b(members[0].encode(), digest_size=6).hexdigest()


def similar_pairs(
    articles: list[Article], facts: Mapping[str, Facts] | None = None
) -> Iterator[tuple[str, str]]:
    by_id = {a.id: a for a in articles}
    facts = facts or {}
    counts = {a.id: terms(f"{a.title or ''}\n{a.text}") for a in articles}
    vectors, idf = vectorise(counts)
    for a, b in _candidates(vectors, idf, facts):
        cosine = vectors[a].cosine(vectors[b])
        wording = (
            cosine >= SAME_STORY
            and _close_in_time(by_id[a], by_id[b])
            and not _different_days(facts, a, b)
        )
        if wording or (cosine >= SAME_FACTS and _agree(facts, a, b)):
            yield a, b


def _different_days(facts: Mapping[str, Facts], a: str, b: str) -> bool:
    """Both reports date their event, a week apart: look-alike incidents, not one story."""
    da, db = (facts[x].day if x in facts else None for x in (a, b))
    return bool(da and db and abs((da - db).days) > DAYS_APART_VETO)


def _agree(facts: Mapping[str, Facts], a: str, b: str) -> bool:
    return a in facts and b in facts and facts[a].agree(facts[b])


def _candidates(
    vectors: dict[str, Vector], idf: dict[str, float], facts: Mapping[str, Facts]
) -> Iterator[tuple[str, str]]:
    singleton_idf = max(idf.values(), default=0.0) - 1e-9
    postings: dict[str, list[str]] = defaultdict(list)
    for doc, vector in vectors.items():
        # A term no other article uses cannot pair this one with anything: skip it.
        shared = [t for t in vector.weights if idf[t] < singleton_idf]
        keys = sorted(shared, key=lambda t: (-vector.weights[t], t))[:KEYS_PER_ARTICLE]
        if doc in facts:
            keys.extend(facts[doc].keys())
        for key in keys:
            postings[key].append(doc)
    seen: set[tuple[str, str]] = set()
    for docs in postings.values():
        if len(docs) > MAX_POSTING:
            continue
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _close_in_time(a: Article, b: Article) -> bool:
    if not a.published or not b.published:
        return True
    try:
        gap = abs(date.fromisoformat(a.published[:10]) - date.fromisoformat(b.published[:10]))
    except ValueError:
        return True
    return gap.days <= MAX_DAYS_APART
