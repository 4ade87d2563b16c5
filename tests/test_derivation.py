"""Derivation: wire copy reused verbatim, a paraphrased rewrite that adds an unsourced quote,
an independent report of the same event, and a look-alike event a week later."""

from __future__ import annotations

import pytest
from market import market_articles

from crosscheck.analyze import analyze_many
from crosscheck.link import link
from crosscheck.link.alignment import align, by_article
from crosscheck.link.derivation import find_derivations, fingerprints
from crosscheck.link.embeddings import SentenceEncoder


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


@pytest.fixture(scope="module")
def linkage(encoder):
    articles = market_articles()
    analyses = {a.article: a for a in analyze_many(articles)}
    return link(articles, analyses, by_article(encoder.encode))


def test_the_rewrite_shares_almost_no_five_word_run_with_its_origin():
    # Why shingles alone cannot find it.
    articles = {a.id: a for a in market_articles()}
    edges = find_derivations(fingerprints([articles["wire"], articles["spun"]]))
    assert edges == ()


def test_one_story_for_the_event_and_another_for_the_look_alike(linkage):
    story_of = linkage.story_of()
    assert {story_of[a] for a in ("wire", "daily", "courier", "spun")} == {story_of["wire"]}
    assert story_of["later"] != story_of["wire"]
    # The survivor's own account shares little wording with the wire story: whether it joins
    # is linking's business (issue 27), not derivation's.


def test_copies_and_the_rewrite_go_back_to_the_wire_story(linkage):
    edges = {(d.article, d.source): d.kind for d in linkage.derivations}
    assert edges[("daily", "wire")] == "verbatim"
    assert edges[("courier", "wire")] in {"verbatim", "edited"}
    assert edges[("spun", "wire")] == "paraphrase"
    assert not any("own" in pair for pair in edges)  # the independent report derives from none
    assert not any("later" in pair for pair in edges)
    origin = linkage.origin_of
    assert {origin[a] for a in ("wire", "daily", "courier", "spun")} == {"wire"}
    assert origin["own"] == "own"


def test_independent_origins_count_the_wire_story_once(linkage):
    story = next(m for m in linkage.stories.values() if "wire" in m)
    assert {linkage.origin_of[a] for a in story} == {"wire"} | ({"own"} & set(story))


def test_the_added_quote_is_the_rewrite_s_unsupported_sentence(linkage):
    added = [u for u in linkage.unsupported if u.article == "spun"]
    assert [u.origin for u in added] == ["wire"]
    assert "deliberate massacre" in added[0].span.text
    text = dict((a.id, a.text) for a in market_articles())["spun"]
    assert text[added[0].span.start : added[0].span.end] == added[0].span.text
    # Word-for-word copies add nothing of their own.
    assert not [u for u in linkage.unsupported if u.article in {"daily", "courier"}]


def test_alignment_keeps_the_order_of_both_articles(encoder):
    a = encoder.encode(["The bridge collapsed at noon.", "Two workers died.", "Police came."])
    b = encoder.encode(
        ["Officers arrived.", "At midday the bridge fell down.", "Two labourers were killed."]
    )
    chain = align(a @ b.T)
    assert [(i, j) for i, j in chain] == [(0, 1), (1, 2)]


def test_the_encoder_gives_unit_vectors_that_rank_meaning(encoder):
    v = encoder.encode(
        ["Fourteen civilians were killed by shelling.", "Shells killed 14 civilians.",
         "The football season starts in August."]
    )  # fmt: skip
    assert v.shape == (3, 384)
    assert abs(float(v[0] @ v[0]) - 1.0) < 1e-5
    assert v[0] @ v[1] > 0.7 > 0.2 > v[0] @ v[2]
