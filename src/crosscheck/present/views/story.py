"""Everything one story's view needs, computed from the stored records."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from crosscheck.present.views.basemap import Basemap, basemap
from crosscheck.present.views.graph import GraphView, derivation_graph
from crosscheck.present.views.place_map import MapView, place_map
from crosscheck.present.views.timeline import Entry, TimelineView, parse_when, timeline
from crosscheck.records import Analysis, Article, Derivation, Linkage, Span, StoryRecord

SNIPPET = 48


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of an article's text: a sentence (with an anchor to jump to) or the gap
    between two. `marks` are CSS classes: cited, unsupported, altered."""

    text: str
    anchor: str | None = None
    marks: str = ""


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    anchor: str
    label: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None  # only http(s): an article's own URL is untrusted input
    origin: str
    sources: tuple[tuple[str, str], ...]  # (article, kind) it derives from
    segments: tuple[Segment, ...]


class Anchors:
    """Where in the page each article and each of its sentences is."""

    def __init__(
        self, story: str, articles: Mapping[str, Article], sentences: Mapping[str, list[int]]
    ):
        self._story = story
        self._articles = articles
        self._starts = sentences

    def article(self, article: str) -> str:
        return f"{self._story}--{article}"

    def sentence(self, article: str, offset: int) -> str:
        """The anchor of the sentence holding `offset`, or of the article when unknown."""
        starts = self._starts.get(article)
        if not starts:
            return self.article(article)
        i = bisect.bisect_right(starts, offset) - 1
        return f"{self.article(article)}--{starts[max(i, 0)]}"

    def href(self, article: str, span: Span | dict | None = None) -> str:
        in_title = span.get("in_title") if isinstance(span, dict) else span and span.in_title
        if span is None or in_title:
            return "#" + self.article(article)
        start = span["start"] if isinstance(span, dict) else span.start
        return "#" + self.sentence(article, start)

    def label(self, article: str) -> str:
        found = self._articles.get(article)
        return (found.outlet if found and found.outlet else None) or article[:8]


@dataclass(frozen=True, slots=True)
class StoryView:
    record: StoryRecord
    anchors: Anchors
    articles: tuple[ArticleView, ...]
    map: MapView | None
    timeline: TimelineView | None
    graph: GraphView


def story_views(
    stories: Iterable[StoryRecord],
    articles: Mapping[str, Article],
    linkage: Linkage,
    analyses: Mapping[str, Analysis],
    base: Basemap | None = None,
) -> list[StoryView]:
    base = base or basemap()
    derived = linkage.derivations_of()
    return [story_view(s, articles, linkage, analyses, base, derived) for s in stories]


def story_view(
    story: StoryRecord,
    articles: Mapping[str, Article],
    linkage: Linkage,
    analyses: Mapping[str, Analysis],
    base: Basemap,
    derived: Mapping[str, tuple[Derivation, ...]] | None = None,
) -> StoryView:
    """`derived` is `linkage.derivations_of()`, passed in when drawing many stories."""
    derived = linkage.derivations_of() if derived is None else derived
    members = [a for a in story.articles if a in articles]
    sentences = {a: [s.start for s in analyses[a].sentences] for a in members if a in analyses}
    anchors = Anchors(story.id, articles, sentences)
    cited = _cited_offsets(story)
    changed = _changed_spans(story)
    return StoryView(
        record=story,
        anchors=anchors,
        articles=tuple(
            ArticleView(
                id=a,
                anchor=anchors.article(a),
                label=anchors.label(a),
                title=articles[a].title,
                outlet=articles[a].outlet,
                published=articles[a].published,
                url=_safe_url(articles[a].url),
                origin=linkage.origin_of.get(a, a),
                sources=tuple((d.source, d.kind) for d in derived.get(a, ())),
                segments=_segments(
                    articles[a].text,
                    analyses[a].sentences if a in analyses else (),
                    anchors,
                    a,
                    cited.get(a, set()),
                    changed.get(a, []),
                ),
            )
            for a in members
        ),
        map=place_map(story.incident.places, base),
        timeline=_timeline(story, members, articles, anchors),
        graph=derivation_graph(
            story.incident.origins,
            linkage.origin_of,
            members,
            [d for a in members for d in derived.get(a, ())],
            lambda a: (
                anchors.label(a),
                (articles[a].published or "undated")[:16].replace("T", " "),
                anchors.href(a),
            ),
        ),
    )


def _segments(
    text: str,
    sentences: Iterable[Span],
    anchors: Anchors,
    article: str,
    cited: set[int],
    changed: list[tuple[int, int, str]],
) -> tuple[Segment, ...]:
    out: list[Segment] = []
    at = 0
    for s in sorted(sentences, key=lambda s: s.start):
        if s.start < at:
            continue
        if s.start > at:
            out.append(Segment(text[at : s.start]))
        marks = []
        if any(s.start <= c < s.end for c in cited):
            marks.append("cited")
        marks += sorted({mark for a, b, mark in changed if a < s.end and b > s.start})
        out.append(
            Segment(text[s.start : s.end], anchors.sentence(article, s.start), " ".join(marks))
        )
        at = s.end
    if at < len(text):
        out.append(Segment(text[at:]))
    return tuple(out)


def _cited_offsets(story: StoryRecord) -> dict[str, set[int]]:
    """Offsets the brief, the figures and the statements point at, per article."""
    spans: list[Span] = [b.span for b in story.brief if b.span]
    spans += [sp for f in story.figures for sp in f.support]
    spans += [v.span for q in story.quotes for v in q.variants]
    found: dict[str, set[int]] = {}
    for sp in spans:
        if not sp.in_title:
            found.setdefault(sp.article, set()).add(sp.start)
    return found


def _changed_spans(story: StoryRecord) -> dict[str, list[tuple[int, int, str]]]:
    """Sentences of rewrites their origin lacks ("unsupported") or states otherwise
    ("altered"), per article, with the CSS class that marks each."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for u in story.unsupported:
        found.setdefault(u["article"], []).append((u["start"], u["end"], "unsupported"))
    for c in story.altered:
        found.setdefault(c["article"], []).append((c["start"], c["end"], "altered"))
    return found


def _timeline(
    story: StoryRecord, members: list[str], articles: Mapping[str, Article], anchors: Anchors
) -> TimelineView | None:
    events = [
        Entry(
            when,
            e.date if e.granularity == "day" else e.date[:7],
            f"{e.articles} article(s), {e.independent_origins} origin(s): "
            + (_snippet(e.support[0].text) if e.support else ""),
            anchors.href(e.support[0].article, e.support[0]) if e.support else "#",
        )
        for e in story.events
        if (when := parse_when(e.date))
    ]
    reports = [
        Entry(when, anchors.label(a), articles[a].title or a, anchors.href(a))
        for a in members
        if (when := parse_when(articles[a].published))
    ]
    return timeline(events, reports)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None
