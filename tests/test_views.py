"""What the report and the app draw for the composed coast massacre: the derivation graph's
bands and arrows, the timeline, the map and the anchors citations jump to."""

from __future__ import annotations

import pytest
from coast import coast_story

from crosscheck.present.report import render_report
from crosscheck.present.views import story_views
from crosscheck.present.views.basemap import basemap
from crosscheck.present.views.place_map import CONTEXT_TOWNS, MIN_WIDTH, place_map
from crosscheck.present.views.story import _safe_url
from crosscheck.present.views.timeline import timeline
from crosscheck.records import Span


@pytest.fixture(scope="module")
def coast():
    articles, analyses, linkage, record = coast_story()
    [view] = story_views([record], {a.id: a for a in articles}, linkage, analyses)
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
    edges = {(e.source, e.article): e.kind for e in view.graph.edges}
    assert edges.keys() == {("wire", "copy"), ("wire", "spun")}
    assert edges["wire", "copy"] in ("verbatim", "edited")
    assert edges["wire", "spun"] == "paraphrase"
    for e in view.graph.edges:  # from the right side of its source to the left of its copy
        assert e.x1 == nodes[e.source].x + view.graph.node_width
        assert e.x2 == nodes[e.article].x
    bands = sorted({n.y for a, n in nodes.items() if n.origin})
    assert len(bands) == 4


def test_timeline_places_reports_in_publication_order(coast):
    view, articles, *_ = coast
    marks = view.timeline.reports
    assert [m.x for m in marks] == sorted(m.x for m in marks)
    # Reports published within a label's reach of each other share a mark; each is named in
    # its mark's tooltip, and the first report (two days before the next) has its own.
    first, *rest = sorted(articles, key=lambda a: a.published)
    assert marks[0].href == view.anchors.href(first.id) and len(marks) >= 2
    for article in rest:
        assert any(article.title in m.title for m in marks)
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


def test_a_story_in_one_town_is_shown_in_its_region():
    """One town alone: the map is a few degrees wide, draws the boundaries of the provinces
    around it and labels the region's largest towns, none over the story's own label."""
    town = {"name": "Saraqib", "lat": 35.86, "lon": 36.81, "precision": "town", "articles": 3}
    view = place_map([town], basemap())
    assert view is not None
    x, y, w, h = map(float, view.view_box.split())
    assert w == pytest.approx(MIN_WIDTH)
    assert view.boundaries, "first-level boundaries cross a region this size"
    names = [t.name for t in view.towns]
    assert "Aleppo" in names and "Saraqib" not in names
    assert len(names) <= CONTEXT_TOWNS
    [marker] = view.markers
    assert marker.label == "Saraqib"
    for t in view.towns:
        assert x <= t.x <= x + w and y <= t.y <= y + h


def test_boundaries_are_left_off_a_map_of_half_a_continent():
    far_apart = [
        {"name": "West", "lat": 35.0, "lon": -10.0, "precision": "town"},
        {"name": "East", "lat": 40.0, "lon": 40.0, "precision": "town"},
    ]
    view = place_map(far_apart, basemap())
    assert view is not None and view.boundaries == ()
    assert view.countries


def test_nothing_to_draw_gives_no_map_and_no_timeline():
    assert place_map([{"name": "Somewhere", "lat": None, "lon": None}], basemap()) is None
    assert timeline([], []) is None


def test_only_web_urls_become_links():
    assert _safe_url("https://example.org/a") == "https://example.org/a"
    assert _safe_url("javascript:alert(1)") is None
    assert _safe_url("data:text/html,<b>x</b>") is None


def test_a_vague_figure_is_shown_in_its_words_with_its_range(coast):
    _, articles, linkage, analyses, record = coast
    html = render_report(articles, linkage, [record], analyses)
    # The officials' "several dozen" security forces: not "24", the low end it counts as.
    assert "<td>several dozen (24–99)</td>" in html
    assert "<td>125</td>" in html


def test_report_defines_each_outline_once(coast):
    _view, articles, linkage, analyses, record = coast
    html = render_report(articles, linkage, [record, record], analyses)
    assert html.count('id="country-SYR"') == 1
    assert html.count('href="#country-SYR"') == 2
    [view] = story_views([record], {a.id: a for a in articles}, linkage, analyses)
    tile = view.map.boundaries[0]
    assert html.count(f'id="{tile}"') == 1
    assert html.count(f'href="#{tile}"') == 2


def test_a_span_of_the_headline_points_at_its_article_not_at_a_sentence(coast):
    view, *_ = coast
    article = view.articles[0].id
    title_span = Span(article, 0, 4, "Four", in_title=True)
    # Offset 0 of the title is not the text's first sentence: the link is the article's.
    assert view.anchors.href(article, title_span) == "#" + view.anchors.article(article)
    as_dict = {"article": article, "start": 0, "end": 4, "text": "Four", "in_title": True}
    assert view.anchors.href(article, as_dict) == "#" + view.anchors.article(article)
    text_span = Span(article, 0, 4, "Four")
    assert view.anchors.href(article, text_span) == "#" + view.anchors.sentence(article, 0)


def test_a_crowded_timeline_counts_nearby_reports_and_never_stacks_labels():
    """Forty reports an hour apart over two days: marks within a label's reach are one
    counted mark; labels that fit no row are blank (their tooltip names the report)."""
    from datetime import datetime, timedelta

    from crosscheck.present.views.timeline import CHAR, Entry, timeline

    start = datetime(2025, 3, 10)
    reports = [
        Entry(start + timedelta(hours=n), f"Outlet {n}", f"Report {n}", f"#r{n}") for n in range(40)
    ]
    view = timeline([], reports)
    assert len(view.reports) < 40
    assert any(m.label.endswith(" reports") for m in view.reports)
    tips = " ".join(m.title for m in view.reports)
    assert all(f"Outlet {n}: Report {n}" in tips for n in range(40))
    labelled = [m for m in view.reports if m.label]
    for a in labelled:
        for b in labelled:
            if a is not b and a.y == b.y and a.x < b.x:
                assert a.x + len(a.label) * CHAR < b.x  # same row: no overlap
