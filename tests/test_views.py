"""What the report and the app draw for the composed coast massacre: the derivation graph's
bands and arrows, the timeline, the map and the anchors citations jump to."""

from __future__ import annotations

import pytest
from coast import coast_articles

from crosscheck.analyze import analyze_many
from crosscheck.link import link
from crosscheck.link.embeddings import SentenceEncoder
from crosscheck.present.report import render_report
from crosscheck.present.views import story_views
from crosscheck.present.views.basemap import basemap
from crosscheck.present.views.place_map import place_map
from crosscheck.present.views.story import _safe_url
from crosscheck.present.views.timeline import timeline
from crosscheck.reconcile import reconcile


@pytest.fixture(scope="module")
def coast():
    encoder = SentenceEncoder()
    articles = coast_articles()
    analyses = {a.article: a for a in analyze_many(articles)}
    linkage = link(articles, analyses, lambda _id, sentences: encoder.encode(sentences))
    [(story, _members)] = linkage.stories.items()
    record = reconcile(story, articles, analyses, linkage, lambda t: encoder.encode(list(t)))
    by_id = {a.id: a for a in articles}
    [view] = story_views([record], by_id, linkage, analyses)
    return view, articles, linkage, analyses, record


def test_graph_has_one_band_per_origin_and_an_arrow_per_derivation(coast):
    view, *_ = coast
    nodes = {n.article: n for n in view.graph.nodes}
    assert set(nodes) == {"early", "wire", "copy", "spun", "local", "ministry"}
    assert {a for a, n in nodes.items() if n.origin} == {"early", "wire", "local", "ministry"}
    # Derivatives sit to the right of their origin, in its band.
    for derived in ("copy", "spun"):
        assert nodes[derived].x > nodes["wire"].x
        assert nodes[derived].y >= nodes["wire"].y
        assert nodes[derived].y < nodes["local"].y
    kinds = {(e.x2, e.kind) for e in view.graph.edges}
    assert len(view.graph.edges) == 2
    assert {k for _, k in kinds} & {"verbatim", "edited"} and "paraphrase" in {k for _, k in kinds}
    bands = sorted({n.y for a, n in nodes.items() if n.origin})
    assert len(bands) == 4


def test_timeline_places_reports_in_publication_order(coast):
    view, articles, *_ = coast
    reports = {m.label: m.x for m in view.timeline.reports}
    published = sorted((a.published, view.anchors.label(a.id)) for a in articles)
    xs = [reports[label] for _, label in published]
    assert xs == sorted(xs)
    assert view.timeline.events, "the reports date the killings"


def test_citations_point_at_the_sentence_holding_the_span(coast):
    view, _articles, *_, record = coast
    first = record.brief[0]
    anchor = view.anchors.href(first.span.article, first.span)[1:]
    segment = next(
        s
        for a in view.articles
        if a.id == first.span.article
        for s in a.segments
        if s.anchor == anchor
    )
    assert first.span.text.strip()[:40] in segment.text
    assert "cited" in segment.marks
    marked = {a.id: [s.text for s in a.segments if "unsupported" in s.marks] for a in view.articles}
    added = [u["text"].strip() for u in record.unsupported if u["article"] == "spun"]
    assert added and all(any(t in m for m in marked["spun"]) for t in added)
    assert marked["wire"] == [] and marked["local"] == []


def test_map_frames_the_places_and_draws_their_country(coast):
    view, *_ = coast
    assert view.map is not None
    assert "SYR" in view.map.countries
    x, y, w, h = map(float, view.map.view_box.split())
    for m in view.map.markers:
        assert x <= m.x <= x + w and y <= m.y <= y + h


def test_nothing_to_draw_gives_no_map_and_no_timeline():
    assert place_map([{"name": "Somewhere", "lat": None, "lon": None}], basemap()) is None
    assert timeline([], []) is None


def test_only_web_urls_become_links():
    assert _safe_url("https://example.org/a") == "https://example.org/a"
    assert _safe_url("javascript:alert(1)") is None
    assert _safe_url("data:text/html,<b>x</b>") is None


def test_report_defines_each_outline_once(coast):
    _view, articles, linkage, analyses, record = coast
    html = render_report(articles, linkage, [record, record], analyses)
    assert html.count('id="country-SYR"') == 1
    assert html.count('href="#country-SYR"') == 2
