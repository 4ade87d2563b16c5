"""Who a "he" or "she" speaker is: the person a learned ranker picks among those the article
named before the pronoun.

News copy names a speaker once and then writes "he said" for several paragraphs, while
other people are named in passing ("…the former president's regime, he said"). The nearest
name is therefore often wrong. Each person named within WINDOW characters before the pronoun
is a candidate, read by what the text shows of it: how recently and how often it was named,
whether it opened a sentence (the subject, as far as position tells), whether it spoke the
statements just before, whether it was named inside a quotation or as a possessor, and
whether the text gives it the pronoun's gender (`data/pronouns.json`). A logistic
regression fitted on polnear-dev's tuning half (`bench/train_antecedents.py`,
`data/antecedent_model.json`) scores each; the best is the speaker.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Literal, cast

from crosscheck.logistic import Logistic
from crosscheck.names import same_person
from crosscheck.records import Entity, Quote, Span

MODEL_FILE = "antecedent_model.json"
WINDOW = 1500  # characters before a pronoun a candidate's last mention may lie
# A name this close to its sentence's start is the sentence's subject: a title may come
# before it ("Interim President").
OPENING = 30
_RECENT_STATEMENTS = 3
Gender = Literal["male", "female"]
_WORD = re.compile(r"[\w'’.]+")
_APPOSITION = re.compile(r"\s*,\s*([^,.;:]{1,60})")
_PHRASE_END = re.compile(r"\s(?:of|for|at|in|with|to|on)\s")
_POSSESSIVE = re.compile(r"^['’]s?\b")


@dataclass(frozen=True, slots=True)
class GenderCues:
    pronouns: dict[str, Gender]
    titles: dict[str, Gender]
    roles: dict[str, Gender]


@cache
def gender_cues() -> GenderCues:
    data = json.loads(resources.files("crosscheck").joinpath("data/pronouns.json").read_text())

    def by_word(group: dict[str, list[str]]) -> dict[str, Gender]:
        if set(group) != {"male", "female"}:
            raise ValueError(f"data/pronouns.json: genders are male and female, not {set(group)}")
        return {word: cast(Gender, gender) for gender, words in group.items() for word in words}

    return GenderCues(by_word(data["pronouns"]), by_word(data["titles"]), by_word(data["roles"]))


def gender_examples() -> list[dict]:
    data = json.loads(resources.files("crosscheck").joinpath("data/pronouns.json").read_text())
    return list(data["examples"])


@cache
def antecedent_model() -> Logistic:
    data = json.loads((resources.files("crosscheck") / "data" / MODEL_FILE).read_text())
    return Logistic.of(data["model"])


def fullest(entity: Entity, entities: Sequence[Entity]) -> str:
    """A surname alone ("Haddad said") as the article names the person in full elsewhere,
    even where NER took the full name for something else at a sentence's start."""
    if entity.kind != "person" or len(entity.name.split()) > 1:
        return entity.name
    fuller = [
        e.name
        for e in entities
        if len(e.name.split()) in (2, 3) and same_person(entity.name, e.name)
    ]
    return max(fuller, key=len, default=entity.name)


@dataclass(frozen=True, slots=True)
class Passage:
    """What the ranker reads of one article: its sentences, people and statements."""

    sentences: tuple[Span, ...]
    people: tuple[tuple[str, Span], ...]  # each person mention, by the person's fullest name
    statements: tuple[Quote, ...]
    quoted: tuple[tuple[int, int], ...]  # the direct quotations' spans
    starts: tuple[int, ...]  # where each sentence starts, for finding one by position
    # The gender the text gives each person (`text_gender`), read once per article.
    genders: dict[str, Gender | None] = field(default_factory=dict)

    @classmethod
    def of(
        cls, sentences: Sequence[Span], entities: Sequence[Entity], statements: Sequence[Quote]
    ) -> Passage:
        people = tuple(
            (fullest(e, entities), e.span)
            for e in sorted(entities, key=lambda e: e.span.start)
            if e.kind == "person" and not e.span.in_title
        )
        quoted = tuple((q.span.start, q.span.end) for q in statements if q.kind == "direct")
        body = tuple(s for s in sentences if not s.in_title)
        passage = cls(body, people, tuple(statements), quoted, tuple(s.start for s in body))
        genders = {name: text_gender(name, passage) for name in {n for n, _ in people}}
        return replace(passage, genders=genders)

    def sentence_at(self, at: int) -> int | None:
        i = bisect_right(self.starts, at) - 1
        return i if i >= 0 and at < self.sentences[i].end else None


def candidates(pronoun: Span, passage: Passage) -> dict[str, dict[str, float]]:
    """Each person named within WINDOW before the pronoun, with what the ranker reads of
    it."""
    at = pronoun.start
    mentions: dict[str, list[Span]] = {}
    for name, span in passage.people:
        if span.end <= at and at - span.end <= WINDOW:
            mentions.setdefault(name, []).append(span)
    if not mentions:
        return {}
    by_recency = sorted(mentions, key=lambda n: -mentions[n][-1].end)
    here = passage.sentence_at(at)
    spoke = _recent_speakers(at, passage)
    gender = gender_cues().pronouns.get(pronoun.text.lower())
    out = {}
    for rank, name in enumerate(by_recency):
        spans = mentions[name]
        last = spans[-1]
        where = passage.sentence_at(last.start)
        told = passage.genders.get(name)
        out[name] = {
            "recency rank": math.log1p(rank),
            "distance": math.log1p((at - last.end) / 100),
            "sentences back": _sentences_between(where, here),
            "same sentence": float(here is not None and here == where),
            "opens sentence": float(_opens(last, passage)),
            "openings": math.log1p(sum(_opens(s, passage) for s in spans)),
            "mentions": math.log1p(len(spans)),
            "last speaker": float(bool(spoke) and spoke[0] == name),
            "recent speaker": float(name in spoke),
            "in quotation": float(any(a <= last.start < b for a, b in passage.quoted)),
            "possessive": float(_possessed(last, passage)),
            "gender agrees": float(told is not None and told == gender),
            "gender differs": float(told is not None and gender is not None and told != gender),
        }
    return out


def choose(pronoun: Span, passage: Passage, model: Logistic) -> str | None:
    """The candidate the model scores highest, or None where the text named nobody."""
    scored = candidates(pronoun, passage)
    if not scored:
        return None
    return max(scored, key=lambda name: model.probability(scored[name]))


def _sentences_between(earlier: int | None, later: int | None) -> float:
    if earlier is None or later is None:
        return 5.0
    return float(min(5, later - earlier))


def _recent_speakers(at: int, passage: Passage) -> list[str]:
    """The named speakers of the statements ending before `at`, latest first. Only speakers
    named beside their statement count, so no feature rests on the ranker's own picks."""
    before = [
        q.speaker
        for q in passage.statements
        if q.span.end <= at and q.speaker and q.speaker_from == "name"
    ]
    return before[::-1][:_RECENT_STATEMENTS]


def _opens(span: Span, passage: Passage) -> bool:
    i = passage.sentence_at(span.start)
    return i is not None and span.start - passage.sentences[i].start <= OPENING


def _possessed(span: Span, passage: Passage) -> bool:
    """Is the mention a possessor ("the senator's aide"): someone else is the subject."""
    i = passage.sentence_at(span.start)
    if i is None:
        return False
    sentence = passage.sentences[i]
    return bool(_POSSESSIVE.match(sentence.text[span.end - sentence.start :]))


def text_gender(name: str, passage: Passage) -> Gender | None:
    """The gender the article gives a person, if it gives one: titles, appositive roles and
    pronouns of the sentences it opens alone, counted; none where they tie."""
    cues = gender_cues()
    tally = {"male": 0, "female": 0}
    for who, span in passage.people:
        if who != name:
            continue
        i = passage.sentence_at(span.start)
        if i is None:
            continue
        sentence = passage.sentences[i]
        before = _WORD.findall(sentence.text[: span.start - sentence.start])
        if before and before[-1].lower() in cues.titles:
            tally[cues.titles[before[-1].lower()]] += 1
        role = _role(sentence.text[span.end - sentence.start :], cues)
        if role is not None:
            tally[role] += 1
        if _opens(span, passage) and _alone(name, i, passage):
            for gender in _pronouns(sentence.text[span.end - sentence.start :], cues):
                tally[gender] += 1
    if tally["male"] == tally["female"]:
        return None
    return "male" if tally["male"] > tally["female"] else "female"


def _role(after: str, cues: GenderCues) -> Gender | None:
    """The gender of the role an apposition gives ("Jane Roe, the agency's spokeswoman,"):
    its head word, the last before any phrase qualifying it ("spokeswoman for the
    agency")."""
    match = _APPOSITION.match(after)
    if match is None:
        return None
    head = _PHRASE_END.split(f" {match.group(1)} ")[0].split()
    return cues.roles.get(head[-1].lower()) if head else None


def _alone(name: str, index: int, passage: Passage) -> bool:
    """Is `name` the only person named in sentence `index`."""
    sentence = passage.sentences[index]
    return all(
        who == name for who, span in passage.people if sentence.start <= span.start < sentence.end
    )


def _pronouns(text: str, cues: GenderCues) -> list[Gender]:
    return [
        cues.pronouns[w] for w in (w.lower() for w in _WORD.findall(text)) if w in cues.pronouns
    ]
