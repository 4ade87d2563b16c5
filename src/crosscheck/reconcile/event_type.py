"""The incident's event type: the one most of the story's articles describe (each article's
type comes from the analyze stage). Ties go to the more specific violence, in ACLED's order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from crosscheck.records import Analysis

_PRECEDENCE = (
    "Explosions/Remote violence",
    "Battles",
    "Riots",
    "Violence against civilians",
    "Protests",
    "Strategic developments",
)


def story_event_type(analyses: Iterable[Analysis]) -> tuple[str | None, str | None]:
    votes = Counter((a.event_type, a.sub_event_type) for a in analyses if a.event_type)
    if not votes:
        return None, None
    rank = {event: i for i, event in enumerate(_PRECEDENCE)}
    return max(votes, key=lambda k: (votes[k], -rank.get(k[0], len(rank))))
