"""The brief: a short extractive summary in which every sentence cites its articles.

Sentences are taken whole from the reports: the lead of each independent origin (its first
sentence that is not page furniture: a time stamp, a byline, a playlist; none from a page
that held no story, link.walls) in publication order, a later origin's lead only when it
brings a figure not yet told. Each is cited by the articles it comes from (its origin and
the articles derived from it) and by the articles of other origins that carry the same
figures. It is marked when a reader should weigh it: "single origin" (one origin stands
behind it), "unverified" (a report carrying its figure says it could not verify it),
"disputed" (its figure conflicts with another).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import islice

from crosscheck.link.vocabulary import terms
from crosscheck.reconcile.furniture import is_furniture
from crosscheck.records import Analysis, Article, BriefSentence, FigureClaim, Span

MAX_SENTENCES = 4
# A title made from a story's lead, for stories without a headline, runs to this many words.
TITLE_WORDS = 14
# How many of a report's sentences that are no furniture its lead is looked for among: a
# narrative opening may come before the sentence that tells of the story.
LEAD_WITHIN = 6


def write_brief(
    origins: list[str],
    members: Mapping[str, list[str]],
    analyses: Mapping[str, Analysis],
    claims: Sequence[FigureClaim],
    origin_of: Mapping[str, str],
    headlines: Mapping[str, str] | None = None,
) -> tuple[BriefSentence, ...]:
    """`headlines` (by article id) tell which of a report's first lines is its story."""
    brief: list[BriefSentence] = []
    told: set[tuple[str, int]] = set()
    for origin in origins:
        analysis = analyses.get(origin)
        lead = _lead(analysis, (headlines or {}).get(origin, "")) if analysis else None
        if analysis is None or lead is None:
            continue
        figures = {
            (f.status, f.value)
            for f in analysis.figures
            if f.sentence.start == lead.start and not f.sentence.in_title
        }
        if brief and not (figures - told):
            continue
        told |= figures
        brief.append(_cited(lead, members.get(origin, [origin]), claims, origin_of))
        if len(brief) >= MAX_SENTENCES:
            break
    return tuple(brief)


def _lead(analysis: Analysis, headline: str) -> Span | None:
    """The report's first sentence that is its story, not its page's furniture: the first
    that states a casualty figure or shares a word with the headline. A page's own lines
    ("Having trouble viewing the video?", a station's welcome, a playlist's titles) are of
    neither kind, whichever outlet's they are, which a list of furniture patterns can never
    wholly cover; a report with no such sentence gives no lead. Without a headline, the
    first sentence no furniture pattern catches."""
    candidates = list(
        islice((s for s in analysis.sentences if not is_furniture(s.text)), LEAD_WITHIN)
    )
    told = terms(headline)
    if not told:
        return candidates[0] if candidates else None
    counted = {f.sentence.start for f in analysis.figures if not f.sentence.in_title}
    return next(
        (s for s in candidates if s.start in counted or told.keys() & terms(s.text).keys()),
        None,
    )


def _cited(
    lead: Span,
    own: list[str],
    claims: Sequence[FigureClaim],
    origin_of: Mapping[str, str],
) -> BriefSentence:
    """The sentence with its citations and marks, from the figure claims it states."""
    stated = [
        c for c in claims if any(s.article == lead.article and not s.in_title
                                 and lead.start <= s.start < lead.end for s in c.support)
    ]  # fmt: skip
    citations = list(own)
    for claim in stated:
        citations.extend(s.article for s in claim.support if s.article not in citations)
    marks = []
    if len({origin_of.get(a, a) for a in citations}) == 1:
        marks.append("single origin")
    if any(c.unverified_by for c in stated):
        marks.append("unverified")
    if any(c.conflicts and not c.part_of_total for c in stated):
        marks.append("disputed")
    return BriefSentence(lead.text, tuple(citations), lead, tuple(marks))


def story_title(articles: list[Article], brief: Sequence[BriefSentence]) -> str | None:
    """The first headline its reports carry. A story none of whose reports has one (wire
    text pasted without its headline, rewrites) takes the opening words of its lead, the
    brief's first sentence: who, what and where, page furniture already left out."""
    headline = next((a.title for a in articles if a.title), None)
    if headline or not brief:
        return headline
    words = brief[0].text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
