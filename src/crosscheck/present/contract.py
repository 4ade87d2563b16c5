"""The stories.json contract: built from records, documented by schemas/stories.schema.json.

Field names here are a promise to users' scripts: add fields, never rename or drop them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources

from crosscheck.records import (
    Analysis,
    Article,
    FigureClaim,
    Incident,
    Linkage,
    Place,
    Span,
    StatementClaim,
    StoryRecord,
)

SCHEMA_VERSION = "1.13"


def build_contract(
    articles: Iterable[Article],
    linkage: Linkage,
    stories: Iterable[StoryRecord],
    analyses: Mapping[str, Analysis] | None = None,
) -> dict:
    story_of = linkage.story_of()
    sources = linkage.sources_of()
    analyses = analyses or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": [_article(a, story_of, sources, linkage, analyses.get(a.id)) for a in articles],
        "stories": [story_contract(s, linkage) for s in stories],
    }


def story_document(
    story: StoryRecord,
    articles: Iterable[Article],
    linkage: Linkage,
    analyses: Mapping[str, Analysis] | None = None,
) -> dict:
    """One story in the shape of stories.json (validates against the same schema): the
    story and its articles only."""
    members = set(story.articles)
    return build_contract([a for a in articles if a.id in members], linkage, [story], analyses)


def load_schema(name: str = "stories") -> dict:
    """A JSON Schema of an output: "stories" (stories.json) or "places" (places.geojson)."""
    return json.loads(
        (resources.files("crosscheck") / "schemas" / f"{name}.schema.json").read_text()
    )


def _article(
    article: Article,
    story_of: dict[str, str],
    sources: dict[str, tuple[str, ...]],
    linkage: Linkage,
    analysis: Analysis | None,
) -> dict:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "story": story_of.get(article.id),
        "origin": linkage.origin_of.get(article.id, article.id),
        "derived_from": list(sources.get(article.id, ())),
        "extracted": _extracted(analysis) if analysis else None,
    }


def _place(p: Place) -> dict:
    return {
        "name": p.name,
        "lat": p.lat,
        "lon": p.lon,
        "admin1": p.admin1,
        "country": p.country,
        "precision": p.precision,
        "in_title": p.in_title,
        "span": _span(p.span),
    }


def _extracted(analysis: Analysis) -> dict:
    """What the analyze stage found in one article, every item with its evidence span."""
    return {
        "outlet": analysis.outlet,
        "event_date": analysis.event_date,
        "event_date_guessed": analysis.event_date_guessed,
        "unverified": [_span(s) for s in analysis.unverified],
        "event_type": analysis.event_type,
        "sub_event_type": analysis.sub_event_type,
        "figures": [
            {
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "qualifier": f.qualifier,
                "status": f.status,
                "category": f.category,
                "group": f.group,
                "part_of_total": f.part_of_total,
                "attributed_to": f.attributed_to,
                "vague": f.vague,
                "span": _span(f.span),
            }
            for f in analysis.figures
        ],
        "dates": [
            {"resolved": d.resolved, "granularity": d.granularity, "span": _span(d.span)}
            for d in analysis.dates
        ],
        "places": [_place(p) for p in analysis.places],
        "filed_from": _place(analysis.filed_from) if analysis.filed_from else None,
        "entities": [
            {"name": e.name, "kind": e.kind, "span": _span(e.span)} for e in analysis.entities
        ],
        "quotes": [
            {
                "kind": q.kind,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_from": q.speaker_from,
                "span": _span(q.span),
            }
            for q in analysis.quotes
        ],
    }


def story_contract(story: StoryRecord, linkage: Linkage) -> dict:
    """One story as stories.json holds it (schema: $defs/story)."""
    incident = story.incident
    members = set(story.articles)
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "independent_origins": story.independent_origins,
        "incident": _incident(incident),
        "figures": [_figure(f) for f in story.figures],
        "conflicts": [
            {
                "figures": [c.earlier, c.later],
                "kind": c.kind,
                "compatible": c.compatible,
                "reason": c.reason,
            }
            for c in story.conflicts
        ],
        "quotes": [_statement(q) for q in story.quotes],
        "events": [
            {
                "date": e.date,
                "granularity": e.granularity,
                "support": [_span(s) for s in e.support],
                "articles": e.articles,
                "independent_origins": e.independent_origins,
            }
            for e in story.events
        ],
        "unsupported": [dict(u) for u in story.unsupported],
        "altered": [dict(a) for a in story.altered],
        "derivations": [
            {
                "article": d.article,
                "source": d.source,
                "kind": d.kind,
                "score": d.score,
                "direction": d.direction,
            }
            for d in linkage.derivations
            if d.article in members
        ],
        "brief": [
            {
                "text": b.text,
                "citations": list(b.citations),
                "span": _span(b.span) if b.span else None,
                "marks": list(b.marks),
            }
            for b in story.brief
        ],
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "variants": list(a.variants),
                "articles": list(a.articles),
            }
            for a in story.actors
        ],
    }


def _incident(incident: Incident) -> dict:
    return {
        "date": incident.date,
        "date_start": incident.date_start,
        "date_end": incident.date_end,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "places": [dict(p) for p in incident.places],
        "killed": asdict(incident.killed),
        "injured": asdict(incident.injured),
        "by_category": [
            {"status": c.status, "category": c.category, **asdict(c.estimate)}
            for c in incident.by_category
        ],
        "totals": [
            {
                "article": t.article,
                "status": t.status,
                "total": t.total,
                "parts": dict(t.parts),
                "sum": sum(t.parts.values()),
                "consistent": t.consistent,
            }
            for t in incident.totals
        ],
        "outlets": list(incident.outlets),
        "origins": list(incident.origins),
    }


def _statement(claim: StatementClaim) -> dict:
    return {
        "speaker": claim.speaker,
        "articles": claim.articles,
        "independent_origins": claim.independent_origins,
        "variants": [
            {
                "article": v.article,
                "text": v.text,
                "start": v.span.start,
                "end": v.span.end,
                "origin_wording": v.origin_wording,
            }
            for v in claim.variants
        ],
    }


def _figure(claim: FigureClaim) -> dict:
    return {
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "status": claim.status,
        "category": claim.category,
        "attributed_to": claim.attributed_to,
        "support": [_span(s) for s in claim.support],
        "independent_origins": claim.independent_origins,
        "conflicts": list(claim.conflicts),
        "articles": claim.articles,
        "unverified_by": list(claim.unverified_by),
        "first_reported": claim.first_reported,
        "part_of_total": claim.part_of_total,
        "vague": claim.vague,
    }


def _span(span: Span) -> dict:
    found = {"article": span.article, "text": span.text, "start": span.start, "end": span.end}
    if span.in_title:
        found["in_title"] = True  # (1.5) offsets into the article's title, not its text
    return found
