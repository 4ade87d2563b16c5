"""Stories: articles that report the same incident.

A journalist matches reports on the rare words they share (the town, the victim's name, the
street), on where and when the event happened, on who was involved and on the toll. So each
article's blocking keys are its rarest terms, the rare words of its headline, its towns
paired with its event day, and the full names of the people it names who are not quoted
spokespeople: only articles sharing a key are compared (never all pairs).

Whether a compared pair tells one event is the story model's decision (link/story_model.py):
boosted trees over the pair's features (link/pair_features.py), fitted on labelled pairs of
four kinds of news by `python bench/train_linker.py`. Stories grow from the pairs it accepts
by average link (link/clustering.py). A page whose text is a login
wall or a video playlist is known by its headline alone: its words, towns and tolls, and the
day it was published.

Two reports that date their events a week apart are look-alike incidents, whatever their
wording. Articles that derive from one another share a story unless their dates or places
say otherwise. A roundup of several shootings ("six people were wounded in Chicago
shootings Sunday") is like every report of the incidents it tells of, so it joins only the
one most like it and never makes one story of them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from crosscheck.link.clustering import Edge, cohesive_groups
from crosscheck.link.pair_features import pair_features
from crosscheck.link.profile import Facts, Likeness, Profile, region_of, town_name
from crosscheck.link.story_model import story_model
from crosscheck.link.vocabulary import Vector, inverse_frequency, vectorise
from crosscheck.records import Derivation

KEYS_PER_ARTICLE = 12
# A key shared by more articles than this says little about which incident they report.
MAX_POSTING = 60
HEADLINE_KEYS = 4
DAYS_APART_VETO = 5
# A name met in reports of more separate events than this is a reporter's byline, an anchor
# or an institution NER took for a person, not a victim or suspect, unless every one of those
# reports names one town (a case followed for months: the arrest, the trial, the sentence).
MAX_EVENTS_PER_NAME = 3


def group_stories(
    profiles: Mapping[str, Profile],
    derivations: Iterable[Derivation],
    vocabulary: Vocabulary | None = None,
) -> dict[str, tuple[str, ...]]:
    seeds = derivation_seeds(profiles, derivations)
    return grouped(profiles, seeds, similar_pairs(profiles, vocabulary), story_model().cohesion)


def grouped(
    profiles: Mapping[str, Profile],
    seeds: Iterable[tuple[str, str]],
    accepted: Iterable[tuple[str, str, Likeness, float]],
    cohesion: float,
) -> dict[str, tuple[str, ...]]:
    """Stories of a pool from its copies (`seeds`) and the pairs the model accepted, with
    their probabilities (training calls it with other cut-offs and cohesions)."""
    edges = story_edges(accepted, profiles)
    return named_stories(cohesive_groups(profiles, seeds, edges, cohesion), profiles)


def derivation_seeds(
    profiles: Mapping[str, Profile], derivations: Iterable[Derivation]
) -> list[tuple[str, str]]:
    """A copy and its source start in one story, unless their facts say two incidents."""
    return [
        (d.article, d.source)
        for d in derivations
        if d.article in profiles
        and d.source in profiles
        and not look_alikes(profiles[d.article].facts, profiles[d.source].facts)
    ]


# A roundup's offer to join another report: the likeness first, then the report's id, so
# that every run (and every machine) picks the same one.
Offer = tuple[float, float, str, float]


def story_edges(
    pairs: Iterable[tuple[str, str, Likeness, float]],
    profiles: Mapping[str, Profile],
    settled: frozenset[str] = frozenset(),
) -> Iterator[Edge]:
    """The pairs that join stories. A roundup ("six people were wounded in Chicago shootings
    Sunday") is like each report of the incidents it tells of; joined to all of them it would
    make one story of a city's night, so it joins only the report most like it. Roundups
    `settled` in a story already (an incremental run) join nothing more."""
    best: dict[str, Offer] = {}
    for a, b, alike, p in pairs:
        a_roundup, b_roundup = profiles[a].facts.roundup, profiles[b].facts.roundup
        if not (a_roundup or b_roundup):
            yield a, b, p
        offers = roundup_offers(
            a, b, alike, p, a_roundup and a not in settled, b_roundup and b not in settled
        )
        for roundup, offer in offers:
            best[roundup] = max(best.get(roundup, offer), offer)
    for roundup, (_, _, other, p) in sorted(best.items()):
        yield roundup, other, p


def roundup_offers(
    a: str, b: str, alike: Likeness, p: float, a_roundup: bool, b_roundup: bool
) -> list[tuple[str, Offer]]:
    """For a joined pair with a roundup in it, each roundup's offer to join the other."""
    offers = []
    if a_roundup:
        offers.append((a, (alike.text, alike.headline, b, p)))
    if b_roundup:
        offers.append((b, (alike.text, alike.headline, a, p)))
    return offers


def named_stories(
    groups: Iterable[list[str]], profiles: Mapping[str, Profile]
) -> dict[str, tuple[str, ...]]:
    """Groups of articles as stories: members in publication order, named by the first."""
    stories: dict[str, tuple[str, ...]] = {}
    for members in groups:
        members.sort(key=lambda p: (str(profiles[p].published or ""), p))
        stories[story_id(members)] = tuple(members)
    return stories


def story_id(members: list[str]) -> str:
    """Named after its first article in publication order: stable while later reports join,
    renamed only when an earlier report turns up."""
    return "s-" + hashlib.blake2b(members[0].encode(), digest_size=6).hexdigest()


def similar_pairs(
    profiles: Mapping[str, Profile], vocabulary: Vocabulary | None = None
) -> Iterator[tuple[str, str, Likeness, float]]:
    """The candidate pairs the story model accepts, with its probability."""
    vocabulary = vocabulary or Vocabulary.of(profiles)
    named = discriminating_names(profiles.values())
    threshold = story_model().threshold
    for a, b, alike in compared_pairs(vocabulary):
        p = story_probability(profiles[a], profiles[b], alike, named)
        if p >= threshold:
            yield a, b, alike, p


def compared_pairs(vocabulary: Vocabulary) -> Iterator[tuple[str, str, Likeness]]:
    """Every candidate pair (sharing a blocking key), the smaller id first, with the
    likeness of its texts and headlines."""
    text, headlines = vocabulary.text, vocabulary.headlines
    for a, b in candidate_pairs(vocabulary.keys):
        yield a, b, Likeness(text.cosine(a, b), headlines.cosine(a, b))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a pool's articles are compared and blocked on: TF-IDF of their texts and of
    their headlines, and each article's blocking keys. Computed once per full link and
    shared by story grouping, the rewrite search and the link index."""

    text: Wording
    headlines: Wording
    keys: dict[str, list[str]]

    @classmethod
    def of(cls, profiles: Mapping[str, Profile]) -> Vocabulary:
        text = Wording.of({p.id: p.terms for p in profiles.values()})
        headlines = Wording.of({p.id: p.headline for p in profiles.values()})
        keys = {p.id: keys_of(p.id, text, headlines, p.facts) for p in profiles.values()}
        return cls(text, headlines, keys)


@dataclass(frozen=True, slots=True)
class Wording:
    """TF-IDF vectors of one field over the pool, and the rarest terms of each document."""

    vectors: dict[str, Vector]
    idf: dict[str, float]
    singleton_idf: float  # the idf of a term only one document uses

    @classmethod
    def of(cls, counts: dict[str, Counter[str]]) -> Wording:
        vectors, idf = vectorise(counts)
        return cls(vectors, idf, max(idf.values(), default=0.0) - 1e-9)

    @classmethod
    def over(
        cls, counts: dict[str, Counter[str]], df: Mapping[str, int], n: int, rarest: int = 1
    ) -> Wording:
        """Vectors of a few documents weighted by a larger pool's document frequencies:
        how incremental linking compares new articles with stored ones, and how a
        distributed run weighs each partition's. `rarest` is the pool's smallest document
        frequency (1 in any pool of real size)."""
        vectors, idf = vectorise(counts, df, n)
        return cls(vectors, idf, inverse_frequency(rarest, n) - 1e-9)

    @classmethod
    def of_vectors(cls, vectors: dict[str, Vector]) -> Wording:
        """Vectors already weighed over a pool, to be compared only (a distributed run's
        story holds its members' vectors, not the pool's frequencies)."""
        return cls(vectors, {}, 0.0)

    def cosine(self, a: str, b: str) -> float:
        return self.vectors[a].cosine(self.vectors[b])

    def rare_terms(self, doc: str, limit: int) -> list[str]:
        # A term no other article uses cannot pair this one with anything: skip it.
        weights = self.vectors[doc].weights
        shared = [t for t in weights if self.idf[t] < self.singleton_idf]
        return sorted(shared, key=lambda t: (-weights[t], t))[:limit]


def story_probability(a: Profile, b: Profile, alike: Likeness, names: frozenset[str]) -> float:
    """How likely two compared reports tell one event: 0 when their facts say they are two
    incidents (`look_alikes`); otherwise the story model's probability, raised to its
    cut-off for two tolls of one massacre counted over days (`Facts.one_massacre`)."""
    if look_alikes(a.facts, b.facts):
        return 0.0
    model = story_model()
    p = model.probability(pair_features(a, b, alike, names))
    return max(p, model.threshold) if a.facts.one_massacre(b.facts) else p


def look_alikes(a: Facts, b: Facts) -> bool:
    """Two incidents however alike the wording: a week apart, in towns of different states
    or countries (unless they name a town of one name, which one of them read as a namesake
    elsewhere), or in different towns with different tolls (templated briefs: "A shooting
    on Oak Street in X left 3 injured").
    A report naming the same victim or suspect, or mentioning the day the other dates its
    incident to, may be a follow-up (an arrest, a trial)."""
    if a.people & b.people:
        return False
    apart = a.days_apart(b)
    if apart is not None and apart > DAYS_APART_VETO and not a.recalls(b):
        return True
    if a.own_day_and_toll(b):
        return True
    if not (a.towns and b.towns) or a.towns & b.towns:
        return False
    if {town_name(t) for t in a.towns} & {town_name(t) for t in b.towns}:
        return False  # one town of one name read as two namesakes: "Deer Lodge" alone
    if not {region_of(t) for t in a.towns} & {region_of(t) for t in b.towns}:
        return True  # Dayton, Ohio and Mobile, Alabama: never one shooting
    return a.tolls_disagree(b)


def discriminating_names(profiles: Iterable[Profile]) -> frozenset[str]:
    """Names that belong to few events; bylines and anchors recur across many."""
    seen: dict[str, Sightings] = {}
    for p in profiles:
        for person, sighting in name_sightings(p):
            seen[person] = seen[person] + sighting if person in seen else sighting
    return frozenset(name for name, sightings in seen.items() if sightings.discriminating)


def name_sightings(profile: Profile) -> Iterator[tuple[str, Sightings]]:
    """Each person an article names, seen once: gathered article by article and summed per
    name (a distributed run sums them across machines)."""
    if profile.facts.day:
        week = profile.facts.day.toordinal() // 7
        for person in profile.facts.people:
            yield person, Sightings.of(week, profile.facts.towns)


@dataclass(frozen=True, slots=True)
class Sightings:
    """The reports naming one person: the weeks of their incidents (a few beyond
    MAX_EVENTS_PER_NAME are enough to know), how many of them name towns, and the town
    names every one of those shares. Adding two is associative, so they sum in any order."""

    weeks: frozenset[int]
    placed: int = 0
    shared_towns: frozenset[str] = frozenset()

    @classmethod
    def of(cls, week: int, towns: frozenset[str]) -> Sightings:
        names = frozenset(town_name(t) for t in towns)
        return cls(frozenset([week]), 1 if towns else 0, names)

    def __add__(self, other: Sightings) -> Sightings:
        weeks = frozenset(sorted(self.weeks | other.weeks)[: MAX_EVENTS_PER_NAME + 1])
        if not (self.placed and other.placed):
            shared = self.shared_towns if self.placed else other.shared_towns
        else:
            shared = self.shared_towns & other.shared_towns
        return Sightings(weeks, self.placed + other.placed, shared)

    @property
    def discriminating(self) -> bool:
        """A victim's or suspect's name: reports of few weeks, or all of one town (a case
        followed for months: the arrest, the trial). The town's name is enough: one report
        may read it as a namesake in another state."""
        return len(self.weeks) <= MAX_EVENTS_PER_NAME or (
            self.placed >= 2 and bool(self.shared_towns)
        )


def keys_of(
    doc: str, text: Wording, headlines: Wording, facts: Facts, rare: int = KEYS_PER_ARTICLE
) -> list[str]:
    """An article's blocking keys: its `rare` rarest terms, the rare words of its headline,
    and its town-and-day and person keys."""
    keys = text.rare_terms(doc, rare)
    keys.extend(f"h:{t}" for t in headlines.rare_terms(doc, HEADLINE_KEYS))
    keys.extend(facts.blocking_keys())
    return keys


def candidate_pairs(keys: Mapping[str, list[str]]) -> Iterator[tuple[str, str]]:
    """Every pair of articles sharing a key that few articles share. A byline's key is kept:
    the model tells a reporter's name from a victim's (`names shared` against `common names
    shared`), and a victim followed for months is named in reports of many weeks."""
    postings: dict[str, list[str]] = defaultdict(list)
    for doc, own in keys.items():
        for key in own:
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
