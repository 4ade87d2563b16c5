"""The incident's event type, in ACLED's terms, from the words its reports use.

ACLED codes six event types; each is recognised here by the words reporters use for it,
and a story takes the type most of its articles describe. Where several fit, the more
specific violence wins (a shelling that hit civilians is explosions/remote violence in
ACLED's book, not violence against civilians). Strategic developments (arrests, seizures,
agreements) are the type of last resort.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# (event type, sub-event type, pattern), in order of precedence.
_TYPES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (event, sub, re.compile(pattern, re.IGNORECASE))
    for event, sub, pattern in (
        ("Explosions/Remote violence", "Air/drone strike",
         r"\b(?:air\s*strikes?|drone\s+(?:strike|attack)s?|warplanes?|bombed\s+from\s+the\s+air)\b"),
        ("Explosions/Remote violence", "Suicide bomb", r"\bsuicide\s+(?:bomb|attack)"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED",
         r"\b(?:car\s+bomb|roadside\s+bomb|IEDs?|landmines?|explosive\s+device)\b"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack",
         r"\b(?:shell(?:s|ing|ed)|artillery|missiles?|rockets?|mortars?)\b"),
        ("Battles", "Armed clash",
         r"\b(?:clashe[sd]|firefights?|gun\s*battles?|fighting\s+between|exchanged?\s+(?:gun)?fire)\b"),
        ("Riots", "Mob violence", r"\b(?:riot(?:s|ers|ing)?|mobs?|looting|lynch(?:ed|ing)?)\b"),
        ("Violence against civilians", "Abduction/forced disappearance",
         r"\b(?:abduct(?:ed|ion)|kidnapp(?:ed|ing))\b"),
        ("Violence against civilians", "Attack",
         r"\b(?:shootings?|gunm(?:a|e)n|shot\s+(?:and\s+killed|dead|to\s+death)|opened\s+fire|"
         r"massacre|stabb(?:ed|ing)|killed|murder(?:ed)?)\b"),
        ("Protests", "Peaceful protest",
         r"\b(?:protest(?:s|ers|ed)?|demonstrat(?:ors|ion|ions)|rall(?:y|ies))\b"),
        ("Strategic developments", "Arrests", r"\b(?:arrest(?:ed|s)?|detained)\b"),
    )
)  # fmt: skip
# An article naming a type's words this many times describes that kind of event.
_MIN_HITS = 1


def event_type(texts: Iterable[str]) -> tuple[str | None, str | None]:
    """(event type, sub-event type) most of the texts describe, or (None, None)."""
    votes: Counter[tuple[str, str]] = Counter()
    order = {(e, s): i for i, (e, s, _) in enumerate(_TYPES)}
    for text in texts:
        for event, sub, pattern in _TYPES:
            if len(pattern.findall(text)) >= _MIN_HITS:
                votes[(event, sub)] += 1
                break  # the most specific type the article fits
    if not votes:
        return None, None
    best = max(votes, key=lambda k: (votes[k], -order[k]))
    return best
