"""The brief: a short extractive summary in which every sentence cites its articles."""

from __future__ import annotations

from collections.abc import Mapping

from crosscheck.records import Analysis, Article, BriefSentence

MAX_SENTENCES = 4


def write_brief(
    origins: list[str],
    members: Mapping[str, list[str]],
    analyses: Mapping[str, Analysis],
) -> tuple[BriefSentence, ...]:
    """Lead sentences of the story's origins, each cited by the origin and the articles
    derived from it; a later origin contributes only when it carries a figure not yet told."""
    brief: list[BriefSentence] = []
    told: set[tuple[str, int]] = set()
    for origin in origins:
        analysis = analyses.get(origin)
        if analysis is None or not analysis.sentences:
            continue
        lead = analysis.sentences[0]
        figures = {(f.status, f.value) for f in analysis.figures if f.sentence.start == lead.start}
        if brief and not (figures - told):
            continue
        told |= figures
        brief.append(BriefSentence(lead.text, tuple(members.get(origin, [origin]))))
        if len(brief) >= MAX_SENTENCES:
            break
    return tuple(brief)


def story_title(articles: list[Article]) -> str | None:
    return next((a.title for a in articles if a.title), None)
