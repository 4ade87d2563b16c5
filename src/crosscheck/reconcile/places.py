"""The incident's places: those its reports name most, each town read as the namesake in
its outlet's coverage area where the report itself names no state, and that area's state
where no report names any place in the US or abroad; where they name a county and no town,
the county's main town, marked as inferred.

A local station's reports keep naming the states it covers: WHIO's "Springfield" is the one
in Ohio, not Missouri's larger one, and a Chicago station's "Riverdale" is the suburb, not
the town in Georgia. The coverage is read from the outlet's own analysed reports
(`OutletStates`), so it needs no list of outlets and follows the store as it grows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from crosscheck.gazetteer import Gazetteer, load_gazetteer
from crosscheck.reconcile.outlet_names import OutletPlace, named_place
from crosscheck.records import Analysis, OutletStates, Place

# An outlet covers a state when at least this share of its analysed reports that name a
# US state name it: a Kansas City station covers Missouri and Kansas, a national desk none.
COVERED_SHARE = 0.3
# Its home is the state that most of those reports, clearly, name.
HOME_SHARE = 0.6
_KEYS = ("name", "lat", "lon", "admin1", "country", "precision")


@dataclass(frozen=True, slots=True)
class Coverage:
    """The US states an outlet covers, the one it is at home in, if any, and the town or
    state its address is named for, if any."""

    states: frozenset[str]
    home: str | None
    named: OutletPlace | None = None


def coverage(tally: OutletStates) -> Coverage:
    """An outlet's coverage from its reports' states (none for an outlet with no report
    naming a state) and its address."""

    def share(n: int, least: float) -> bool:
        return n >= least * tally.articles

    states = frozenset(s for s, n in tally.states.items() if share(n, COVERED_SHARE))
    top = max(tally.states.items(), key=lambda item: (item[1], item[0]), default=None)
    home = top[0] if top and share(top[1], HOME_SHARE) else None
    return Coverage(states, home, named_place(tally.outlet, states))


def story_places(
    ids: list[str],
    analyses: Mapping[str, Analysis],
    areas: Mapping[str, Coverage] | None = None,
    limit: int = 3,
) -> tuple[dict, ...]:
    """The places the story's articles name most often (each article counted once per
    place); among places named by as many articles, the one mentioned most, then the one
    named first (a headline before the text). `areas` holds the coverage of each article's
    outlet, keyed by article id (it may hold other stories' articles too)."""
    areas = areas or {}
    gazetteer = load_gazetteer()
    places = {
        a: _settled(analyses[a].places, areas[a], gazetteer) if a in areas else analyses[a].places
        for a in ids
        if a in analyses
    }
    ranked = _ranked(places)
    if not _placed(places.values()) and (home := _home(ids, areas, analyses)):
        ranked = [*ranked[: limit - 1], home]
    else:
        ranked = _with_county_town(ranked, gazetteer)
    return tuple(ranked[:limit])


def _with_county_town(ranked: list[dict], gazetteer: Gazetteer) -> list[dict]:
    """For a story its reports place in a US county but in no town ("a hunting accident in
    White County, Tennessee"): the county's most populous town after it, marked as inferred.
    A county has no point on the map; its main town is the likeliest one, and most often
    the town a dataset files the incident under."""
    if any(p["precision"] == "town" for p in ranked):
        return ranked
    for at, county in enumerate(ranked):
        if county["precision"] != "district" or county["country"] != "US" or not county["admin1"]:
            continue
        if town := gazetteer.largest_town(county["name"], county["admin1"]):
            values = (town.name, town.lat, town.lon, town.admin1, "US", "town")
            inferred = dict(zip(_KEYS, values, strict=True))
            inferred |= {"articles": 0, "inferred_from": "county"}
            return [*ranked[: at + 1], inferred, *ranked[at + 1 :]]
    return ranked


def _home(
    ids: list[str], areas: Mapping[str, Coverage], analyses: Mapping[str, Analysis]
) -> dict | None:
    """Where the story's outlets are: the town or state most of their addresses name
    ("delrionewsherald.com"), else the town most of their title credits name ("- WMC Action
    News 5 - Memphis, Tennessee"), else the state most of their reports name."""
    named = Counter(area.named for a in ids if (area := areas.get(a)) and area.named)
    credited = Counter(
        OutletPlace(p.name, p.admin1 or "", p.lat, p.lon)
        for a in ids
        if a in analyses and (p := analyses[a].credit_place)
    )
    homes = Counter(
        OutletPlace(area.home, area.home) for a in ids if (area := areas.get(a)) and area.home
    )
    for found in (named, credited, homes):
        if found:
            return _inferred(found.most_common(1)[0][0])
    return None


def _placed(places: Iterable[tuple[Place, ...]]) -> bool:
    """Do the reports place the story: in a US state, or abroad in a country, a region or a
    town more than one report names? A foreign town or district in one local US report is
    mostly a word of the page read as a place ("Save" is Savé, Benin)."""
    abroad: Counter[tuple[str, str | None]] = Counter()
    for found in places:
        for p in found:
            if p.country == "US" and p.admin1:
                return True
            if p.country not in (None, "US") and p.precision in ("country", "region"):
                return True
        abroad.update({(p.name, p.country) for p in found if p.country not in (None, "US")})
    return any(n > 1 for n in abroad.values())


def _ranked(places: Mapping[str, tuple[Place, ...]]) -> list[dict]:
    articles: Counter[tuple] = Counter()
    mentions: Counter[tuple] = Counter()
    first: dict[tuple, tuple[bool, int]] = {}
    for found in places.values():
        named = [(p.name, p.lat, p.lon, p.admin1, p.country, p.precision) for p in found]
        mentions.update(named)
        articles.update(set(named))
        for key, place in zip(named, found, strict=True):
            at = (not place.in_title, place.span.start)
            first[key] = min(first.get(key, at), at)
    # Towns first. A state is only worth listing when no town in it is known; a county is
    # (a rural shooting is filed by its county: "Cowley County", with Wichita's hospital).
    ranked = sorted(
        articles, key=lambda p: (p[5] != "town", -articles[p], -mentions[p], first[p], p[0])
    )
    towns_in = {place[3] for place in ranked if place[5] == "town"}
    kept = [p for p in ranked if p[5] != "region" or p[3] not in towns_in]
    return [
        dict(zip(_KEYS, place, strict=True)) | {"articles": articles[place], "inferred_from": None}
        for place in kept
    ]


def _inferred(home: OutletPlace) -> dict:
    """The home of the story's outlets, for a story no report places anywhere: marked as
    inferred, for no report names it."""
    values = (home.name, home.lat, home.lon, home.state, "US", home.precision)
    return dict(zip(_KEYS, values, strict=True)) | {"articles": 0, "inferred_from": "outlet"}


def _settled(places: tuple[Place, ...], area: Coverage, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The article's towns, each outside the outlet's coverage read as its namesake inside
    it, unless the article names the state the town was placed in."""
    named = {p.admin1 for p in places if p.precision == "region"}
    return tuple(
        _namesake(p, area, gazetteer) or p
        if p.precision == "town" and p.admin1 not in area.states and p.admin1 not in named
        else _county_in(p, area, gazetteer) or p
        if p.precision == "district" and p.country == "US" and not p.admin1
        else p
        for p in places
    )


def _county_in(place: Place, area: Coverage, gazetteer: Gazetteer) -> Place | None:
    """A county several states have ("White County"), in the one state of them the outlet
    covers."""
    states = set(gazetteer.counties.get(place.name, ())) & area.states
    return replace(place, admin1=states.pop()) if len(states) == 1 else None


def _namesake(place: Place, area: Coverage, gazetteer: Gazetteer) -> Place | None:
    town = next(
        (
            t
            for t in gazetteer.namesakes(place.span.text)
            if t.country == "US" and t.admin1 in area.states
        ),
        None,
    )
    if town is None:
        return None
    return replace(place, name=town.name, lat=town.lat, lon=town.lon, admin1=town.admin1)
