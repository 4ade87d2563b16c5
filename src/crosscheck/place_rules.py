"""What reading places knows, as data (data/places.json): the words around a name that
make it a place, a street, a part of a town or no place at all, the kinds of a country's
first-level divisions, and the thresholds that pick among towns of one name. The
gazetteer and analysis hold only mechanisms; a region whose divisions are called
something else, or whose reports put their places after other words, is a change to the
data file and its examples (tests/test_place_rules.py), not to code.

`place_rules()` reads the packaged file once per process. `PlaceRules` is the settings
object: a caller may build one with other values and hand it to
`analyze.places.find_places`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from crosscheck.rulefiles import rule_examples, rule_file


@dataclass(frozen=True, slots=True)
class PlaceRules:
    # After a name, the kind of a country's first-level division ("Idlib province").
    division_kinds: frozenset[str]
    # After a name, other words that make it a first-level division ("the Idlib countryside").
    region_words: frozenset[str]
    # After a name, words that make it a district ("the Douma district").
    district_words: frozenset[str]
    # After a name, words that make it no place at all ("turkey hunting").
    not_a_place_after: frozenset[str]
    # Before a name, words that make it a scene of the report ("in X", "near X").
    scene_before: frozenset[str]
    # Before a name, words that make it a village's even where the gazetteer lacks it.
    village_before: frozenset[str]
    # Before "of" before a name, the same ("the town of X", "just south of X").
    village_of: frozenset[str]
    # After a name, the same ("the X community").
    village_after: frozenset[str]
    # Words a headline runs into a name that end it ("Injured In X Bar Shooting").
    headline_prepositions: frozenset[str]
    # Title-case words that are towns somewhere but, alone in a headline, are words.
    headline_words: frozenset[str]
    # After a name in a headline, words that make it a site's or a county's ("X Mall").
    not_a_town_after: frozenset[str]
    # After a name in a headline, the people or event it is the town of ("X Man Shot").
    headline_people: tuple[str, ...]
    # After "a X" in the text, the people it is the town of ("a X teen").
    resident_people: tuple[str, ...]
    # Capitalised words before those people that are no town ("a White man").
    not_residence: frozenset[str]
    # After a state's name, words that make it a street's or a city's ("Vermont Avenue").
    street_words: tuple[str, ...]
    # Police forces known by their initials alone: (initials, town, state).
    force_initials: tuple[tuple[str, str, str], ...]
    # How far (km) a town's namesake may lie from another town of the article to be the
    # one meant, unless it is `near_population_ratio` times smaller than the first read.
    near_km: float
    near_population_ratio: float
    # A town of the dateline's country loses only to a namesake this many times its size.
    home_population_ratio: float
    # A town of a country the report names, or whose people it names, loses to the name's
    # most populous town elsewhere where that is this many times larger.
    named_country_population_ratio: float
    # In a report filed from a town abroad, a town of a third country the report does not
    # name is read only with this many people.
    known_abroad_population: int
    # A dateline may open any of the text's first lines, below a time stamp or a byline.
    dateline_lines: int


def _words(entry: Mapping[str, Any]) -> list[str]:
    return [str(w) for w in entry["words"]]


def _data() -> dict[str, Any]:
    return rule_file("places.json")


@cache
def place_rules() -> PlaceRules:
    words, limits = _data()["words"], _data()["thresholds"]

    def lower(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _words(words[key]))

    return PlaceRules(
        division_kinds=lower("division_kinds"),
        region_words=lower("region_words"),
        district_words=lower("district_words"),
        not_a_place_after=lower("not_a_place_after"),
        scene_before=lower("scene_before"),
        village_before=lower("village_before"),
        village_of=lower("village_of"),
        village_after=lower("village_after"),
        headline_prepositions=lower("headline_prepositions"),
        headline_words=lower("headline_words"),
        not_a_town_after=frozenset(_words(words["not_a_town_after"])),
        headline_people=tuple(_words(words["headline_people"])),
        resident_people=tuple(_words(words["resident_people"])),
        not_residence=lower("not_residence"),
        street_words=tuple(_words(words["street_words"])),
        force_initials=tuple(
            (str(k), str(v[0]), str(v[1])) for k, v in words["force_initials"]["forces"].items()
        ),
        near_km=float(limits["near_km"]["value"]),
        near_population_ratio=float(limits["near_population_ratio"]["value"]),
        home_population_ratio=float(limits["home_population_ratio"]["value"]),
        named_country_population_ratio=float(limits["named_country_population_ratio"]["value"]),
        known_abroad_population=int(limits["known_abroad_population"]["value"]),
        dateline_lines=int(limits["dateline_lines"]["value"]),
    )


def place_examples() -> list[dict[str, Any]]:
    """Every entry's examples, each with the entry it shows (`rule`): a text (and a
    title) with places that must be read (`places`: name, first-level division, country,
    precision), names that must not be (`absent`), and where set, the town the report was
    filed from (`filed_from`)."""
    return rule_examples(_data())
