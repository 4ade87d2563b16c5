"""The place an outlet's web address is named for: local papers and stations carry their town
or state in it ("delrionewsherald.com", "fox13memphis.com", "goerie.com",
"centralillinoisproud.com").

A paywalled or script-only page gives no story text to place it by; its outlet's name still
says where the paper is. The address is read whole: each label of the host is split into
words of a newspaper's or station's name ("daily", "news", "fox", "13") and one town or
state, and a label that does not split that way entirely names nothing ("sfgate",
"hutchnews": "hutch" is no town's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crosscheck.gazetteer import load_gazetteer

# Words of news outlets' names, which are never read as a town even where one bears them
# ("Enterprise, Alabama", "Globe, Arizona", "Star, Idaho").
MEDIA_WORDS = frozenset(
    """
    abc action advertiser advocate alert am banner beacon bee blade bulletin call camera cbs
    cbslocal central channel chronicle citizen click courier crime cw daily democrat
    dispatch eagle enquirer enterprise examiner express first fm fox free gazette globe go
    herald homepage independent inquirer journal king leader ledger live local matters
    metro mirror my nbc net news now observer on online paper pilot post press progress
    proud radio record register reporter republic review sentinel star statesman sun
    suntimes telegraph the times to today tribune tv union update voice weekly world
    """.split()
)
# The shortest town name read out of an address: "erie" is Erie, "ada" no one's.
_MIN_NAME = 4
# A town's name is read as the town of the most people among those bearing it, if so large:
# "onlineathens.com" is Athens, Georgia.
_MIN_POPULATION = 5_000
# The most populous of several towns of one name is the one meant when it is this many times
# larger than any other.
DOMINANT = 3
_SUFFIXES = frozenset({"com", "net", "org", "news", "tv", "us", "info", "co", "uk", "gov"})


@dataclass(frozen=True, slots=True)
class OutletPlace:
    """A town (with its point) or a US state, as an outlet's address names it."""

    name: str
    state: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0

    @property
    def precision(self) -> str:
        return "region" if self.lat is None else "town"


def named_place(outlet: str | None, states: frozenset[str] = frozenset()) -> OutletPlace | None:
    """The town or state `outlet` (a host name) is named for, if any. Of towns of one name
    in several states, the one in `states` (those the outlet's reports cover), else the most
    populous if it clearly is ("onlineathens.com" is Athens, Georgia, not Ohio's);
    "springfieldnewssun.com" alone names none."""
    if not outlet or " " in outlet:
        return None  # a credit ("Associated Press"), not an address
    labels = [x for x in outlet.lower().split(".") if x not in _SUFFIXES and x != "www"]
    found = [p for label in labels if (p := _in_label(label, states))]
    return max(found, key=lambda p: len(p.name), default=None)


def _in_label(label: str, states: frozenset[str]) -> OutletPlace | None:
    """The place a label splits into beside media words and numbers, if it splits whole."""
    places = _places()
    # best[i]: the fewest words (then the fewest places, at most one) that make up
    # label[:i], and the place among them (None where its name is ambiguous).
    best: list[tuple[int, int, OutletPlace | None] | None] = [None] * (len(label) + 1)
    best[0] = (0, 0, None)
    for end in range(1, len(label) + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            word = label[start:end]
            if word in MEDIA_WORDS or word.isdigit() or word == "-":
                step = (before[0] + 1, before[1], before[2])
            elif len(word) >= _MIN_NAME and word in places and before[1] == 0:
                step = (before[0] + 1, before[1] + 1, _one(places[word], states))
            else:
                continue
            if (current := best[end]) is None or step[:2] < current[:2]:
                best[end] = step
    whole = best[-1]
    return whole[2] if whole else None


def _one(namesakes: tuple[OutletPlace, ...], states: frozenset[str]) -> OutletPlace | None:
    """Which of the towns bearing one name the address means, if it can tell."""
    covered = [p for p in namesakes if p.state in states]
    if len(covered) == 1:
        return covered[0]
    top, *others = namesakes
    if not others or top.population >= DOMINANT * max(p.population for p in others):
        return top
    return None


@cache
def _places() -> dict[str, tuple[OutletPlace, ...]]:
    """US states and towns by their names written without spaces or punctuation: a state
    before a town of its name ("delawareonline.com" is Delaware's, not Delaware, Ohio's),
    but the capital before the state ("nbcwashington.com"). Towns of one name are listed
    most populous first."""
    gazetteer = load_gazetteer()
    places: dict[str, tuple[OutletPlace, ...]] = {}
    for key, towns in gazetteer.towns.items():
        us = tuple(
            OutletPlace(t.name, t.admin1, t.lat, t.lon, t.population)
            for t in towns
            if t.country == "US"
            and t.admin1
            and t.name.lower() == key
            and t.precision == "town"
            and t.population >= _MIN_POPULATION
        )
        if us:
            places.setdefault(_joined(key), us)
    for name, state in gazetteer.states.items():
        if name == state and state != "Washington":
            places[_joined(name)] = (OutletPlace(state, state),)
    if capital := next((t for t in gazetteer.lookup("dc") if t.country == "US"), None):
        places["washington"] = (
            OutletPlace(capital.name, capital.admin1 or "", capital.lat, capital.lon),
        )
    return places


def _joined(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())
