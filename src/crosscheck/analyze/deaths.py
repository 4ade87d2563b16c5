"""Deaths told as a noun with the named victim after it: "the assassination of former
defence minister X", "the murder of Judge Y", "claimed the killing of Z". Each named person
is one dead. Read from the dependency parse, on the sentences that hold such a noun.

The nouns live in data/deaths.json with the words that make a death no death ("attempted
murder", "a murder plot"), each with examples a test runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

from spacy.tokens import Token

from crosscheck.analyze.parsing import Parses
from crosscheck.records import Figure, Span


@cache
def _lexicon() -> dict:
    return json.loads(resources.files("crosscheck").joinpath("data/deaths.json").read_text())


def death_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(the nouns of a death, the words that make one no death)."""
    lexicon = _lexicon()
    return frozenset(lexicon["nouns"]), frozenset(lexicon["not_a_death"])


def deaths_examples() -> list[dict]:
    return list(_lexicon()["examples"])


def named_deaths(
    parses: Parses,
    people: Sequence[Span],
    figures: Sequence[Figure],
    attributions: Sequence[str | None],
) -> tuple[Figure, ...]:
    """One killed per person named as the object of a death noun, where no figure of the
    article already covers that name."""
    nouns, undone = death_nouns()
    counted = [(f.span.start, f.span.end) for f in figures]
    found: list[Figure] = []
    sentences = parses.sentences
    named = [
        [
            p
            for p in people
            if s.start <= p.start < s.end and not any(a <= p.start < b for a, b in counted)
        ]
        for s in sentences
    ]
    found_parses = parses.of(
        lambda i, tokens: (
            not sentences[i].in_title and bool(named[i]) and not parses.words(i).isdisjoint(nouns)
        ),
    )
    for parse in found_parses:
        sentence, source, sub, offset = (
            sentences[parse.index],
            attributions[parse.index],
            parse.doc,
            parse.offset,
        )
        persons = named[parse.index]
        for noun in sub:
            if noun.lower_ not in nouns or noun.pos_ != "NOUN" or undone_death(noun, undone):
                continue
            for victim in of_victims(noun):
                at = offset + victim.idx
                person = next((p for p in persons if p.start <= at < p.end), None)
                if person is None:
                    continue
                persons.remove(person)
                found.append(
                    Figure(
                        article=sentence.article,
                        value=1,
                        low=1,
                        high=1,
                        status="killed",
                        span=Span(
                            sentence.article,
                            offset + noun.idx,
                            person.end,
                            sub.text[noun.idx : person.end - offset],
                        ),
                        sentence=sentence,
                        attributed_to=source,
                        group=person.text,
                        numbered=False,
                    )
                )
    return tuple(found)


def of_victims(noun: Token) -> list[Token]:
    """The heads of the noun's "of" objects and of their conjuncts ("the murders of X and
    Y"), or its possessor ("the five judges' murder")."""
    heads = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    heads = heads or [c for c in noun.children if c.dep_ == "poss"]
    return [h for head in heads for h in (head, *head.conjuncts)]


def undone_death(noun: Token, undone: frozenset[str]) -> bool:
    """ "attempted murder", "a murder attempt", "a plot for the murder of": no one died."""
    if any(c.lower_ in undone for c in noun.children):
        return True
    above = [noun.head, noun.head.head] if noun.dep_ in ("compound", "pobj") else []
    return any(t is not noun and t.lower_ in undone for t in above)
