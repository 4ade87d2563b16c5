"""Sentences in which a report says it could not verify what it reports ("Levant Wire
could not independently verify the toll"): a reader weighs the figures of such a report."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.records import Span

_UNVERIFIED = re.compile(
    r"\b(?:could\s+not|couldn't|cannot|can't|unable\s+to|was\s+not\s+able\s+to|has\s+not|"
    r"have\s+not|had\s+not)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)"
    r"|\b(?:not|un)\s*(?:independently\s+)?(?:verified|confirmed)\b",
    re.IGNORECASE,
)


def unverified_sentences(sentences: Sequence[Span]) -> tuple[Span, ...]:
    return tuple(s for s in sentences if _UNVERIFIED.search(s.text))
