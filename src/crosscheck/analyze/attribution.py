"""Who a sentence attributes its claim to ("according to X", "police said")."""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w'’.&-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w'’.&-]*))*"
_ACCORDING = re.compile(
    rf"\baccording\s+to\s+(?:the\s+)?(?P<who>{_NAME}|police|authorities|officials)"
)
_SAID = re.compile(
    rf"(?P<who>(?:the\s+)?(?:police|authorities|officials|(?:state|local|hospital|medical)\s+officials"
    rf"|witnesses|the\s+coroner|{_NAME}))\s+(?:said|says|told|reported|confirmed|announced)\b",
    re.I,
)
_SAID_AFTER = re.compile(
    rf"\b(?:said|says|told|reported)\s+(?P<who>(?:the\s+)?(?:police|authorities|officials|{_NAME}))",
)
# "Rami Abdulrahman, who heads the Observatory, said ..."
_SAID_APPOSITIVE = re.compile(
    r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+(?:who|a|an|the)\b[^,]{0,80},\s+"
    r"(?:said|says|told|reported|added)\b"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "the", "that"})


# Cheap test first: most sentences name no source, and the patterns below are costly.
_TRIGGER = re.compile(r"\b(?:according|said|says|told|reported|confirmed|announced|added)\b", re.I)


def attribution_in(sentence: str) -> str | None:
    """The source a sentence names for what it reports, or None when it names none."""
    if not _TRIGGER.search(sentence):
        return None
    for pattern in (_ACCORDING, _SAID_APPOSITIVE, _SAID, _SAID_AFTER):
        match = pattern.search(sentence)
        if match:
            who = _tidy(match.group("who"))
            if who and who.lower() not in _PRONOUNS:
                return who
    return None


def _tidy(who: str) -> str:
    who = re.sub(r"^(?:the)\s+", "", who.strip(), flags=re.I)
    return who.rstrip(".,;:")
