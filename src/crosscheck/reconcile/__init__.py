"""Reconcile: from a story's articles and analyses to its record, estimates and brief."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from crosscheck.reconcile.actors import story_actors
from crosscheck.reconcile.brief import story_title, write_brief
from crosscheck.reconcile.claims import figure_claims
from crosscheck.reconcile.estimates import estimate
from crosscheck.records import Analysis, Article, Incident, Linkage, StoryRecord

__all__ = ["reconcile"]


def reconcile(
    story: str, articles: list[Article], analyses: Mapping[str, Analysis], linkage: Linkage
) -> StoryRecord:
    ids = [a.id for a in articles]
    origin_of = {a: linkage.origin_of.get(a, a) for a in ids}
    figures = [f for a in ids if a in analyses for f in analyses[a].figures]
    published = {a.id: a.published for a in articles}
    members: dict[str, list[str]] = {}
    for article in ids:
        members.setdefault(origin_of[article], []).append(article)
    origins = list(members)  # articles are in publication order, so origins are too
    claims = figure_claims(figures, origin_of)
    return StoryRecord(
        id=story,
        title=story_title(articles),
        articles=tuple(ids),
        independent_origins=len(origins),
        incident=Incident(
            date=_event_date(ids, analyses),
            places=_places(ids, analyses),
            killed=estimate("killed", figures, origin_of, published),
            injured=estimate("injured", figures, origin_of, published),
        ),
        figures=claims,
        brief=write_brief(origins, members, analyses),
        actors=story_actors(ids, analyses),
        unsupported=_unsupported(set(ids), linkage),
    )


def _unsupported(ids: set[str], linkage: Linkage) -> tuple[dict, ...]:
    return tuple(
        {
            "article": u.article,
            "origin": u.origin,
            "text": u.span.text,
            "start": u.span.start,
            "end": u.span.end,
        }
        for u in linkage.unsupported
        if u.article in ids
    )


def _event_date(ids: list[str], analyses: Mapping[str, Analysis]) -> str | None:
    dates = Counter(analyses[a].event_date for a in ids if a in analyses and analyses[a].event_date)
    return min(dates, key=lambda d: (-dates[d], d)) if dates else None


def _places(ids: list[str], analyses: Mapping[str, Analysis], limit: int = 3) -> tuple[dict, ...]:
    """The places the story's articles name most often (each article counted once per place)."""
    counts: Counter[tuple] = Counter()
    for article in ids:
        if article in analyses:
            counts.update(
                {
                    (p.name, p.lat, p.lon, p.admin1, p.country, p.precision)
                    for p in analyses[article].places
                }
            )
    keys = ("name", "lat", "lon", "admin1", "country", "precision")
    # Towns before regions: a state is only worth listing when no town in it is known.
    ranked = sorted(counts.items(), key=lambda item: (item[0][5] != "town", -item[1], item[0][0]))
    towns_in = {place[3] for place, _ in ranked if place[5] == "town"}
    kept = [p for p, _ in ranked if p[5] == "town" or p[3] not in towns_in]
    return tuple(dict(zip(keys, place, strict=True)) for place in kept[:limit])
