"""The outlet a text names as its own: wire credits in datelines and verification notes.

Shared by ingest (outlet when metadata has none) and link (direction of a credited copy).
"""

from __future__ import annotations

import re

_WIRES = {
    "ap": "Associated Press", "associated press": "Associated Press", "reuters": "Reuters",
    "afp": "AFP", "agence france-presse": "AFP", "upi": "UPI", "dpa": "dpa", "efe": "EFE",
}  # fmt: skip
_NAME = r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}"
# "SARAQIB, Syria (AP) —", "BEIRUT (Levant Wire) -"
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'-]*(?:,\s*[A-Z][\w .'-]*)?\s*\((?P<who>{_NAME})\)\s*[—–-]"
)
# "Reuters could not independently verify", "told The Associated Press"
_VERIFY = re.compile(
    rf"\b(?P<who>{_NAME})\s+(?:could\s+not|has\s+not|was\s+unable\s+to|cannot)\s+independently\s+verif"
)


# "a witness told The Associated Press": wire style for the wire's own interviews.
_TOLD = re.compile(
    r"\btold\s+(?:the\s+|The\s+)?(?P<who>Associated Press|AP|Reuters|AFP|Agence France-Presse)\b"
)


def credited_outlet(text: str) -> str | None:
    """The outlet a report credits itself to, or None when it does not say."""
    head = text[:300]
    match = _DATELINE.search(head) or _VERIFY.search(text) or _TOLD.search(text)
    if not match:
        return None
    who = match.group("who").strip()
    return _WIRES.get(who.lower(), who)
