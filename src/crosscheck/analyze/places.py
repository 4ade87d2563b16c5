"""Places: the GPE/LOC/FAC entities of the spaCy pipeline (whose place ruler has already fed
it the gazetteer) and the dateline, geocoded offline and disambiguated by the article's
other places.

Among towns of one name, the one in a US state or country the article names wins, else the
curated entry, else the most populous. US states are region-level places, countries are
country-level ones, "X province" is region-level and "X County" district-level.
"""

from __future__ import annotations

import itertools
import re
import string
from collections import Counter
from collections.abc import Iterable, KeysView, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from crosscheck.analyze.dates import MONTH_NAMES
from crosscheck.analyze.event_places import incident_places
from crosscheck.analyze.nlp import NOT_PLACES, village_context
from crosscheck.analyze.parsing import Parses
from crosscheck.gazetteer import (
    Gazetteer,
    Town,
    distance_km,
    name_key,
    same_name,
)
from crosscheck.place_rules import PlaceRules, place_rules
from crosscheck.records import Place, Precision, Span

_DATELINE = re.compile(
    r"(?P<name>[A-Z][A-Z .'-]{2,})(?:,\s*(?P<region>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?\s*[(—–-]"
)
# A wire dateline in any case, its town's country in brackets and its day before the
# agency: "Lima, 16 Jan 90 (Television Peruana) --", "El Paraiso (El Salvador), 19 Mar 89
# (Acan-EFE) --", "KABUL, Afghanistan, March 3 (Reuters) -". The day and the dash mark it
# as a dateline, so its town needs no capitals; a regular expression, as no parse reads a
# dateline.
_AGENCY_DATELINE = re.compile(
    r"\W*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}?)"
    r"(?:\s*\((?P<country>[A-Z][^()\n]{1,30})\))?"
    r"(?:,\s*(?P<region>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?"
    rf",\s*(?:\d{{1,2}}\s+{MONTH_NAMES}\.?(?:\s+\d{{2,4}})?"
    rf"|{MONTH_NAMES}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:--|[—–:-])",
    re.I,
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Street names are often town names: "the 5900 block of South Peoria", "on South Grand".
_STREET_BEFORE = re.compile(
    r"\bblocks?\s+(?:of|from)\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?$", re.I
)
_ON_BEFORE = re.compile(r"\bon\s+$", re.I)
# The cross street of one so named: "on South Grand at Montana", "on Elm Street near Marion".
_CROSS_STREET_BEFORE = re.compile(
    r"\bon\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+[A-Z][\w.]*"
    r"|[A-Z][\w.]*\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr)\.?)"
    r"\s+(?:at|and|near)\s+$"
)
# A part of a city, not a town of its own, unless a town bears it as its own name.
_CITY_PART = re.compile(r"(?:North|South|East|West)(?:east|west)?\s*(?:Side|End)", re.I)
_COMPASS = re.compile(r"^(?:(?:North|South|East|West)(?:east|west)?|Downtown|Central|Greater)\s+")
# A capitalised word, hyphenated or dotted inside ("Winston-Salem") or a short abbreviation
# ("St. Louis"), but never a sentence's last word: "Friday. Kettering police" is Kettering's.
_WORD = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w'’]*(?:[.-][\w'’]+)*)"
# "Hoover police", "the Los Angeles Police Department", "Lincoln County Sheriff's Office",
# "Baker PD", "Seattle Fire medics": local agencies name the town or county that the story
# happened in.
_AGENCY = re.compile(
    rf"\b(?!The\b)(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}}?)(?P<county>\s+County)?\s+"
    r"(?:[Pp]olice|PD\b|Sheriff|Sheriff['’]s\s+(?:Office|Department)|Fire\b|Coroner|EMS\b"
    r"|deputies|[Ss]heriff['’]s\s+deputies)"
)
# A headline's place: "... in Fort Myers", "Allentown Man ...", "Jefferson County Boy ...".
_NAME_WORDS = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_STATE_AGENCY = re.compile(
    r"\b(?!The\b)(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)??)\s+(?:State\s+(?:Highway\s+)?"
    r"(?:Police|Patrol|Troopers?)|Highway\s+Patrol)\b"
)
_CREDIT = re.compile(r"\s+[|–—-]\s+")
# "Memphis, Tennessee", "Shreveport, LA": a town and its state in a title's credit.
_CREDIT_TOWN = re.compile(
    r"(?<![\w'’])(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*"
    r"(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2}\b|[A-Z][a-z]{1,4}\.)"
)
_COUNTY_AFTER = re.compile(r"(?i:['’]s)?\s+(?i:county|co\.|parish)(?!\w)")
_REGION_AFTER = re.compile(r",\s*([A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)")


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The patterns built from the rules' word lists (data/places.json)."""

    # A headline's place: "... in Fort Myers", "Allentown Man ...", "Jefferson County Boy".
    headline_name: re.Pattern[str]
    # "a Pensacola teen", "A Hutchinson man": where a person is from.
    resident: re.Pattern[str]
    # "Kansas City" and "Vermont Avenue" name no state.
    not_the_state: str
    initials: re.Pattern[str] | None
    # A division's name as NER takes it, with its kind: "Morazan Department".
    kind_after: re.Pattern[str]
    # The words before "man" or in a headline that are no town: the place ruler's and the
    # rules' own.
    not_residence: frozenset[str]
    headline_words: frozenset[str]
    # After a name, the words that make it a first-level division: its kind ("Idlib
    # province") or its area ("the Idlib countryside"); and with a district's words, any
    # division below a country.
    region_words: frozenset[str]
    kind_words: frozenset[str]


def _either(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _patterns(rules: PlaceRules) -> _Patterns:
    initials = [i for i, _, _ in rules.force_initials]
    region_words = rules.division_kinds | rules.region_words
    return _Patterns(
        re.compile(
            rf"\b(?P<before>(?i:{_either(rules.scene_before)}))\s+(?P<name>{_NAME_WORDS})"
            rf"|(?P<name2>{_NAME_WORDS})\s+(?i:{_either(rules.headline_people)})\b"
        ),
        re.compile(
            rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})\s+"
            rf"(?:{_either(rules.resident_people)})\b"
        ),
        rf"(?:{_either(rules.street_words)})\b",
        re.compile(rf"\b(?:{_either(initials)})\b") if initials else None,
        re.compile(rf"\s(?:{_either(rules.division_kinds)})$", re.I),
        NOT_PLACES | rules.not_residence,
        NOT_PLACES | rules.headline_words,
        region_words,
        region_words | rules.district_words,
    )


@dataclass(frozen=True, slots=True)
class _Context:
    gazetteer: Gazetteer
    states: frozenset[str]
    countries: frozenset[str]
    # States that have a county the article names, with how many of the named counties
    # each has: "Chester, Delaware County" is the Chester of one of the six states with a
    # Delaware County; "Madison County" and "Elbert County" are both Georgia's, where 19
    # other states have only one of them.
    county_votes: Mapping[str, int]
    # Countries whose people the article names ("Peruvian police"): a town of one of them,
    # or of a country it names, is the one meant. They do not make an article foreign news
    # ("Indian River County" is in Florida), so `_us_only` reads only `countries`.
    nationalities: frozenset[str] = frozenset()
    # The country of the dateline's town outside the US ("San Salvador, 11 Nov 89 --"): a
    # name several countries' towns bear is that country's town, and one only other
    # countries' small towns bear is likely a village of it too small for the gazetteer.
    # US towns are settled by the states and counties a report names, finer than this.
    home: str | None = None
    # The word lists and thresholds of data/places.json, or a caller's own.
    rules: PlaceRules = field(default_factory=place_rules)

    @property
    def county_states(self) -> KeysView[str]:
        return self.county_votes.keys()


class FoundPlaces(NamedTuple):
    """The places of an article, and the town its dateline names where the text reports
    events in another country (`filed_from`): the wire's bureau, "Moscow (USSR), 6 Jul 89
    (Tass) -- ... in the Peruvian port of Callao", is where the report was written, not a
    place of the story, so it is not among `places`."""

    places: tuple[Place, ...]
    filed_from: Place | None = None


def find_places(
    doc: Doc,
    article: str,
    gazetteer: Gazetteer,
    title: str | None = None,
    headline: Doc | None = None,
    parses: Parses | None = None,
    rules: PlaceRules | None = None,
) -> FoundPlaces:
    """Places of the article's text, then of its headline (`headline`, the title without
    the outlet's credit). A state the title names, or the one a local outlet's credit
    carries ("... - WAFB 9 News Baton Rouge, Louisiana"), settles which of several towns of
    one name the text means; the credit itself is never a place of the story. `rules` are
    the word lists and thresholds of data/places.json unless a caller gives others."""
    rules = rules or place_rules()
    text = doc.text
    title = title or ""
    counties = gazetteer.counties_in(text)
    modifiers = _country_modifiers(doc, gazetteer, rules)
    context = _Context(
        gazetteer,
        frozenset(
            [gazetteer.states[s] for s in _mentioned(f"{text}\n{title}", gazetteer.states, rules)]
            # A county only one state has ("Starr County") names that state.
            + [states[0] for states in counties if len(states) == 1]
            + _postal_in_credit(title, gazetteer)
        ),
        frozenset(
            gazetteer.countries[c] for c in _mentioned(text, gazetteer.countries, rules, modifiers)
        ),
        Counter(state for states in set(counties) for state in states),
        frozenset(gazetteer.demonyms[d] for d in _mentioned(text, gazetteer.demonyms, rules)),
        rules=rules,
    )
    found: list[Place] = []
    # The dateline's own words are read once, as the dateline; where its town is unknown,
    # NER still reads its state: "WEST PRICE HILL, Ohio (WKRC)".
    read = range(0)
    dateline = _dateline(text, rules.dateline_lines)
    placed = _dateline_place(dateline, article, context) if dateline else None
    if placed:
        found.append(placed)
        if placed.country != "US":
            context = replace(context, home=placed.country)
    if dateline and (placed or dateline.groupdict().get("country")):
        read = range(dateline.start(), dateline.end())
    surnames = _surnames(doc)
    found.extend(
        place
        for ent in doc.ents
        if ent.label_ in _PLACE_LABELS
        and ent.start_char not in read
        and ent.start_char not in modifiers
        and (place := _resolve(ent, article, context, text, surnames))
    )
    found.extend(
        place
        for ent in doc.ents
        if ent.label_ == "ORG" and (place := _division_named(ent, article, context))
    )
    found.extend(_agencies(text, article, context))
    found.extend(_residents(text, article, context, surnames))
    if headline is not None:
        found.extend(
            replace(p, span=replace(p.span, in_title=True))
            for p in _headline_places(headline, article, context)
        )
    unique = {(p.in_title, p.span.start, p.span.end): p for p in _nearest(found, context)}
    places = tuple(sorted(unique.values(), key=lambda p: (not p.in_title, p.span.start)))
    if placed and (filed := _filed_abroad(places, placed.span.start, doc, parses, rules)):
        return FoundPlaces(tuple(p for p in places if p is not filed), filed)
    return FoundPlaces(places)


def _filed_abroad(
    places: tuple[Place, ...], start: int, doc: Doc, parses: Parses | None, rules: PlaceRules
) -> Place | None:
    """The dateline's place (at `start`), where the incident is in another country; or,
    where the parse ties no place to the incident, where the rest of the article names
    another country's places as scenes ("in Callao") more often than its own. Peoples
    named do not count ("a Mexican newsman" in San Salvador is news from El Salvador), nor
    do countries named as parties ("extradited to the United States", "Nicaragua denied")."""
    dateline = next((p for p in places if not p.in_title and p.span.start == start), None)
    if dateline is None:
        return None
    others = [p for p in places if p is not dateline]
    if parses is not None and (incident := incident_places(parses, others)):
        return dateline if dateline.country not in {p.country for p in incident} else None
    votes = Counter(p.country for p in others if p.country and _scene(doc, p, rules))
    if votes and votes[dateline.country or ""] < max(votes.values()):
        return dateline
    return None


def _scene(doc: Doc, place: Place, rules: PlaceRules) -> bool:
    """Is the place named as where something is ("in Callao", "at the port of Callao",
    "near Tegucigalpa"), not as a party or a people's land?"""
    name = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if name is None or place.in_title:
        return False
    return village_context(doc, name.start, name.end, rules) or (
        name.start > 0 and doc[name.start - 1].lower_ in rules.scene_before
    )


def _country_modifiers(doc: Doc, gazetteer: Gazetteer, rules: PlaceRules) -> frozenset[int]:
    """Where a country's name modifies the noun after it ("U.S. Embassy facilities", "the
    Syria Kurds"), not after a preposition: it says whose, not where, so it is no place of
    the story and does not make a town of that country the one meant."""
    return frozenset(
        ent.start_char
        for ent in doc.ents
        if ent.label_ in _PLACE_LABELS
        and ent.text in gazetteer.countries
        and ent.end < len(doc)
        and doc[ent.end].pos_ in ("NOUN", "PROPN")
        and doc[ent.end].lower_ not in _patterns(rules).kind_words
        and (ent.start == 0 or doc[ent.start - 1].pos_ != "ADP")
    )


def _surnames(doc: Doc) -> frozenset[str]:
    """The last names of the people the article names in full ("Darnell Cook")."""
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)


def _dateline_place(dateline: re.Match, article: str, context: _Context) -> Place | None:
    name = dateline.group("name").strip()
    span = Span(article, dateline.start(), dateline.start() + len(name), name)
    region = dateline.group("region")
    county = _county_name(name)
    if county in context.gazetteer.counties:  # "PRINCE GEORGE'S CO., MD. (WUSA9) -"
        return _county(span, county, region, context)
    if written := dateline.groupdict().get("country"):
        # "El Paraiso (El Salvador)": the town of that name in that country, or none.
        # A town too small for the gazetteer still tells the country.
        written = written.strip()
        code = context.gazetteer.countries.get(written)
        town = next((t for t in context.gazetteer.namesakes(name) if t.country == code), None)
        if town or code is None:
            return _place(span, town, "town") if town else None
        start = dateline.start("country") + dateline.group("country").index(written)
        where = Span(article, start, start + len(written), written)
        return Place(where, written, None, None, None, code, "country")
    town = _or_village(_town(name.title(), region, context), name.title(), region, context)
    if town is None and dateline.re is _AGENCY_DATELINE:
        # A wire's dateline names a city its readers know by that name alone: "Bogota, 10
        # Sep 89 (DPA) --" is Bogotá, where a report naming Washington and no other country
        # would read a lone "Bogota" as no town at all.
        town = next((t for t in context.gazetteer.namesakes(name) if same_name(t.name, name)), None)
    return _place(span, town, "town") if town else None


# A page's date stamp opening the text, in digits: "26.11.2014 ", "2016-05-14 ".
_STAMP_OPENING = re.compile(
    r"\W*(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\s+(?=\S)"
)
# After a dateline's name (and region), up to the story's first word: the agency in
# brackets and the dash ("NEW ORLEANS (AP) — ", "KABUL, Afghanistan (Reuters) - ").
_DATELINE_TAIL = re.compile(r"(?:\([^()\n]{1,40}\))?\s*(?:--|[—–-])\s*")


def story_start(text: str) -> int:
    """Where the story's own words start (0 where they open the text): after an opening
    wire dateline ("Bogota, 6 Sep 89 (EFE) --"), or a page's date stamp ("26.11.2014 Some
    50 civilians ..."). A parse of the first sentence starts there, since parsed with it a
    dateline takes the place of the sentence's subject, and a stamp's day its count."""
    if stamp := _STAMP_OPENING.match(text):
        return stamp.end()
    if agency := _AGENCY_DATELINE.match(text):
        return len(text) - len(text[agency.end() :].lstrip())
    if (dateline := _DATELINE.match(text)) and (
        tail := _DATELINE_TAIL.match(text, dateline.end() - 1)
    ):
        return tail.end()
    return 0


def _dateline(text: str, lines: int) -> re.Match | None:
    """The dateline opening the text, or one with its state opening one of its first lines,
    after a page's time stamp or byline ("Posted Wednesday, February 22, 2017 11:18 am" and
    then "FORSYTH COUNTY, Ga. — ...")."""
    if dateline := _AGENCY_DATELINE.match(text) or _DATELINE.match(text):
        return dateline
    for line in itertools.islice(re.finditer(r"\n\s*(?=\S)", text), lines):
        dateline = _DATELINE.match(text, line.end())
        if dateline and dateline.group("region"):
            return dateline
    return None


def _nearest(found: list[Place], context: _Context) -> list[Place]:
    """Each US town of a name several states share, read as the namesake next to a town the
    article names that has no namesake in another state, unless the article names the
    state the town was placed in: Columbus beside Phenix City, Alabama is Georgia's, not
    Ohio's larger one, and Hollywood beside Dania Beach is Florida's."""
    namesakes = [
        [t for t in context.gazetteer.namesakes(p.span.text) if t.country == "US"]
        if p.precision == "town" and p.country == "US"
        else []
        for p in found
    ]
    states = [{t.admin1 for t in towns} for towns in namesakes]
    anchors = [
        (p.lat, p.lon)
        for p, among in zip(found, states, strict=True)
        if len(among) == 1 and p.lat is not None and p.lon is not None
    ]
    if not anchors:
        return found
    return [
        _near_anchor(p, towns, anchors, context.rules)
        if len(among) > 1 and p.admin1 not in context.states
        else p
        for p, towns, among in zip(found, namesakes, states, strict=True)
    ]


def _near_anchor(
    place: Place, towns: list[Town], anchors: list[tuple[float, float]], rules: PlaceRules
) -> Place:
    """`place`, or its namesake among `towns` nearest to an anchor, if near enough."""

    def away(town: Town) -> float:
        return min(distance_km((town.lat, town.lon), anchor) for anchor in anchors)

    near = min(towns, key=away)
    placed = max((t.population for t in towns if t.admin1 == place.admin1), default=0)
    if (
        near.admin1 == place.admin1
        or away(near) > rules.near_km
        # A small namesake near a village does not unseat a city: "Atlanta" stays Georgia's.
        or near.population * rules.near_population_ratio < placed
    ):
        return place
    return _place(place.span, near, place.precision)


def headline_of(title: str | None) -> str:
    """The headline part of a page title: "Man shot in Duluth - WSB-TV Atlanta" -> "Man shot
    in Duluth"."""
    # A prefix of the title, so that spans into it are spans into the title.
    return _CREDIT.split(title or "", maxsplit=1)[0].rstrip()


def _headline_places(headline: Doc, article: str, context: _Context) -> list[Place]:
    """Headlines are in title case or drop their articles ("Allentown Man Shoots Self",
    "Shooting Reported In Fort Myers"), where NER and the place ruler find little: a
    capitalised name after "in/near/at" or before "man", "teen", "police"... is also tried,
    longest first."""
    text, rules = headline.text, context.rules
    patterns = _patterns(rules)
    found = [
        place
        for ent in headline.ents
        if ent.label_ in _PLACE_LABELS and (place := _resolve(ent, article, context, text))
    ]
    found.extend(_agencies(text, article, context))
    for match in patterns.headline_name.finditer(text):
        group = "name" if match.group("before") else "name2"
        words = match.group(group).split()
        # Title case runs a name into what comes before it: "Injured In Zanesville Bar".
        cut = [i for i, w in enumerate(words) if w.lower() in rules.headline_prepositions]
        words = words[cut[-1] + 1 :] if cut else words
        for n in range(len(words), 0, -1):
            if n < len(words) and (
                words[n].rstrip(".") in rules.not_a_town_after
                or words[n].lower() in rules.not_a_place_after
            ):
                # "White County" named no town, nor "Cascade Mall": "White" and "Cascade"
                # are none either.
                break
            # After "in", the place opens the name. Before "man" it mostly closes it
            # ("Deadly Allentown shooting"), but may not ("Zanesville Bar shooting"): of the
            # two, the more populous town is the likelier one meant.
            names = {" ".join(words[:n])} | ({" ".join(words[-n:])} if group == "name2" else set())
            places = [
                place
                for name in names
                if not (n == 1 and name.lower() in patterns.headline_words)
                and (
                    place := _own_name_place(
                        _span_of(name, text, match, group, article),
                        context,
                        village=(match.group("before") or "").lower() in rules.village_before,
                    )
                )
            ]
            if places:
                found.append(max(places, key=lambda p: _population(p, context)))
                break
    return found


def _span_of(name: str, text: str, match: re.Match, group: str, article: str) -> Span:
    start = text.index(name, match.start(group))
    return Span(article, start, start + len(name), name)


def _population(place: Place, context: _Context) -> int:
    """The population of the town `place` resolved to (not of a namesake it is an alternate
    name of: "Bar" also names Qionghai)."""
    where = (place.name, place.admin1, place.country)
    towns = context.gazetteer.lookup(place.span.text)
    return max((t.population for t in towns if (t.name, t.admin1, t.country) == where), default=0)


def _own_name_place(span: Span, context: _Context, village: bool = False) -> Place | None:
    """The place a name read without NER names, only by a town's own name (a headline's
    "Allentown Man", a text's "a Pensacola teen"): in "Shoots Self In Leg", "Leg" is an
    alternate name of Aleg."""
    place = _named_place(span, context, village=village)
    own = {span.text.lower(), _COMPASS.sub("", span.text).lower()}
    return place if place is not None and place.name.lower() in own else None


def _agencies(text: str, article: str, context: _Context) -> list[Place]:
    places = _state_agencies(text, article, context) + _forces_by_initials(text, article, context)
    for match in _AGENCY.finditer(text):
        name = match.group("name")
        if name in context.gazetteer.states:
            continue
        if match.group("county"):
            place = _agency_county(match, text, article, context)
        else:
            # "Savannah-Chatham police" is a merged force: its first name is the town.
            start = match.start("name")
            place = next(
                (
                    _place(Span(article, start, start + len(n), n), town, "town")
                    for n in dict.fromkeys((name, name.split("-")[0]))
                    if (town := _agency_town(n, context))
                ),
                None,
            )
        if place:
            places.append(place)
    return places


def _agency_county(match: re.Match, text: str, article: str, context: _Context) -> Place | None:
    """The county of "Orange County Sheriff's Office", the capitalised words before it
    dropped one by one until a county is named: "EDT The Orange County Sheriff's Office"
    (a page's time stamp run into the sentence) is Orange County's."""
    end = match.end("county")
    for at in (m.start() for m in re.finditer(r"\S+", match.group("name"))):
        start = match.start("name") + at
        name = f"{text[start : match.end('name')]} County"
        if name in context.gazetteer.counties:
            return _county(Span(article, start, end, text[start:end]), name, None, context)
    return None


def _residents(text: str, article: str, context: _Context, surnames: frozenset[str]) -> list[Place]:
    """The town a person is said to be from: "A Hutchinson teen was arrested", "a
    Pensacola teen's death". NER takes such a town for an organisation or a person, or
    misses it; only a town's own name is read, and not a surname of someone the article
    names ("the Johnson boy")."""
    places = []
    patterns = _patterns(context.rules)
    for match in patterns.resident.finditer(text):
        name = match.group("name")
        if name in surnames or name.lower() in patterns.not_residence:
            continue
        span = Span(article, match.start("name"), match.end("name"), name)
        if (place := _own_name_place(span, context)) and place.precision == "town":
            places.append(place)
    return places


def _forces_by_initials(text: str, article: str, context: _Context) -> list[Place]:
    places: list[Place] = []
    pattern = _patterns(context.rules).initials
    forces = {initials: (name, state) for initials, name, state in context.rules.force_initials}
    for match in pattern.finditer(text) if pattern else ():
        name, state = forces[match.group(0)]
        town = next((t for t in context.gazetteer.namesakes(name) if t.admin1 == state), None)
        if town:
            places.append(
                _place(Span(article, match.start(), match.end(), match.group(0)), town, "town")
            )
    return places


def _state_agencies(text: str, article: str, context: _Context) -> list[Place]:
    """The state a state force names: "Vermont State Police say it happened in Waitsfield",
    "the Florida Highway Patrol". NER takes the whole force for an organisation, so its
    state would otherwise go unread."""
    states = context.gazetteer.states
    return [
        Place(Span(article, m.start("name"), m.end("name"), m.group("name")), m.group("name"),
              None, None, states[m.group("name")], "US", "region")
        for m in _STATE_AGENCY.finditer(text)
        if m.group("name") in states and "." not in m.group("name")
    ]  # fmt: skip


def _agency_town(name: str, context: _Context) -> Town | None:
    """The US town a police force or fire service is named after: one in a state the
    article names, else the most populous. The agency settles that the name is a US town,
    so the namesake rule of `_town` does not apply."""
    towns = [t for t in context.gazetteer.namesakes(name) if t.country == "US"]
    preferred = [t for t in towns if t.admin1 in context.states]
    return next(iter(preferred or towns), None)


def _resolve(
    ent: SpacySpan,
    article: str,
    context: _Context,
    text: str,
    surnames: frozenset[str] = frozenset(),
) -> Place | None:
    """`text` is the entity's document's: spaCy builds `Doc.text` anew from its tokens on
    each access, a millisecond for a news article. `surnames` are the last names of the
    people the article names in full: such a name is the person, not a town ("Cook, Reyes
    and another friend" after "Darnell Cook" is no Cook, Minnesota), unless the words
    around say it is a place ("in Cook", "Cook, Minn.")."""
    if _street(text, ent.start_char) or (
        _COMPASS.match(ent.text) and _ON_BEFORE.search(text, 0, ent.start_char)
    ):
        return None  # "the 5900 block of South Peoria", "on South Grand": streets
    name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
    span = Span(article, ent.end_char - len(name), ent.end_char, name)
    # NER stops short of the county: "Prince George('s County)", "Caddo (Parish)".
    if after := _COUNTY_AFTER.match(text, ent.end_char):
        county = _county_name(name + after.group(0))
        if county in context.gazetteer.counties:
            written = _REGION_AFTER.match(text, after.end())
            whole = Span(article, span.start, after.end(), text[span.start : after.end()])
            return _county(whole, county, written.group(1) if written else None, context)
    following = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    region = _region_after(ent, text)
    # A postal village only where the words around say it is a place, or before its state:
    # "in Stokes", "the town of Seibert", "Seibert, Colo.".
    village = village_context(ent.doc, ent.start, ent.end, context.rules) or bool(
        _state_named(region, context.gazetteer)
    )
    place = _named_place(span, context, region, following, village)
    if place and place.precision == "town" and not village and ent.text in surnames:
        return None
    return place


def _named_place(
    span: Span,
    context: _Context,
    region: str | None = None,
    following: str = "",
    village: bool = False,
) -> Place | None:
    """The place `span` names: a US state, a country, a county or a town, the town read
    with the region written after it ("Springfield, Ohio") and the word that follows it
    ("Idlib province"); where `village` (the copy says it is a place), a postal village of
    a state the article names when no town fits."""
    name, gazetteer, rules = span.text, context.gazetteer, context.rules
    patterns = _patterns(rules)
    if following in rules.not_a_place_after:
        return None  # "Turkey hunting"
    # A state's name with a state after it is a town: "Washington, D.C.", "New York, N.Y.".
    if name in gazetteer.states and "." not in name and not _state_named(region, gazetteer):
        return Place(span, name, None, None, gazetteer.states[name], "US", "region")
    if name in gazetteer.countries:
        # "in Lebanon" in a report that names Tennessee is the town there, not the country.
        towns = [t for t in gazetteer.namesakes(name) if t.country == "US"]
        if town := next((t for t in towns if t.admin1 in context.states), None):
            return _place(span, town, "town")
        return Place(span, name, None, None, None, gazetteer.countries[name], "country")
    if name in gazetteer.counties:
        return _county(span, name, region, context)
    # A division of a country the report does not name is one only where the words around
    # say it is a place: "in Morazan Department", not "the Central Department said".
    if (
        (following in patterns.region_words or patterns.kind_after.search(name))
        and (division := _division(name, context))
        and (village or division.country in _named_countries(context))
    ):
        return _place(span, division, "region", admin1=division.admin1)
    town = _town(name, region, context)
    if town is None and not _CITY_PART.fullmatch(name):
        town = _town(_COMPASS.sub("", name), region, context)
        if town is not None and (
            (town.country != "US" and _us_only(context))
            or (context.states and town.admin1 not in context.states)
        ):
            # "the South Side" of a US city is no Side, Turkey, and "West Ashley" in a
            # report from South Carolina is Charleston's, not Ashley, Pennsylvania.
            town = None

    if village:
        town = _or_village(town, name, region, context)
    if town is None or (name.isupper() and len(name) <= 3):  # "UN", "NYC": not towns
        return None
    if following in patterns.region_words:
        return _place(span, town, "region", admin1=town.admin1 or name)
    if following in rules.district_words:
        return Place(span, name, None, None, town.admin1, town.country, "district")
    return _place(span, town, town.precision)


def _division_named(ent: SpacySpan, article: str, context: _Context) -> Place | None:
    """A division NER takes for a body ("Morazan Department"), where it is one of the
    dateline's country or of a country or people the article names: "the State
    Department" or "the Interior Department" is no division of a country the report is
    about."""
    if not _patterns(context.rules).kind_after.search(ent.text):
        return None
    division = _division(ent.text, context)
    if division is None or division.country not in _named_countries(context):
        return None
    span = Span(article, ent.start_char, ent.end_char, ent.text)
    return _place(span, division, "region", admin1=division.admin1)


def _named_countries(context: _Context) -> set[str | None]:
    """The countries the report names, whose people it names, and its dateline's."""
    return {*context.countries, *context.nationalities, context.home}


def _division(name: str, context: _Context) -> Town | None:
    """The first-level division abroad a name with its kind names ("Morazan Department",
    "Idlib province"): the dateline's country's, else that of a country or people the
    article names, else the most populous."""
    divisions = context.gazetteer.divisions_named(name)
    named = context.countries | context.nationalities
    return next(
        (d for d in divisions if d.country == context.home),
        next((d for d in divisions if d.country in named), next(iter(divisions), None)),
    )


def _county(span: Span, name: str, region: str | None, context: _Context) -> Place | None:
    states = context.gazetteer.counties.get(name, ())
    if not states:
        return None
    named = context.gazetteer.states.get(region or "")
    picks = [s for s in states if s == named] or [s for s in states if s in context.states]
    if not picks and len(states) > 1:
        # One of 30 Franklin Counties, and the article does not say which: its state is left
        # open for the outlet's coverage area to settle (reconcile).
        return Place(span, name, None, None, None, "US", "district")
    return Place(span, name, None, None, (picks or states)[0], "US", "district")


def _county_name(written: str) -> str:
    """The gazetteer's name of a county as written: "PRINCE GEORGE'S CO." or "Prince
    George’s  County" -> "Prince George's County"."""
    name = re.sub(r"\s+", " ", written).strip().replace("’", "'")
    if name.isupper():  # a dateline's capitals; otherwise keep "DeKalb", "McDowell"
        name = string.capwords(name.lower())
    name = re.sub(r"'S\b", "'s", name)
    return re.sub(
        r"(?i)\b(?:(?P<parish>parish)|co\.?|county)$",
        lambda m: "Parish" if m.group("parish") else "County",
        name,
    )


def _region_after(ent: SpacySpan, text: str) -> str | None:
    """The "Ohio" of "Springfield, Ohio" and the "Calif." of "Fresno, Calif."."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = doc[ent.end + 1]
        end = nxt.idx + len(nxt.text)
        if ent.end + 2 < len(doc) and doc[ent.end + 2].text[:1].isupper():
            end = doc[ent.end + 2].idx + len(doc[ent.end + 2].text)
        return text[nxt.idx : end]
    return None


def _town(name: str, region: str | None, context: _Context) -> Town | None:
    towns: Sequence[Town] = context.gazetteer.namesakes(name)
    if _CITY_PART.fullmatch(name):
        # "the West Side" is a part of the city the report is about; GeoNames also lists
        # it as another name of West Newton, Pennsylvania.
        towns = [t for t in towns if name_key(t.name) == name_key(name)]
    if not towns:
        return None
    if region in context.gazetteer.counties:  # "Chester, Delaware County"
        in_county = [t for t in towns if t.admin1 in context.gazetteer.counties[region]]
        return next(iter(in_county), None)
    if state := _state_named(region, context.gazetteer):
        in_region = [t for t in towns if t.admin1 == state]
        return in_region[0] if in_region else None
    for pick in (
        [t for t in towns if t.country == "US" and t.admin1 in context.states],
        _dwarfed(
            [t for t in towns if t.country == context.home],
            towns,
            context.rules.home_population_ratio,
        ),
        _dwarfed(
            [t for t in towns if t.country in context.countries | context.nationalities],
            towns,
            context.rules.named_country_population_ratio,
        ),
        # Among them, the most populous of the states with the most named counties.
        sorted(
            (t for t in towns if t.admin1 in context.county_states),
            key=lambda t: -context.county_votes[t.admin1 or ""],
        ),
    ):
        if pick:
            return pick[0]
    if _us_only(context) and (
        any(t.country == "US" for t in towns) or not same_name(towns[0].name, name)
    ):
        # The article names US states (or counties only some states have) and no other
        # country, and the name is a US town's too: one outside those states, in the US or
        # abroad, is likely another place, or a village too small for the gazetteer ("the
        # Troy area of Gilmer County" is no Troy, New York). Nor is it a foreign town known
        # by the name only as an alternate one ("in Galvez" is no Gobernador Gálvez).
        return None
    if context.home and not _known_abroad(towns[0], name, context):
        return None
    return towns[0]


def _known_abroad(town: Town, name: str, context: _Context) -> bool:
    """Is `town`, outside the dateline's country, the one a report filed there means? So
    where the report names its country or people, or where it is a city known by that very
    name: a small namesake elsewhere ("Palo Blanco" in Mexico), or a town known by the name
    only as an alternate one ("Antioquia" for Antakya), is no place of the story."""
    if town.country in context.countries | context.nationalities:
        return True
    return same_name(town.name, name) and town.population >= context.rules.known_abroad_population


def _dwarfed(picks: list[Town], towns: Sequence[Town], ratio: float) -> list[Town]:
    """`picks`, the towns of a country the article names or whose people it names, unless
    the name's own most populous town is elsewhere and many times larger: "Lima" beside "the
    U.S. embassy" is still Peru's capital, "San Salvador" beside "a Mexican newsman" El
    Salvador's."""
    first = towns[0]
    if (
        picks
        and first.country not in {t.country for t in picks}
        and same_name(first.name, picks[0].name)
        and picks[0].population * ratio < first.population
    ):
        return []
    return picks


def _or_village(town: Town | None, name: str, region: str | None, context: _Context) -> Town | None:
    """`town`, or the postal village of `name` where that is the place meant (`_better`)."""
    village = _village(name, region, context)
    return village if village is not None and _better(village, town, name, context) else town


def _better(village: Town, town: Town | None, name: str, context: _Context) -> bool:
    """Is the postal village the place meant rather than the gazetteer's town? So where
    there is no town; where the town lies outside the article's states, or is known by the
    name only as an alternate one ("in Olmstead" beside "Logan County" is the Kentucky
    village, not Olmsted Falls, Ohio); or where the village's state has more of the
    counties the article names ("near Carlton" beside Madison and Elbert counties is
    Georgia's village, not Carlton, Montana)."""
    if town is None or not same_name(town.name, name):
        return True
    if town.admin1 in context.states:
        return False
    if town.admin1 not in context.county_states:
        return True
    votes = context.county_votes
    return votes.get(village.admin1 or "", 0) > votes[town.admin1]


def _us_only(context: _Context) -> bool:
    """Does the article name US states, or counties, and no other country?"""
    return bool(context.states or context.county_states) and not context.countries - {"US"}


def _village(name: str, region: str | None, context: _Context) -> Town | None:
    """A postal village of `name` in the state written after it, else in a state the
    article names, else in one with a county of a name it names."""
    if state := _state_named(region, context.gazetteer):
        return context.gazetteer.village(name, [state])
    votes = context.county_votes
    by_votes = sorted(context.county_states - context.states, key=lambda s: (-votes[s], s))
    states = [*sorted(context.states), *by_votes]
    return context.gazetteer.village(name, states)


def _state_named(region: str | None, gazetteer: Gazetteer) -> str | None:
    """The state a region written after a town names: "Ohio", "Calif.", "WV", "N.C. (AP)"."""
    # A region may be blank ("Paris,  (AP)"): its first word is then nothing to look up.
    for candidate in (region, *region.split()[:1]) if region else ():
        if state := gazetteer.states.get(candidate) or gazetteer.postal.get(candidate):
            return state
    return None


def credit_town(title: str | None, article: str, gazetteer: Gazetteer) -> Place | None:
    """The town a local outlet's credit in the page title names with its state ("... - WMC
    Action News 5 - Memphis, Tennessee", "KTBS.com - Shreveport, LA News"): where the outlet
    is, not where the story happened. Reconcile falls back on it for a story no report
    places."""
    title = title or ""
    start = len(headline_of(title))
    for match in _CREDIT_TOWN.finditer(title, start):
        state = _state_named(match.group("region"), gazetteer)
        towns = [t for t in gazetteer.namesakes(match.group("name")) if t.admin1 == state]
        if state and towns:
            name = match.group("name")
            span = Span(article, match.start("name"), match.end("name"), name, in_title=True)
            return _place(span, towns[0], "town")
    return None


def _postal_in_credit(title: str, gazetteer: Gazetteer) -> list[str]:
    """The state of a postal code in the outlet part of a page title ("Shooting in Clay
    County - WOWK 13 Charleston, Huntington WV News"); in the headline itself "IN" or "OR"
    are words."""
    credit = title[len(headline_of(title)) :]
    return [
        gazetteer.postal[w] for w in re.findall(r"\b[A-Z]{2}\b", credit) if w in gazetteer.postal
    ]


def _place(span: Span, town: Town, precision: Precision, admin1: str | None = None) -> Place:
    return Place(
        span=span,
        name=town.name,
        lat=town.lat,
        lon=town.lon,
        admin1=admin1 or town.admin1,
        country=town.country,
        precision=precision,
    )


def _mentioned(
    text: str, names: dict[str, str], rules: PlaceRules, modifiers: frozenset[int] = frozenset()
) -> list[str]:
    # "Kansas City" and "Oklahoma City" do not name the state, nor do "Vermont Avenue" and
    # "on South Grand at Montana"; a name at one of `modifiers` only modifies a noun.
    street = _patterns(rules).not_the_state
    return [
        n
        for n in names
        if n in text
        and any(
            not _street(text, m.start()) and m.start() not in modifiers
            for m in re.finditer(rf"(?<![\w]){re.escape(n)}(?![\w])(?!\s+{street})", text)
        )
    ]


def _street(text: str, start: int) -> bool:
    """Does the name at `start` of `text` stand where a street's name does?"""
    window = max(0, start - 60)
    return bool(
        _STREET_BEFORE.search(text, window, start)
        or _CROSS_STREET_BEFORE.search(text, window, start)
    )
