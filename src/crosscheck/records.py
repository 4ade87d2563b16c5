"""Typed records that cross stage boundaries.

Every stage is a plain function from some of these records to others; none of them
knows about storage. Records are frozen so a stage cannot quietly edit what an
earlier stage produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

# The categorical fields' values, as the JSON Schema of stories.json lists them.
Status = Literal["killed", "injured", "missing", "displaced", "arrested", "shot"]
Granularity = Literal["day", "week", "month", "year"]
Precision = Literal["point", "town", "district", "region", "country"]
EntityKind = Literal["person", "organisation"]
QuoteKind = Literal["direct", "reported"]
SpeakerFrom = Literal["name", "pronoun", "description", "continuation"]
DerivationKind = Literal["verbatim", "edited", "paraphrase"]
# How a derivation's direction was told: by publication times, from the two texts (credits,
# containment, how each is written), or not at all (the pair is still one origin group).
DerivationDirection = Literal["dated", "content", "unknown"]
AlteredField = Literal["figure", "place", "day", "actor"]
ConflictKind = Literal["revision", "disagreement"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested: the unit every later stage works on."""

    id: str
    source: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (file, line, feed entry) that could not become an article, and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """An article the analyzer failed on, and the error: it is skipped, not retried, until
    the analyzer changes, so one article that breaks analysis never stops a run."""

    article: str
    error: str


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of one article's text, kept so every claim points at its evidence;
    `in_title` when the range is of the article's title (its headline) instead."""

    article: str
    start: int
    end: int
    text: str
    in_title: bool = False

    def part(self, start: int, end: int) -> Span:
        """The sub-range [start, end) of this span, in the same article offsets."""
        text = self.text[start - self.start : end - self.start]
        return Span(self.article, start, end, text, self.in_title)


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure as one article states it."""

    article: str
    value: int
    low: int
    high: int
    status: Status
    span: Span
    sentence: Span
    qualifier: str | None = None
    category: str | None = None
    attributed_to: str | None = None
    group: str | None = None  # the victims as written: "pro-Assad fighters", "Alawite civilians"
    part_of_total: bool = False  # "including nine children": a part of a total, not a total
    # Counts listed under one verb ("745 civilians, 125 soldiers and 148 fighters were killed")
    # share the offset of the list's last figure, so they can be summed.
    listed_with: int | None = None
    # Its count is written as a number ("two", "5", "a double murder"); False where the
    # victims are only named ("killed his wife", "she died"), which says no one else died no
    # more than it says someone did.
    numbered: bool = True
    # The killer's own death, told after his victims and listed with them ("killed his wife
    # and son before killing himself"): one of the dead, none of the people he shot.
    perpetrator: bool = False
    # Told below the article's lead (its first sentences): a larger count of dead there is
    # another event's or a wider toll as often as this one's ("the strike killed 12 ... in
    # a raid last month 40 were killed").
    below_lead: bool = False
    # A vague amount's words as written ("thousands", "dozens"): `value` is only the low end
    # it counts as, and "numerous" and "many" share one range, so the words are kept.
    vague: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the day it means; `resolved` is None when it cannot be pinned.

    `resolved` is an ISO day; for expressions that only name a month ("last December",
    "three months ago") it is the month's first day and `granularity` is "month".
    """

    span: Span
    resolved: str | None
    granularity: Granularity = "day"


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the text, geocoded offline; precision is town, region or country."""

    span: Span
    name: str
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    precision: Precision

    @property
    def in_title(self) -> bool:
        """Named in the headline: the span's offsets are into the article's title."""
        return self.span.in_title


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation mention; `name` is the fullest form the article uses for it."""

    span: Span
    kind: EntityKind
    name: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement and who made it: a direct quotation or reported speech ("X said that ...").

    `speaker` is the fullest name the article gives; `speaker_from` says how it was found:
    "name" (named beside the quote), "pronoun" (he/she resolved by the antecedent ranker,
    "it" to the organisation named last), "description" ("a police spokesman"), or None when
    nobody is named.
    """

    span: Span
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_from: SpeakerFrom | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analyze stage found in one article."""

    article: str
    sentences: tuple[Span, ...]
    figures: tuple[Figure, ...] = ()
    event_date: str | None = None
    # The event date is a guess: the publication day, or a day of the past week the text
    # ties to nothing in particular; a story weighs it below a day the text ties to the
    # shooting.
    event_date_guessed: bool = False
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    outlet: str | None = None
    # Sentences saying the report could not verify what it reports.
    unverified: tuple[Span, ...] = ()
    # Sentences telling of several shootings at once: the report is a night's roundup.
    roundup: tuple[Span, ...] = ()
    event_type: str | None = None  # ACLED event type the article describes
    sub_event_type: str | None = None
    # The town a local outlet's credit in the title names ("- WMC Action News 5 - Memphis,
    # Tennessee"): where the outlet is, which places a story no report places.
    credit_place: Place | None = None
    # The dateline's town where the text reports events in another country: where the
    # report was filed ("Moscow (USSR), 6 Jul 89 (Tass) -- ... in Callao"), not a place of
    # the story, so not among `places`.
    filed_from: Place | None = None

    @property
    def us_states(self) -> frozenset[str]:
        """The US states the article's places are in: what its outlet's coverage area is
        tallied from (`OutletStates`). A county whose state is open counts for none."""
        return frozenset(p.admin1 for p in self.places if p.country == "US" and p.admin1)


@dataclass(frozen=True, slots=True)
class OutletStates:
    """How many of an outlet's analysed articles name a US state, and how many name each:
    what its coverage area is read from."""

    outlet: str
    articles: int
    states: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Derivation:
    """`article` reuses material from `source` (an earlier or containing article)."""

    article: str
    source: str
    kind: DerivationKind
    score: float
    direction: DerivationDirection = "unknown"


@dataclass(frozen=True, slots=True)
class Altered:
    """A sentence of a rewrite that says what its origin's sentence says with one fact
    changed: "31 killed" where the origin has 13, another town, day or actor."""

    article: str
    origin: str
    field: AlteredField
    value: str
    origin_value: str
    span: Span
    origin_span: Span


@dataclass(frozen=True, slots=True)
class Unsupported:
    """A sentence of a derived article with no counterpart in the article it derives from."""

    article: str
    origin: str
    span: Span


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What incremental linking keeps of one article: its linking profile (an opaque
    document), the terms counted in the pool's document frequencies, and its blocking keys."""

    article: str
    profile: str
    terms: tuple[str, ...]
    headline: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Linkage:
    """The link stage's result over a pool of articles."""

    stories: dict[str, tuple[str, ...]]
    derivations: tuple[Derivation, ...]
    origin_of: dict[str, str]
    unsupported: tuple[Unsupported, ...] = ()
    altered: tuple[Altered, ...] = ()

    def story_of(self) -> dict[str, str]:
        return {a: s for s, members in self.stories.items() for a in members}

    def derivations_of(self) -> dict[str, tuple[Derivation, ...]]:
        """Each derived article's derivations, by source; one pass, so callers never scan
        the pool's derivations per article or per story."""
        found: dict[str, list[Derivation]] = {}
        for d in self.derivations:
            found.setdefault(d.article, []).append(d)
        return {a: tuple(sorted(ds, key=lambda d: d.source)) for a, ds in found.items()}

    def sources_of(self) -> dict[str, tuple[str, ...]]:
        """Each derived article's direct sources."""
        return {a: tuple(d.source for d in ds) for a, ds in self.derivations_of().items()}


@dataclass(frozen=True, slots=True)
class Estimate:
    """A UCDP-style low/best/high estimate; all None when no source gives a number."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    # A count one origin gives that is far beyond every other origin's (kept as high, not
    # made best): UCDP keeps a disputed figure in its high estimate.
    outlier: int | None = None


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One figure as claimed across a story, with every span that supports it.

    Figures join one claim when they agree on status, category and value and their
    qualifiers are compatible ("at least 23" and "23" do; "more than 23" does not).
    """

    value: int
    low: int
    high: int
    status: Status
    support: tuple[Span, ...]
    independent_origins: int
    qualifier: str | None = None
    category: str | None = None
    attributed_to: str | None = None
    conflicts: tuple[int, ...] = ()
    articles: int = 0
    # Articles carrying the figure that say they could not verify it ("could not
    # independently verify the toll").
    unverified_by: tuple[str, ...] = ()
    first_reported: str | None = None  # earliest publication time among its articles
    part_of_total: bool = False  # "including seven children": a part, not the story's count
    vague: str | None = None  # a vague amount's words ("thousands"), as most reports write it


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two figure claims of one story about the same status and category that differ.

    `kind` is "revision" when the same source moved its figure between reports (a toll that
    rises), else "disagreement". `compatible` is True when the ranges still overlap ("more
    than 700" and 745): one figure is only the more precise.
    """

    earlier: int  # index in the story's figures: the one first reported
    later: int
    kind: ConflictKind
    compatible: bool
    reason: str


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One article's wording of a statement. `origin_wording` is set when the article
    derives from another that quotes the same statement in different words."""

    article: str
    text: str
    span: Span
    origin_wording: str | None = None


@dataclass(frozen=True, slots=True)
class StatementClaim:
    """One statement by one speaker, however each outlet or translation worded it."""

    speaker: str | None
    variants: tuple[QuoteVariant, ...]
    articles: int
    independent_origins: int


@dataclass(frozen=True, slots=True)
class EventClaim:
    """A dated event as the story's articles place it: the day and the words that say so."""

    date: str
    granularity: Granularity
    support: tuple[Span, ...]
    articles: int
    independent_origins: int


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """A sentence of the brief, the articles it comes from (the first is where `span` lies)
    and what a reader should know about it: single-origin, unverified, disputed."""

    text: str
    citations: tuple[str, ...]
    span: Span | None = None
    marks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CategoryEstimate:
    status: Status
    category: str
    estimate: Estimate


@dataclass(frozen=True, slots=True)
class TotalCheck:
    """A report that gives a total and its parts: do the parts add up?"""

    article: str
    status: Status
    total: int
    parts: dict[str, int]
    consistent: bool


@dataclass(frozen=True, slots=True)
class Incident:
    """The incident record, UCDP/ACLED-like: when, where, what kind of event, who, how many."""

    date: str | None = None
    places: tuple[dict, ...] = ()
    killed: Estimate = field(default_factory=Estimate)
    injured: Estimate = field(default_factory=Estimate)
    date_start: str | None = None
    date_end: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    by_category: tuple[CategoryEstimate, ...] = ()
    totals: tuple[TotalCheck, ...] = ()
    outlets: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or organisation named in a story, its spellings merged across articles."""

    name: str
    kind: EntityKind
    variants: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """The reconciled record of one story: what the user came for."""

    id: str
    title: str | None
    articles: tuple[str, ...]
    independent_origins: int
    incident: Incident
    figures: tuple[FigureClaim, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    quotes: tuple[StatementClaim, ...] = ()
    unsupported: tuple[dict, ...] = ()
    actors: tuple[Actor, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    events: tuple[EventClaim, ...] = ()
    altered: tuple[dict, ...] = ()
