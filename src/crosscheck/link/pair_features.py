"""What the story model reads of a candidate pair of articles: the evidence a journalist
weighs when deciding whether two reports tell one event.

Every feature is symmetric (the same whichever article is called a). A fact one side lacks
is unknown: it gives neither agreement nor disagreement, so each fact that can be missing is
two indicators, "agree" and "differ", both 0 when either side does not say.
"""

from __future__ import annotations

import math

from crosscheck.link.profile import Likeness, Profile

FEATURES: tuple[str, ...] = (
    "text",
    "headline",
    "bare",
    "shorter words",
    "length ratio",
    "same town",
    "towns differ",
    "same region",
    "regions differ",
    "same country",
    "countries differ",
    "days apart",
    "days known",
    "both dated",
    "day recalled",
    "published apart",
    "published known",
    "tolls shared",
    "tolls differ",
    "largest toll",
    "names shared",
    "common names shared",
    "people unmentioned",
    "people known",
    "towns unmentioned",
    "numbers unmentioned",
    "numbers known",
    "same outlet",
    "roundup",
)


def pair_features(a: Profile, b: Profile, alike: Likeness, names: frozenset[str]) -> list[float]:
    """The features of FEATURES, in order."""
    fa, fb = a.facts, b.facts
    apart = fa.days_apart(fb)
    published = abs((a.published - b.published).days) if a.published and b.published else None
    shared_people = fa.people & fb.people
    # Short reports share few words with long ones whatever they tell.
    lengths = (a.words, b.words)
    return [
        alike.text,
        alike.headline,
        float(a.bare or b.bare),
        math.log1p(min(lengths)),
        math.log1p(max(lengths)) - math.log1p(min(lengths)),
        *_overlap(fa.towns, fb.towns),
        *_overlap(fa.regions, fb.regions),
        *_overlap(fa.countries, fb.countries),
        math.log1p(apart) if apart is not None else 0.0,
        float(apart is not None),
        float(fa.dated and fb.dated),
        float(fa.recalls(fb)),
        math.log1p(published) if published is not None else 0.0,
        float(published is not None),
        float(bool(fa.tolls & fb.tolls)),
        float(fa.shooting_tolls_disagree(fb)),
        math.log1p(max(fa.shot or 0, fb.shot or 0)),
        float(bool(shared_people & names)),
        float(bool(shared_people - names)),
        *_unwritten(_last_words(fa.people), _last_words(fb.people), a, b),
        _unwritten(_last_words(fa.towns), _last_words(fb.towns), a, b)[0],
        *_unwritten(list(a.numbers), list(b.numbers), a, b),
        float(bool(a.outlet) and a.outlet == b.outlet),
        float(fa.roundup or fb.roundup),
    ]


def _unwritten(ours: list[str], theirs: list[str], a: Profile, b: Profile) -> tuple[float, float]:
    """(the larger share, over the two sides, of the words one side's people, towns or
    numbers are written with that the other's text never writes; whether both give any).
    Two look-alike events are told by who else was there: a boxer who beat another
    opponent, a quake near other towns; two shootings of one night by the victims' ages
    and the block numbers."""
    if not (ours and theirs):
        return 0.0, 0.0
    return max(_missing(ours, b), _missing(theirs, a)), 1.0


def _missing(words: list[str], other: Profile) -> float:
    return sum(1 for w in words if w not in other.terms) / len(words)


def _last_words(keys: frozenset[str]) -> list[str]:
    """A person's surname, a town's last word ("san antonio|Texas": "antonio"); "" for a
    key without words, which no text writes."""
    return [(words or [""])[-1] for words in (k.partition("|")[0].split() for k in keys)]


def _overlap(one: frozenset[str], other: frozenset[str]) -> tuple[float, float]:
    """(agree, differ): they share one; both say and share none. (0, 0) when one is silent."""
    if not (one and other):
        return 0.0, 0.0
    shared = bool(one & other)
    return float(shared), float(not shared)
