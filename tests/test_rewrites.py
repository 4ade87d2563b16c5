"""Rewrites judged by the learned model: found without dates, grouped into one origin, and
the facts a rewrite changed. The market shelling of tests/market.py, composed for these
tests, with a rewrite that changes its toll and town."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import numpy as np
import pytest
from market import SPUN, WIRE
from reports import report

from crosscheck import Pipeline
from crosscheck.analyze import analyze_many
from crosscheck.link import link
from crosscheck.link.alignment import by_article, embedded, sentences_of
from crosscheck.link.embeddings import SentenceEncoder
from crosscheck.link.paraphrase import reoriented
from crosscheck.link.rewrite_model import alignment, rewrite_model, style
from crosscheck.present import load_schema
from crosscheck.records import Derivation

ALTERED = SPUN.replace("at least 14 civilians", "at least 41 civilians").replace(
    "Another 31 people", "Another 13 people"
)


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


def _link(encoder, *articles):
    articles = list(articles)
    analyses = {a.article: a for a in analyze_many(articles)}
    return link(articles, analyses, by_article(encoder.encode))


def _dated(encoder, rewrite: str):
    """The wire story and a rewrite of it published six hours later."""
    return _link(
        encoder,
        report("wire", "Shelling of Syrian market kills 14", WIRE, "2025-03-13T09:00:00Z",
               "Levant Wire"),
        report("spun", "Syrian bazaar shelling", rewrite, "2025-03-13T15:00:00Z",
               "spun.example"),
    )  # fmt: skip


def test_an_undated_rewrite_is_found_and_counts_one_origin_with_its_source(encoder):
    wire = dataclasses.replace(
        report("wire", "", WIRE, "2025-03-13T09:00:00Z", ""), published=None, title=None
    )
    spun = dataclasses.replace(report("spun", "", SPUN, "2025-03-13T15:00:00Z", ""),
                               published=None, title=None)  # fmt: skip
    linkage = _link(encoder, wire, spun)
    [edge] = linkage.derivations
    assert {edge.article, edge.source} == {"wire", "spun"}
    assert edge.kind == "paraphrase"
    # No times: whatever the direction, it was not read from dates.
    assert edge.direction in {"content", "unknown"}
    assert linkage.origin_of["wire"] == linkage.origin_of["spun"]


def test_a_dated_rewrite_points_at_the_earlier_report(encoder):
    linkage = _dated(encoder, SPUN)
    [edge] = linkage.derivations
    assert (edge.article, edge.source, edge.direction) == ("spun", "wire", "dated")


def test_a_rewrite_that_changes_the_toll_is_flagged_with_both_values(encoder):
    linkage = _dated(encoder, ALTERED)
    assert [(d.article, d.source) for d in linkage.derivations] == [("spun", "wire")]
    changed = {(a.field, a.value, a.origin_value) for a in linkage.altered}
    assert ("figure", "41", "14") in changed
    assert ("figure", "13", "31") in changed
    flagged = next(a for a in linkage.altered if a.value == "41")
    assert "41 civilians" in flagged.span.text and "14 civilians" in flagged.origin_span.text
    assert ALTERED[flagged.span.start : flagged.span.end] == flagged.span.text
    # An altered sentence is reported as altered, not again as unsupported.
    assert not {u.span for u in linkage.unsupported} & {a.span for a in linkage.altered}


def test_a_faithful_rewrite_alters_nothing(encoder):
    linkage = _dated(encoder, SPUN)
    assert linkage.altered == ()


def test_the_shipped_model_reads_exactly_the_features_alignment_gives(encoder):
    articles = [
        report("wire", "", WIRE, "2025-03-13T09:00:00Z", ""),
        report("spun", "", SPUN, "2025-03-13T15:00:00Z", ""),
    ]
    analyses = {a.article: a for a in analyze_many(articles)}
    a, b = (sentences_of(x, analyses[x.id], by_article(encoder.encode)) for x in articles)
    pair = alignment(a, b)
    model = rewrite_model()
    assert set(model.detect.features) == set(pair.detect_features())
    register = model.register
    direction = pair.direction_features(style(WIRE, a, register), style(SPUN, b, register))
    assert set(model.direction.features) == set(direction)
    # Direction is antisymmetric: swapping the two sides swaps the probabilities.
    reverse = alignment(b, a).direction_features(style(SPUN, b, register), style(WIRE, a, register))
    forward_p, reverse_p = (model.direction.probability(f) for f in (direction, reverse))
    assert np.isclose(forward_p + reverse_p, 1.0, atol=1e-9)


def test_altered_items_reach_the_contract_and_the_report(tmp_path):
    """Through the whole run: the store keeps them, stories.json carries them valid against
    its schema, and the report says what the rewrite changed."""
    folder = tmp_path / "in"
    folder.mkdir()
    rows = [
        {"id": "wire", "title": "Shelling of Syrian market kills 14", "text": WIRE,
         "published": "2025-03-13T09:00:00Z", "outlet": "Levant Wire"},
        {"id": "spun", "title": "Syrian bazaar shelling", "text": ALTERED,
         "published": "2025-03-13T15:00:00Z", "outlet": "spun.example"},
    ]  # fmt: skip
    (folder / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out"
    with Pipeline(out / "crosscheck.sqlite") as pipeline:
        pipeline.run([folder])
        pipeline.write(out)
    contract = json.loads((out / "stories.json").read_text())
    jsonschema.Draft202012Validator(load_schema()).validate(contract)
    [story] = contract["stories"]
    assert {(c["field"], c["value"], c["origin_value"]) for c in story["altered"]} >= {
        ("figure", "41", "14")
    }
    [edge] = story["derivations"]
    assert (edge["article"], edge["source"], edge["direction"]) == ("spun", "wire", "dated")
    report = (out / "report.html").read_text()
    assert "the rewrite says 41, its origin 14" in report


def test_the_apostrophe_s_shape_does_not_change_how_an_article_is_written(encoder):
    """Curly or straight, an apostrophe says which program typed the text, not whether it
    is a rewrite: the direction model must read both the same."""
    article = report("wire", "", WIRE, "2025-03-13T09:00:00Z", "")
    analysis = analyze_many([article])[0]
    sentences = sentences_of(article, analysis, by_article(encoder.encode))
    register = rewrite_model().register
    straight = WIRE + " The market's traders didn't open on Friday, a resident said."
    curly = straight.replace("'", "\u2019")
    assert style(straight, sentences, ("didn't",))["rate of didn't"] > 0
    assert style(curly, sentences, register) == style(straight, sentences, register)
    assert style(curly, sentences, ("didn't",))["rate of didn't"] > 0


_TERSE = (
    "Cops say a man got shot up outside a bar on Dale Street late Friday. "
    "He didn't make it, police said. "
    "Officers told reporters they're still looking for whoever did it. "
    "Neighbors said they'd heard about six shots and then a car took off. "
    "Anyone who saw something should call the tip line, police said."
)
_EXPANDED = (
    "Authorities have confirmed that a man got shot up outside a bar on Dale Street late "
    "Friday, in an incident that has deeply shaken the local community. "
    "Despite the efforts of emergency responders, he didn't make it, police said, and his "
    "identity has not yet been released. "
    "Officers told reporters they're still looking for whoever did it, and investigators are "
    "reviewing surveillance footage from nearby businesses. "
    "Neighbors said they'd heard about six shots and then a car took off, highlighting "
    "growing concerns about safety in the area. "
    "Anyone who saw something should call the tip line, police said, emphasizing that every "
    "detail could prove crucial to the investigation. "
    "The shooting comes amid a broader debate over public safety, with residents calling for "
    "increased patrols and community outreach."
)


def _expansion(encoder, published: tuple[str, str] = ("", "")):
    articles = [
        report("terse", "Man shot dead outside bar", _TERSE, published[0], ""),
        report("expanded", "Man fatally shot outside Dale Street bar", _EXPANDED, published[1], ""),
    ]
    analyses = analyze_many(articles)
    return embedded(zip(articles, analyses, strict=True), by_article(encoder.encode))


def test_an_undated_copy_that_expands_its_origin_is_turned_round_by_how_it_is_written(encoder):
    """Shingles call the article mostly contained in the other the copy, as outlets trim
    wire stories; an LLM expansion keeps its origin's runs and is the longer."""
    sentences = _expansion(encoder)
    by_containment = Derivation("terse", "expanded", "edited", 0.8, "content")
    (turned,) = reoriented([by_containment], sentences)
    assert (turned.article, turned.source, turned.direction) == ("expanded", "terse", "content")
    right_way = Derivation("expanded", "terse", "edited", 0.8, "content")
    assert reoriented([right_way], sentences) == (right_way,)


def test_a_copy_told_by_publication_times_keeps_its_direction(encoder):
    sentences = _expansion(encoder, ("2025-03-13T15:00:00Z", "2025-03-13T09:00:00Z"))
    dated = Derivation("terse", "expanded", "edited", 0.8, "dated")
    verbatim = Derivation("terse", "expanded", "verbatim", 0.95, "content")
    assert reoriented([dated, verbatim], sentences) == (dated, verbatim)
