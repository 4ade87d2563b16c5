"""Reconcile: from a story's articles, analyses and linkage to its claims, conflicts,
estimates, incident record and brief."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from crosscheck.link.walls import held_no_story
from crosscheck.reconcile.actors import story_actors
from crosscheck.reconcile.brief import story_title, write_brief
from crosscheck.reconcile.estimates import by_category, estimate, total_checks
from crosscheck.reconcile.event_type import story_event_type
from crosscheck.reconcile.events import event_claims
from crosscheck.reconcile.figures import figure_claims
from crosscheck.reconcile.places import Coverage, coverage, story_places
from crosscheck.reconcile.statements import Embed, quoted, statement_claims
from crosscheck.records import Analysis, Article, Incident, Linkage, StoryRecord

__all__ = ["Coverage", "Embed", "coverage", "quoted", "reconcile"]

# Reports dating the event further than this from the story's date tell of something else
# (an earlier incident recalled, a trial date), not of a range the event spanned.
DATE_RANGE_DAYS = 3
# A report's vote for the story's day when its own day is a guess (`event_date_guessed`).
_GUESSED = 0.9


def reconcile(
    story: str,
    articles: list[Article],
    analyses: Mapping[str, Analysis],
    linkage: Linkage,
    embed: Embed | None = None,
    areas: Mapping[str, Coverage] | None = None,
) -> StoryRecord:
    """One story's record. `areas` holds the coverage area of each article's outlet (by
    article id), which settles which of several namesake towns a report means."""
    ids = [a.id for a in articles]
    by_id = {a.id: a for a in articles}
    origin_of = {a: linkage.origin_of.get(a, a) for a in ids}
    figures = [f for a in ids if a in analyses for f in analyses[a].figures]
    published = {a.id: a.published for a in articles}
    members: dict[str, list[str]] = {}
    for article in ids:
        members.setdefault(origin_of[article], []).append(article)
    origins = list(members)  # articles are in publication order, so origins are too
    doubting = {a for a in ids if a in analyses and analyses[a].unverified}
    claims, conflicts = figure_claims(figures, origin_of, by_id, doubting)
    day = _event_date(ids, analyses)
    killed = estimate("killed", figures, origin_of, published)
    kind, sub_kind = story_event_type(analyses[a] for a in ids if a in analyses)
    # A page that held no story (a paywall saved under the headline) gives no lead. Only
    # origins give leads, so only their pages are read again.
    storied = {
        a: analyses[a]
        for a in origins
        if a in analyses and not held_no_story(by_id[a], analyses[a])
    }
    headlines = {a.id: a.title or "" for a in articles}
    brief = write_brief(origins, members, storied, claims, origin_of, headlines)
    return StoryRecord(
        id=story,
        title=story_title(articles, brief),
        articles=tuple(ids),
        independent_origins=len(origins),
        incident=Incident(
            date=day,
            places=story_places(ids, analyses, areas),
            killed=killed,
            injured=estimate("injured", figures, origin_of, published, killed.best),
            date_start=(span := _date_range(ids, analyses, day))[0],
            date_end=span[1],
            event_type=kind,
            sub_event_type=sub_kind,
            by_category=by_category(figures, origin_of, published),
            totals=total_checks(figures),
            outlets=tuple(sorted({a.outlet for a in articles if a.outlet})),
            origins=tuple(origins),
        ),
        figures=claims,
        conflicts=conflicts,
        brief=brief,
        quotes=statement_claims(ids, analyses, linkage, embed),
        events=event_claims(ids, analyses, origin_of),
        actors=story_actors(ids, analyses),
        unsupported=_unsupported(set(ids), linkage),
        altered=_altered(set(ids), linkage),
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


def _altered(ids: set[str], linkage: Linkage) -> tuple[dict, ...]:
    return tuple(
        {
            "article": a.article,
            "origin": a.origin,
            "field": a.field,
            "value": a.value,
            "origin_value": a.origin_value,
            "text": a.span.text,
            "start": a.span.start,
            "end": a.span.end,
            "origin_text": a.origin_span.text,
            "origin_start": a.origin_span.start,
            "origin_end": a.origin_span.end,
        }
        for a in linkage.altered
        if a.article in ids
    )


def _event_date(ids: list[str], analyses: Mapping[str, Analysis]) -> str | None:
    """The day most reports date the incident to, the earlier of days as many give. A report
    whose day is a guess (its publication day) counts a little less than one whose words tie
    its day to the shooting: it settles no tie against one, yet two guesses outvote it."""
    votes: defaultdict[str, float] = defaultdict(float)
    for article in ids:
        analysis = analyses.get(article)
        if analysis and analysis.event_date:
            votes[analysis.event_date] += _GUESSED if analysis.event_date_guessed else 1.0
    return min(votes, key=lambda d: (-votes[d], d)) if votes else None


def _date_range(
    ids: list[str], analyses: Mapping[str, Analysis], day: str | None
) -> tuple[str | None, str | None]:
    """First and last day the reports place the event on, near the story's date."""
    if day is None:
        return None, None
    centre = date.fromisoformat(day)
    near = sorted(
        d
        for a in ids
        if a in analyses
        and (d := analyses[a].event_date)
        and abs((date.fromisoformat(d) - centre).days) <= DATE_RANGE_DAYS
    )
    return near[0], near[-1]
