"""Incremental linking: articles added to a linked store join their stories, derivations and
rewrites are found for them, and the result matches a full relink of the pool."""

from __future__ import annotations

import pytest
from market import market_articles
from roundup import roundup_articles

from crosscheck import pipeline
from crosscheck.analyze import ANALYZER_VERSION, analyze_many
from crosscheck.link import link
from crosscheck.store import SQLiteStore


@pytest.fixture(scope="module")
def analysed():
    articles = {a.id: a for a in market_articles()}
    return articles, {a.article: a for a in analyze_many(list(articles.values()))}


def _add(store, analysed, ids):
    articles, analyses = analysed
    store.add_articles([articles[i] for i in ids])
    store.put_analyses(ANALYZER_VERSION, [analyses[i] for i in ids])


def _stories(store):
    return sorted(sorted(m) for m in store.linkage().stories.values())


@pytest.fixture(scope="module")
def grown(tmp_path_factory, analysed):
    """A store linked with three reports, then given the two copies and the rewrite."""
    with SQLiteStore(tmp_path_factory.mktemp("inc") / "s.sqlite") as store:
        _add(store, analysed, ["wire", "own", "later"])
        first = pipeline.link_all(store)
        pipeline.reconcile_all(store, linked=first)
        before = {s.id: s for s in store.stories()}
        _add(store, analysed, ["daily", "courier", "spun"])
        second = pipeline.link_all(store)
        reconciled = pipeline.reconcile_all(store, linked=second)
        yield store, first, second, before, reconciled


def test_the_first_link_of_a_store_is_a_full_one(grown):
    _, first, _, before, _ = grown
    assert first.changed is None
    assert first.stories == len(before) >= 2


def test_new_articles_join_the_story_of_their_event_and_not_the_look_alike(grown, analysed):
    store, _, second, _, _ = grown
    stories = _stories(store)
    wire = next(m for m in stories if "wire" in m)
    assert {"courier", "daily", "spun", "wire"} <= set(wire) and "later" not in wire
    # The same stories as linking the whole pool at once.
    articles, analyses = analysed
    full = link(list(articles.values()), analyses)
    assert stories == sorted(sorted(m) for m in full.stories.values())
    assert second.stories == len(stories)
    (changed,) = second.changed
    assert set(store.linkage().stories[changed]) == set(wire)


def test_only_the_changed_story_is_reconciled_again(grown):
    store, _, second, before, reconciled = grown
    later = next(s for s, record in before.items() if record.articles == ("later",))
    assert later not in second.changed and reconciled == 1
    after = {s.id: s for s in store.stories()}
    assert after[later] == before[later]  # kept as stored
    (changed,) = second.changed
    assert {"courier", "daily", "spun", "wire"} <= set(after[changed].articles)
    # The stories the added articles merged away are gone from the stored records.
    assert len(after) == second.stories == len(before)


def test_derivations_rewrites_and_origins_of_the_added_articles(grown):
    store, *_ = grown
    linkage = store.linkage()
    edges = {(d.article, d.source): d.kind for d in linkage.derivations}
    assert edges[("daily", "wire")] == "verbatim"
    assert edges[("spun", "wire")] == "paraphrase"
    assert {linkage.origin_of[a] for a in ("daily", "courier", "spun")} == {"wire"}
    assert [u.origin for u in linkage.unsupported if u.article == "spun"] == ["wire"]


def test_incremental_and_full_links_agree(grown, tmp_path, analysed):
    store, *_ = grown
    with SQLiteStore(tmp_path / "full.sqlite") as full:
        _add(full, analysed, list(analysed[0]))
        assert pipeline.link_all(full).changed is None
        assert _stories(full) == _stories(store)
        assert full.linkage().derivations == store.linkage().derivations
        assert full.linkage().origin_of == store.linkage().origin_of


def test_nothing_new_changes_nothing_and_a_new_analyzer_or_profile_relinks_all(tmp_path, analysed):
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        _add(store, analysed, ["wire", "daily", "later"])
        pipeline.link_all(store, rewrites=False)
        again = pipeline.link_all(store, rewrites=False)
        assert again.changed == frozenset() and again.stories == 2
        for stale in ("an older analyzer", f"{ANALYZER_VERSION}/profile-0"):
            store.reset_index(stale)
            assert pipeline.link_all(store, rewrites=False).changed is None
            assert store.index_size() == 3
            assert pipeline.link_all(store, rewrites=False).changed == frozenset()


def test_articles_stored_while_linking_wait_for_their_analysis(tmp_path, analysed):
    """A server stores articles while its processor links: one without an analysis yet
    would be linked on wording alone, with no place, day or toll to keep it apart."""
    articles, analyses = analysed
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        _add(store, analysed, ["wire", "later"])
        store.add_articles([articles["daily"]])  # stored, not yet analysed
        first = pipeline.link_all(store, rewrites=False)
        assert first.stories == 2 and "daily" not in store.linkage().story_of()
        assert store.unindexed() == ["daily"]
        _add(store, analysed, ["own"])
        second = pipeline.link_all(store, rewrites=False)  # incremental: daily still waits
        assert "daily" not in store.linkage().story_of()
        assert "own" in store.linkage().story_of() and second.changed is not None
        store.put_analyses(ANALYZER_VERSION, [analyses["daily"]])
        pipeline.link_all(store, rewrites=False)
        story_of = store.linkage().story_of()
        assert story_of["daily"] == story_of["wire"] != story_of["later"]


@pytest.mark.xfail(
    strict=True,
    reason="issue 27: the story model (stories-1 and stories-2) joins two shootings of one city and night directly: few labelled pairs of this kind survive the look-alike rules",
)
def test_a_roundup_added_later_joins_one_story_and_an_incident_added_later_not_through_it(
    tmp_path,
):
    articles = {a.id: a for a in [*market_articles(), *roundup_articles()]}
    analysed = articles, {a.article: a for a in analyze_many(list(articles.values()))}
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        _add(store, analysed, ["wire", "later", "englewood"])
        pipeline.link_all(store, rewrites=False)
        _add(store, analysed, ["roundup"])
        assert pipeline.link_all(store, rewrites=False).changed is not None
        assert ["englewood", "roundup"] in _stories(store)  # its only match so far
        # A report of the other shooting it tells of joins nothing through the roundup,
        # which is settled in its story.
        _add(store, analysed, ["austin"])
        assert pipeline.link_all(store, rewrites=False).changed is not None
        assert ["austin"] in _stories(store) and ["englewood", "roundup"] in _stories(store)
