"""Who a sentence attributes its claim to ("according to X", "police said")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.records import Entity, Span

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
# "Nadia Haddad, who heads the monitoring group, said ..."
_SAID_APPOSITIVE = re.compile(
    r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+(?:who|a|an|the)\b[^,]{0,80},\s+"
    r"(?:said|says|told|reported|added)\b"
)
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who", "the", "that"})
# Second mentions of an organisation named earlier: "the monitor said", "it said".
_BACK_REFERENCES = frozenset(
    {
        "it", "monitor", "group", "observatory", "ministry", "agency", "organisation",
        "organization", "watchdog", "network", "council", "monitoring group", "rights group",
    }
)  # fmt: skip
_WHEN = re.compile(r"\s+(?:on|last|this|late|early)\s+\w+$", re.I)


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


def resolve_back_references(
    sentences: Sequence[Span], attributions: Sequence[str | None], entities: Sequence[Entity]
) -> tuple[str | None, ...]:
    """Each sentence's source, with "the monitor" or "it" replaced by the organisation the
    article last named before that sentence (the one whose name holds the word, if any)."""
    organisations = [e for e in entities if e.kind == "organisation"]
    named = {e.name.lower() for e in organisations}
    resolved = []
    for sentence, who in zip(sentences, attributions, strict=True):
        if who is None or not _back_reference(who, named):
            resolved.append(who)
            continue
        # A headline's "monitor says" refers to the monitor its first paragraph names. A
        # title's offsets are its own, so the whole text comes after it.
        after = [e for e in organisations if sentence.in_title or e.span.start >= sentence.end]
        before = [
            e for e in organisations if not sentence.in_title and e.span.start < sentence.start
        ] or after[:1]
        word = who.lower().split()[-1]
        same = [e for e in before if word in e.name.lower()] or (
            before if word in {"it", "monitor", "group", "watchdog"} else []
        )
        resolved.append(same[-1].name if same else (None if who.lower() == "it" else who))
    return tuple(resolved)


def referred_organisation(who: str, entities: Sequence[Entity], before: int) -> Entity | None:
    """The organisation "the group", "the monitor" or "the ministry" refers back to: the
    last named before `before` whose name holds the word, or for a word any organisation
    may be called ("group", "monitor"), the last named. None for other words."""
    organisations = [e for e in entities if e.kind == "organisation"]
    if not _back_reference(who, {e.name.lower() for e in organisations}):
        return None
    word = who.lower().split()[-1]
    earlier = [e for e in organisations if e.span.start < before]
    same = [e for e in earlier if word in e.name.lower()] or (
        earlier if word in {"group", "monitor", "watchdog"} else []
    )
    return same[-1] if same else None


def _back_reference(who: str, organisations: set[str]) -> bool:
    """ "the monitor", "it", "the Britain-based monitor": a short description ending in a
    back-reference word, not an organisation's own name ("Interior Ministry")."""
    words = who.lower().split()
    if who.lower() in organisations or len(words) > 3:
        return False
    return who.lower() in _BACK_REFERENCES or (
        words[-1] in _BACK_REFERENCES and all(w.islower() or "-" in w for w in who.split()[:-1])
    )


def _tidy(who: str) -> str:
    who = re.sub(r"^(?:the)\s+", "", who.strip(), flags=re.I)
    return _WHEN.sub("", who.rstrip(".,;:"))
