"""Sentences that tell of several shootings at once ("Six people were wounded in Chicago
shootings Sunday", "three people were hurt in two shootings"): a night's or a city's roundup.
Their counts are no one incident's (figures leave them out), and a report holding one is
like every report of the incidents it sums up (story linking joins it to one only)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.records import Span

_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)"
_APART = r"(?:separate|different|unrelated)"
_EVENTS = r"(?:shootings|incidents|attacks|shooting\s+(?:attacks|incidents))"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A capitalised word: the city ("in Chicago shootings"), a region ("across Chicago").
_NAME = r"(?-i:[A-Z])\w+"
SEVERAL_INCIDENTS = (
    # "in two shootings", "in 6 separate shootings", "from separate incidents"
    rf"\b(?:in|from|between|during)\s+(?:{_COUNT}\s+(?:{_APART}\s+)?|{_APART}\s+)"
    rf"(?:{_NAME}\s+)?{_EVENTS}\b"
    rf"|\b{_APART}\s+(?:\w+\s+)?(?:shootings|incidents|attacks)\b"
    rf"|\b{_COUNT}\s+incidents\s+of\s+(?:gunfire|violence)\b"
    rf"|\bin\s+{_NAME}\s+shootings\b"
    # "were wounded in shootings Sunday", "in shootings across the city's South Side"
    rf"|\b(?:wounded|shot|killed|hurt|injured)\s+in\s+shootings\s+(?:across|on|from|since|over"
    rf"|{_WEEKDAY})\b"
    r"|\bin\s+(?:\w+\s+){0,2}shootings\s+(?:across|around|throughout)\b"
    rf"|\b(?:shootings|attacks|incidents)\s+(?:across|around|throughout)\s+(?:the\s+city|{_NAME})"
)
_SEVERAL_INCIDENTS = re.compile(SEVERAL_INCIDENTS, re.IGNORECASE)


def roundup_sentences(sentences: Sequence[Span]) -> tuple[Span, ...]:
    return tuple(s for s in sentences if _SEVERAL_INCIDENTS.search(s.text))
