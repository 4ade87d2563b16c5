"""Dated events: the days a story's articles place things on, with the sentences that say
so. Relative dates ("on Thursday") were resolved against each article's publication time
by the analyze stage; here the articles' readings of one day are brought together."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from crosscheck.records import Analysis, EventClaim, Granularity, Span

MAX_EVENTS = 8


def event_claims(
    ids: Sequence[str], analyses: Mapping[str, Analysis], origin_of: Mapping[str, str]
) -> tuple[EventClaim, ...]:
    support: dict[tuple[str, Granularity], dict[str, Span]] = defaultdict(dict)
    for article in ids:
        analysis = analyses.get(article)
        if analysis is None:
            continue
        for mention in analysis.dates:
            if mention.resolved is None:
                continue
            sentence = _sentence_of(analysis, mention.span)
            # One span per article and day: the first sentence that names it.
            support[(mention.resolved, mention.granularity)].setdefault(article, sentence)
    claims = [
        EventClaim(
            day,
            granularity,
            tuple(spans.values()),
            len(spans),
            len({origin_of.get(a, a) for a in spans}),
        )
        for (day, granularity), spans in support.items()
    ]
    claims.sort(key=lambda c: (-c.independent_origins, -c.articles, c.date))
    return tuple(sorted(claims[:MAX_EVENTS], key=lambda c: c.date))


def _sentence_of(analysis: Analysis, span: Span) -> Span:
    if span.in_title:
        return span
    return next(
        (s for s in analysis.sentences if s.start <= span.start < s.end),
        span,
    )
