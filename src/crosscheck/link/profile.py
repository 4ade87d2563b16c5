"""What story linking knows of one article: its wording, and the facts a journalist matches
reports on (where, when, who and how many), computed once per article and kept by the store
for incremental linking (`Profile.to_json`)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from crosscheck.casualties import article_counts, own_figures
from crosscheck.link.vocabulary import terms
from crosscheck.link.walls import LOCAL, bare
from crosscheck.names import fold, name_parts
from crosscheck.records import Analysis, Article, Figure, Place

# What a stored profile (`Profile.to_json`) holds and means; a stored link index made under
# another version is rebuilt rather than extended.
PROFILE_VERSION = "12"
# Reports of one massacre dated this many days apart may tell of one toll counted over days.
PLACE_DAYS_APART = 2
# Tolls this large are counted over days as bodies are found: a different one on another day
# is no sign of another incident.
MASS_TOLL = 20
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
    tolls: frozenset[int] = frozenset()  # every killed, injured or shot figure of its own
    days: frozenset[date] = frozenset()  # every day it mentions
    roundup: bool = False  # a night's or a city's shootings told together
    # Every first-level division ("US.TX", "SV.12") and country a place it names is in.
    regions: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

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
        return cls(
            towns,
            day,
            people,
            *_tolls(list(analysis.figures)),
            days,
            roundup,
            *_regions(analysis.places),
        )

    @classmethod
    def of_headline(cls, analysis: Analysis | None, published: date | None) -> Facts:
        """A page without story text: the towns and tolls of its headline, on the day it was
        published (its text, a login wall or a playlist, dates nothing)."""
        if analysis is None:
            return cls()
        titled = [p for p in analysis.places if p.in_title]
        return cls(
            _towns(titled),
            published,
            frozenset(),
            *_tolls([f for f in analysis.figures if f.span.in_title]),
            frozenset(),
            False,
            *_regions(titled),
        )

    def blocking_keys(self) -> Iterator[str]:
        """Blocking keys: town and day (with the days either side), and full person names."""
        if self.day:
            for town in self.towns:
                for shift in (-1, 0, 1):
                    yield f"at:{town}|{self.day + timedelta(days=shift)}"
        for person in self.people:
            yield f"who:{person}"

    def tolls_disagree(self, other: Facts) -> bool:
        """The totals differ and no figure is shared: one report may give only the
        civilians of a toll another gives in full, and then they share a figure."""
        return bool(
            self.shot and other.shot and self.shot != other.shot and not self.tolls & other.tolls
        )

    def shooting_tolls_disagree(self, other: Facts) -> bool:
        """Tolls of a shooting's size that disagree. A massacre's toll, in the dozens or
        hundreds, is counted over days as bodies are found: a different one is no sign of
        another event."""
        return self.tolls_disagree(other) and max(self.shot or 0, other.shot or 0) < MASS_TOLL

    def one_massacre(self, other: Facts) -> bool:
        """Both give a massacre's toll in one town, dated at most PLACE_DAYS_APART days
        apart: one toll counted over days ("600 dead on Saturday", "1,018 since Thursday").
        The labelled pairs hold too few massacres told over days for the model to learn it."""
        apart = self.days_apart(other)
        return bool(
            apart is not None
            and apart <= PLACE_DAYS_APART
            and self.towns & other.towns
            and min(self.shot or 0, other.shot or 0) >= MASS_TOLL
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
            and self.shooting_tolls_disagree(other)
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
    outlet: str | None = None
    # Read by every pair the article is compared in, so derived from `terms` once.
    words: int = field(init=False, compare=False)
    numbers: frozenset[str] = field(init=False, compare=False)  # of two digits or more

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", sum(self.terms.values()))
        numbers = frozenset(t for t in self.terms if t.isdigit() and len(t) >= 2)
        object.__setattr__(self, "numbers", numbers)

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
            article.outlet,
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
                "regions": sorted(f.regions),
                "countries": sorted(f.countries),
                "bare": self.bare,
                "outlet": self.outlet,
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
            frozenset(d.get("regions", ())),
            frozenset(d.get("countries", ())),
        )
        return cls(
            article,
            _day(d["published"]),
            Counter(d["terms"]),
            Counter(d["headline"]),
            facts,
            d["bare"],
            d.get("outlet"),
        )


def profiles(
    articles: Iterable[Article], analyses: Mapping[str, Analysis] | None = None
) -> dict[str, Profile]:
    analyses = analyses or {}
    return {a.id: Profile.of(a, analyses.get(a.id)) for a in articles}


@dataclass(frozen=True, slots=True)
class Likeness:
    text: float
    headline: float


def _tolls(figures: list[Figure]) -> tuple[int | None, frozenset[int]]:
    """How many were shot (killed plus injured) by these figures, and every killed, injured
    or shot figure of the report's own: a count of dead below a lead that gives one is
    another attack recalled as often as this one's, and would join reports of two."""
    own = own_figures(figures)
    counts = article_counts(own)
    shot = counts.get("killed", 0) + counts.get("injured", 0) if counts else None
    tolls = frozenset(f.value for f in own if f.status in {"killed", "injured", "shot"})
    return shot or None, tolls


def _towns(places: Iterable[Place]) -> frozenset[str]:
    return frozenset(
        f"{fold(p.name)}|{p.admin1 or p.country}"
        for p in places
        # A county of a name several states have, the state unknown, tells nothing apart.
        if p.precision in LOCAL and (p.admin1 or p.country != "US")
    )


def _regions(places: Iterable[Place]) -> tuple[frozenset[str], frozenset[str]]:
    """The first-level divisions and countries of these places, in any country: a US
    state, a Syrian governorate, a Salvadoran department."""
    places = list(places)
    regions = frozenset(f"{p.country}.{p.admin1}" for p in places if p.admin1 and p.country)
    return regions, frozenset(p.country for p in places if p.country)


def region_of(town_key: str) -> str:
    return town_key.rpartition("|")[2]


def town_name(town_key: str) -> str:
    return town_key.rpartition("|")[0]


def _person_key(name: str) -> str | None:
    """A person's last two names: reports give or drop a middle name ("Luis Alberto
    Mendez Ochoa", "Alberto Mendez Ochoa")."""
    parts = name_parts(name)
    if len(parts) < 2 or _NOT_PEOPLE.intersection(parts) or not all(map(_NAME_PART.match, parts)):
        return None
    return " ".join(parts[-2:])


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
