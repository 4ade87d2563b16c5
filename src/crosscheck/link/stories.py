"""Stories: articles that report the same incident.

A journalist matches reports on the rare words they share (the town, the victim's name, the
street), on where and when the event happened, on who was involved and on the toll. So each
article's blocking keys are its rarest terms, its towns paired with its event day, and the
full names of the people it names who are not quoted spokespeople: only articles sharing a
key are compared (never all pairs). A pair joins when

- the TF-IDF cosine of the two texts clears SAME_STORY and they were published close together
  (STRANGERS_ALIKE when they name other towns and other victims or suspects: one outlet's
  boilerplate, not the story, is then what they share);
- or their headlines share rare words (HEADLINES_ALIKE) and they were published within days;
- or the texts clear SAME_PLACE_AND_DAY and the two name the same town within a day of each
  other without disagreeing on how many people were shot (TOLLS_APART if they disagree);
- or they clear SAME_FACTS and name the same person (a victim or suspect, whose name comes
  back in follow-ups on the arrest and the trial months later).

A page whose text is a login wall or a video playlist is known by its headline: its words,
the towns and tolls it names, and the day it was published; it joins a report of that town
and day on no more shared wording.

Two reports that date their events a week apart are look-alike incidents, whatever their
wording. Articles that derive from one another share a story unless their dates say otherwise.
A roundup of several shootings ("six people were wounded in Chicago shootings Sunday") is
like every report of the incidents it tells of, so it joins only the one most like it and
never makes one story of them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from crosscheck.casualties import article_counts
from crosscheck.link.unionfind import UnionFind
from crosscheck.link.vocabulary import Vector, inverse_frequency, terms, vectorise
from crosscheck.link.walls import LOCAL, bare
from crosscheck.names import fold, name_parts
from crosscheck.records import Analysis, Article, Derivation, Figure, Place

# What a stored profile (`Profile.to_json`) holds and means; a stored link index made under
# another version is rebuilt rather than extended.
PROFILE_VERSION = "10"
SAME_STORY = 0.3
STRANGERS_ALIKE = 0.5
# Reports of different towns dated this many days apart are strangers too: one station's
# boilerplate lifts a Corpus Christi report and a Bexar County one of five days before
# past SAME_STORY.
STRANGERS_DAYS_APART = 3
KEYS_PER_ARTICLE = 12
# A key shared by more articles than this says little about which incident they report.
MAX_POSTING = 60
MAX_DAYS_APART = 10
# Reports that name the same town and day, or the same person, need less shared wording.
SAME_FACTS = 0.2
SAME_PLACE_AND_DAY = 0.12
# Reports of one town dated this many days apart join on SAME_FACTS of wording, when their
# tolls agree.
PLACE_DAYS_APART = 2
HEADLINES_ALIKE = 0.4
# The same town and day whose tolls disagree (a first report's wounded, a later one's dead
# and wounded counted otherwise) with this much wording in common.
TOLLS_APART = 0.2
# A page with no story text has only its headline to go on, against others' headlines.
BARE_HEADLINES_ALIKE = 0.35
HEADLINE_DAYS_APART = 3
HEADLINE_KEYS = 4
DAYS_APART_VETO = 5
# Tolls this large are counted over days as bodies are found: a different one on another day
# is no sign of another incident.
MASS_TOLL = 20
# A name met in reports of more separate events than this is a reporter's byline, an anchor
# or an institution NER took for a person, not a victim or suspect, unless every one of those
# reports names one town (a case followed for months: the arrest, the trial, the sentence).
MAX_EVENTS_PER_NAME = 3
# Officials and anchors are named in reports of many incidents; victims and suspects in one.
_OFFICIAL = re.compile(
    r"\b(?:sheriff|chief|officer|sgt|sergeant|lt|lieutenant|capt|captain|det|detective|"
    r"spokes(?:man|woman|person)|mayor|prosecutor|attorney|coroner|dr|rev|reverend|activist|"
    r"commissioner|superintendent|judge|anchor|reporter|by)\.?\s+(?:[A-Z][\w.'-]*\s+)?$",
    re.IGNORECASE,
)
# "The Levant Wire could not verify", "(Levant Wire)": outlets NER took for people.
_NOT_A_NAME = re.compile(r"(?:\bthe\s+|\()$", re.IGNORECASE)
# "Ben Taub Hospital", "North Keeler Avenue": a place named after someone, which NER tags as
# a person; shared by unrelated reports years apart (the town's trauma centre, a long street).
_NAMES_A_PLACE = re.compile(
    r"\s+(?:general\s+|memorial\s+|regional\s+)?(?:hospital|medical|health|clinic"
    r"|cent(?:er|re)|street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct"
    r"|place|pl|parkway|pkwy|highway|hwy|way|terrace|circle|park|school|elementary|middle"
    r"|high|academy|university|college|church|apartments|homes|plaza|mall|field|stadium)\b",
    re.IGNORECASE,
)
_NOT_PEOPLE = frozenset(
    "hospital center centre medical county street avenue road park school university "
    "college church department office police sheriff court news "
    # Outlets NER took for people: "Levant Wire could not verify the toll".
    "wire press agency tribune gazette herald journal "
    # A page's own words, which NER takes for names: "Email Alerts", "Buy Photo".
    "email alerts newsletter photo photos video subscribe instagram facebook twitter".split()
)
# A word of a person's name: letters, an apostrophe ("o'neal"). Not "adams/indystar" (a
# photo credit) or "| instagram".
_NAME_PART = re.compile(r"^[^\W\d_]+(?:['’][^\W\d_]+)*$")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a journalist matches reports on besides wording: where, when, who and how many."""

    towns: frozenset[str] = frozenset()
    day: date | None = None
    people: frozenset[str] = frozenset()
    shot: int | None = None  # killed plus injured, the count least revised between reports
    tolls: frozenset[int] = frozenset()  # every killed, injured or shot figure it gives
    days: frozenset[date] = frozenset()  # every day it mentions
    roundup: bool = False  # a night's or a city's shootings told together

    @classmethod
    def of(cls, analysis: Analysis | None, text: str = "") -> Facts:
        if analysis is None:
            return cls()
        towns = _towns(analysis.places)
        # Spokespeople speak about many incidents; victims and suspects belong to one.
        speakers = {q.speaker for q in analysis.quotes if q.speaker}
        people = frozenset(
            key
            for e in analysis.entities
            if e.kind == "person"
            and e.name not in speakers
            and not _OFFICIAL.search(text, max(0, e.span.start - 40), e.span.start)
            and not _NOT_A_NAME.search(text, max(0, e.span.start - 5), e.span.start)
            and not _NAMES_A_PLACE.match(text, e.span.end)
            and (key := _person_key(e.name))
        )
        day = date.fromisoformat(analysis.event_date) if analysis.event_date else None
        days = frozenset(
            date.fromisoformat(m.resolved)
            for m in analysis.dates
            if m.resolved and m.granularity == "day"
        )
        roundup = bool(analysis.roundup)
        return cls(towns, day, people, *_tolls(list(analysis.figures)), days, roundup)

    @classmethod
    def of_headline(cls, analysis: Analysis | None, published: date | None) -> Facts:
        """A page without story text: the towns and tolls of its headline, on the day it was
        published (its text, a login wall or a playlist, dates nothing)."""
        if analysis is None:
            return cls()
        towns = _towns(p for p in analysis.places if p.in_title)
        return cls(
            towns, published, frozenset(), *_tolls([f for f in analysis.figures if f.span.in_title])
        )

    def blocking_keys(self) -> Iterator[str]:
        """Blocking keys: town and day (with the days either side), and full person names."""
        if self.day:
            for town in self.towns:
                for shift in (-1, 0, 1):
                    yield f"at:{town}|{self.day + timedelta(days=shift)}"
        for person in self.people:
            yield f"who:{person}"

    def same_place_and_day(self, other: Facts) -> bool:
        if not self.day or not other.day or abs((self.day - other.day).days) > 1:
            return False
        return bool(self.towns & other.towns)

    def same_place_days_apart(self, other: Facts) -> bool:
        """The same town, its incident dated two days from the other's: a late-night
        shooting one report dates by the night, another by the morning after it was found."""
        return self.days_apart(other) == PLACE_DAYS_APART and bool(self.towns & other.towns)

    def tolls_disagree(self, other: Facts) -> bool:
        """The totals differ and no figure is shared: one report may give only the
        civilians of a toll another gives in full, and then they share a figure."""
        return bool(
            self.shot and other.shot and self.shot != other.shot and not self.tolls & other.tolls
        )

    def recalls(self, other: Facts) -> bool:
        """Does one report mention the day the other dates its incident to (a follow-up
        recalling "the June 5 shooting")?"""
        return bool((self.day and self.day in other.days) or (other.day and other.day in self.days))

    def own_day_and_toll(self, other: Facts) -> bool:
        """Does each report write its own day, a day or more from the other's, and its own
        toll of a shooting's size, recalling neither? Then they tell of two incidents: "Four
        shot in East Garfield Park" on Thursday, "7 shot in West Garfield Park" on Friday. A
        massacre's toll, in the dozens or hundreds, is counted over days: 600 dead on
        Saturday and 1,018 since Thursday may be one."""
        return bool(
            self.days_apart(other)
            and self.dated
            and other.dated
            and not self.recalls(other)
            and self.tolls_disagree(other)
            and max(self.shot or 0, other.shot or 0) < MASS_TOLL
        )

    @property
    def dated(self) -> bool:
        """Does the report write the day it dates its incident to (not a publication day
        taken for want of one)?"""
        return self.day is not None and self.day in self.days

    def days_apart(self, other: Facts) -> int | None:
        if not self.day or not other.day:
            return None
        return abs((self.day - other.day).days)


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything story linking compares about one article, computed once per article."""

    id: str
    published: date | None
    terms: Counter[str]
    headline: Counter[str]
    facts: Facts
    bare: bool  # the page held no story text: link it on its headline alone

    @classmethod
    def of(cls, article: Article, analysis: Analysis | None) -> Profile:
        facts = Facts.of(analysis, article.text)
        headline = terms(article.title or "")
        body = terms(article.text)
        held_no_story = bare(headline, body, analysis)
        counted = headline if held_no_story else headline + body
        return cls(
            article.id,
            _day(article.published),
            counted,
            headline,
            Facts.of_headline(analysis, _day(article.published)) if held_no_story else facts,
            held_no_story,
        )

    def to_json(self) -> str:
        """A compact document, so a store can keep profiles for incremental linking."""
        f = self.facts
        return json.dumps(
            {
                "published": self.published.isoformat() if self.published else None,
                "terms": self.terms,
                "headline": self.headline,
                "towns": sorted(f.towns),
                "day": f.day.isoformat() if f.day else None,
                "people": sorted(f.people),
                "shot": f.shot,
                "tolls": sorted(f.tolls),
                "days": sorted(d.isoformat() for d in f.days),
                "roundup": f.roundup,
                "bare": self.bare,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, article: str, data: str) -> Profile:
        d = json.loads(data)
        facts = Facts(
            frozenset(d["towns"]),
            date.fromisoformat(d["day"]) if d["day"] else None,
            frozenset(d["people"]),
            d["shot"],
            frozenset(d.get("tolls", ())),
            frozenset(date.fromisoformat(x) for x in d.get("days", ())),
            d.get("roundup", False),
        )
        return cls(
            article,
            _day(d["published"]),
            Counter(d["terms"]),
            Counter(d["headline"]),
            facts,
            d["bare"],
        )


def profiles(
    articles: Iterable[Article], analyses: Mapping[str, Analysis] | None = None
) -> dict[str, Profile]:
    analyses = analyses or {}
    return {a.id: Profile.of(a, analyses.get(a.id)) for a in articles}


def group_stories(
    profiles: Mapping[str, Profile],
    derivations: Iterable[Derivation],
    vocabulary: Vocabulary | None = None,
) -> dict[str, tuple[str, ...]]:
    sets = UnionFind(profiles)
    for d in derivations:
        one, other = profiles.get(d.article), profiles.get(d.source)
        if one and other and not look_alikes(one.facts, other.facts):
            sets.union(d.article, d.source)
    for a, b in story_edges(similar_pairs(profiles, vocabulary), profiles):
        sets.union(a, b)
    return named_stories(sets.groups().values(), profiles)


# A roundup's offer to join another report: the likeness first, then the report's id, so
# that every run (and every machine) picks the same one.
Offer = tuple[float, float, str]


def story_edges(
    pairs: Iterable[tuple[str, str, Likeness]],
    profiles: Mapping[str, Profile],
    settled: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, str]]:
    """The pairs that join stories. A roundup ("six people were wounded in Chicago shootings
    Sunday") is like each report of the incidents it tells of; joined to all of them it would
    make one story of a city's night, so it joins only the report most like it. Roundups
    `settled` in a story already (an incremental run) join nothing more."""
    best: dict[str, Offer] = {}
    for a, b, alike in pairs:
        a_roundup, b_roundup = profiles[a].facts.roundup, profiles[b].facts.roundup
        if not (a_roundup or b_roundup):
            yield a, b
        offers = roundup_offers(
            a, b, alike, a_roundup and a not in settled, b_roundup and b not in settled
        )
        for roundup, offer in offers:
            best[roundup] = max(best.get(roundup, offer), offer)
    for roundup, (_, _, other) in sorted(best.items()):
        yield roundup, other


def roundup_offers(
    a: str, b: str, alike: Likeness, a_roundup: bool, b_roundup: bool
) -> list[tuple[str, Offer]]:
    """For a joined pair with a roundup in it, each roundup's offer to join the other."""
    offers = []
    if a_roundup:
        offers.append((a, (alike.text, alike.headline, b)))
    if b_roundup:
        offers.append((b, (alike.text, alike.headline, a)))
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
) -> Iterator[tuple[str, str, Likeness]]:
    vocabulary = vocabulary or Vocabulary.of(profiles)
    text, headlines = vocabulary.text, vocabulary.headlines
    named = discriminating_names(profiles.values())
    for a, b in _candidates(vocabulary.keys, named):
        alike = Likeness(text.cosine(a, b), headlines.cosine(a, b))
        if same_story(profiles[a], profiles[b], alike, named):
            yield a, b, alike


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


@dataclass(frozen=True, slots=True)
class Likeness:
    text: float
    headline: float


def same_story(a: Profile, b: Profile, alike: Likeness, names: frozenset[str]) -> bool:
    if look_alikes(a.facts, b.facts):
        return False
    if alike.text >= (
        STRANGERS_ALIKE if strangers(a.facts, b.facts, names) else SAME_STORY
    ) and _close_in_time(a.published, b.published):
        return True
    headlines = BARE_HEADLINES_ALIKE if a.bare or b.bare else HEADLINES_ALIKE
    if alike.headline >= headlines and _close_in_time(
        a.published, b.published, HEADLINE_DAYS_APART
    ):
        return True
    if a.facts.same_place_and_day(b.facts):
        # A bare page's words are its headline's: too few to weigh against a whole report.
        needed = 0.0 if a.bare or b.bare else SAME_PLACE_AND_DAY
        if alike.text >= (TOLLS_APART if a.facts.tolls_disagree(b.facts) else needed):
            return True
    if alike.text < SAME_FACTS:
        return False
    # The same town two days apart with tolls that agree, or the same victim or suspect.
    return (a.facts.same_place_days_apart(b.facts) and not a.facts.tolls_disagree(b.facts)) or bool(
        a.facts.people & b.facts.people & names
    )


def strangers(a: Facts, b: Facts, names: frozenset[str]) -> bool:
    """Reports in different towns whose victims and suspects are different people, or that
    date their incidents days apart and name no one in common."""
    if not (a.towns and b.towns) or a.towns & b.towns:
        return False
    if a.people & b.people:
        return False
    apart = a.days_apart(b)
    return (apart is not None and apart >= STRANGERS_DAYS_APART) or bool(
        a.people & names and b.people & names
    )


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
    if {_town_name(t) for t in a.towns} & {_town_name(t) for t in b.towns}:
        return False  # one town of one name read as two namesakes: "Deer Lodge" alone
    if not {_region(t) for t in a.towns} & {_region(t) for t in b.towns}:
        return True  # Dayton, Ohio and Mobile, Alabama: never one shooting
    return a.tolls_disagree(b)


def _tolls(figures: list[Figure]) -> tuple[int | None, frozenset[int]]:
    """How many were shot (killed plus injured) by these figures, and every killed, injured
    or shot figure they give."""
    counts = article_counts(figures)
    shot = counts.get("killed", 0) + counts.get("injured", 0) if counts else None
    tolls = frozenset(f.value for f in figures if f.status in {"killed", "injured", "shot"})
    return shot or None, tolls


def _towns(places: Iterable[Place]) -> frozenset[str]:
    return frozenset(
        f"{fold(p.name)}|{p.admin1 or p.country}"
        for p in places
        # A county of a name several states have, the state unknown, tells nothing apart.
        if p.precision in LOCAL and (p.admin1 or p.country != "US")
    )


def _region(town_key: str) -> str:
    return town_key.rpartition("|")[2]


def _town_name(town_key: str) -> str:
    return town_key.rpartition("|")[0]


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
        names = frozenset(_town_name(t) for t in towns)
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


def _candidates(keys: Mapping[str, list[str]], names: frozenset[str]) -> Iterator[tuple[str, str]]:
    postings: dict[str, list[str]] = defaultdict(list)
    for doc, own in keys.items():
        for key in own:
            if not byline_key(key, names):
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


def _person_key(name: str) -> str | None:
    """A person's last two names: reports give or drop a middle name ("Armando Rodrigo
    Garcia Ramires", "Rodrigo Garcia Ramires")."""
    parts = name_parts(name)
    if len(parts) < 2 or _NOT_PEOPLE.intersection(parts) or not all(map(_NAME_PART.match, parts)):
        return None
    return " ".join(parts[-2:])


def byline_key(key: str, names: frozenset[str]) -> bool:
    return key.startswith("who:") and key[4:] not in names


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _close_in_time(a: date | None, b: date | None, days: int = MAX_DAYS_APART) -> bool:
    return a is None or b is None or abs((a - b).days) <= days
