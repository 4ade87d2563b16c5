"""The learned story decision and the clustering that makes stories of it."""

from __future__ import annotations

import random

import pytest
from market import market_articles

from crosscheck.analyze import analyze_many
from crosscheck.link.clustering import cohesive_groups
from crosscheck.link.pair_features import FEATURES, _overlap, pair_features
from crosscheck.link.profile import Likeness, profiles
from crosscheck.link.stories import (
    Vocabulary,
    candidate_pairs,
    discriminating_names,
    story_probability,
)
from crosscheck.link.story_model import VERSION, story_model


@pytest.fixture(scope="module")
def market():
    articles = market_articles()
    analyses = {a.article: a for a in analyze_many(articles)}
    pool = profiles(articles, analyses)
    vocabulary = Vocabulary.of(pool)
    return pool, vocabulary, discriminating_names(pool.values())


def _alike(vocabulary: Vocabulary, a: str, b: str) -> Likeness:
    return Likeness(vocabulary.text.cosine(a, b), vocabulary.headlines.cosine(a, b))


def test_pair_features_are_the_same_whichever_report_comes_first(market):
    pool, vocabulary, names = market
    pairs = sorted(candidate_pairs(vocabulary.keys))
    assert len(pairs) >= 10
    for a, b in pairs:
        alike = _alike(vocabulary, a, b)
        one = pair_features(pool[a], pool[b], alike, names)
        assert len(one) == len(FEATURES)
        assert one == pair_features(pool[b], pool[a], alike, names), (a, b)


def test_a_fact_one_side_does_not_give_is_neither_agreement_nor_disagreement():
    assert _overlap(frozenset(), frozenset({"aleppo|SY"})) == (0.0, 0.0)
    assert _overlap(frozenset({"idlib|SY"}), frozenset({"aleppo|SY"})) == (0.0, 1.0)
    assert _overlap(frozenset({"idlib|SY", "sarmada|SY"}), frozenset({"sarmada|SY"})) == (1.0, 0.0)


def test_copies_of_one_report_are_one_event_and_the_shelling_a_week_later_is_not(market):
    pool, vocabulary, names = market
    model = story_model()

    def p(a: str, b: str) -> float:
        return story_probability(pool[a], pool[b], _alike(vocabulary, a, b), names)

    assert p("wire", "daily") >= model.threshold and p("wire", "spun") >= model.threshold
    # Dated a week apart: two incidents whatever the model would say of the wording.
    assert p("wire", "later") == 0.0


def test_the_shipped_model_was_fitted_on_these_features():
    model = story_model()
    assert model.version == VERSION  # a refit under a new version relinks stored stories
    assert model.trees.features == FEATURES
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.cohesion <= model.threshold
    assert len(model.trees.trees) >= 10


def test_a_report_like_one_member_of_a_story_but_not_the_others_does_not_chain_in():
    # a and b tell one event; c is like b only (a generic pair): single link would make one
    # story of all three.
    edges = [("a", "b", 0.95), ("b", "c", 0.7)]
    assert sorted(map(sorted, cohesive_groups("abc", [], edges, 0.5))) == [["a", "b"], ["c"]]
    # Like both of them, it joins.
    edges.append(("a", "c", 0.6))
    assert sorted(map(sorted, cohesive_groups("abc", [], edges, 0.5))) == [["a", "b", "c"]]


def test_a_copy_and_its_source_start_as_one_group_and_weigh_as_two():
    edges = [("copy", "report", 0.9)]
    groups = cohesive_groups(["source", "copy", "report"], [("copy", "source")], edges, 0.5)
    # 0.9 over the two pairs across (copy, source) x (report) is 0.45: under 0.5.
    assert sorted(map(sorted, groups)) == [["copy", "source"], ["report"]]


def test_the_groups_do_not_depend_on_the_order_pairs_come_in():
    rng = random.Random(7)
    items = [f"r{i}" for i in range(12)]
    edges = [(a, b, round(rng.random(), 2)) for a in items for b in items if a < b]
    edges = [e for e in edges if e[2] > 0.5]
    first = sorted(map(sorted, cohesive_groups(items, [], edges, 0.3)))
    for _ in range(5):
        rng.shuffle(edges)
        assert sorted(map(sorted, cohesive_groups(list(reversed(items)), [], edges, 0.3))) == first
