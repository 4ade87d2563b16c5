"""Who a "he" or "she" speaker is (analyze/antecedents.py): the gender the text gives a
person, each example of data/pronouns.json, and the ranker's picks in composed reports."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.analyze.antecedents import (
    Passage,
    antecedent_model,
    candidates,
    gender_examples,
    text_gender,
)
from crosscheck.records import Article, Span


def analysed(text: str):
    return analyze(Article("t", "test", text, "h", published="2025-03-08T10:00:00Z"))


@pytest.mark.parametrize("example", gender_examples(), ids=lambda e: e["text"][:40])
def test_every_example_of_the_gender_cues(example):
    analysis = analysed(example["text"])
    passage = Passage.of(analysis.sentences, analysis.entities, analysis.quotes)
    names = {name for name, _ in passage.people}
    assert example["name"] in names
    assert text_gender(example["name"], passage) == example["gender"]


def speaker_of(text: str, opening: str) -> str | None:
    quote = next(q for q in analysed(text).quotes if q.text.startswith(opening))
    assert quote.speaker_from == "pronoun"
    return quote.speaker


def test_he_is_the_subject_who_spoke_not_a_name_in_passing():
    text = (
        "Shelling hit the market on Friday. Omar Khalil, the monitoring group's director, "
        "said fighters loyal to the regime of former president Victor Albescu had shelled "
        'the town. "We counted forty dead in the square alone," he said.'
    )
    assert speaker_of(text, "We counted") == "Omar Khalil"


def test_she_is_the_woman_the_text_named_not_the_nearer_man():
    text = (
        "Shelling hit the market on Friday. Lena Sorensen, the agency's spokeswoman, said "
        "two clinics had closed. Convoys led by Omar Khalil were turned back at the "
        'checkpoint. "The roads are too dangerous for our trucks," she said.'
    )
    assert speaker_of(text, "The roads") == "Lena Sorensen"


def test_the_shipped_model_reads_what_the_ranker_gives():
    analysis = analysed(
        "Omar Khalil, the group's director, spoke on Friday. "
        '"We counted forty dead in the square alone," he said.'
    )
    passage = Passage.of(analysis.sentences, analysis.entities, analysis.quotes)
    pronoun = next(q.speaker_span for q in analysis.quotes if q.speaker_from == "pronoun")
    assert isinstance(pronoun, Span)
    scored = candidates(pronoun, passage)
    assert set(scored) == {"Omar Khalil"}
    assert set(antecedent_model().features) == set(scored["Omar Khalil"])
