"""The event type an article describes, in ACLED's terms, from the words it uses.

ACLED codes six event types; each is recognised here by the words reporters use for it.
Where several fit, the more specific violence wins (a shelling that hit civilians is
explosions/remote violence in ACLED's book, not violence against civilians). Strategic
developments (arrests, seizures, agreements) are the type of last resort.
"""

from __future__ import annotations

import re

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


def event_type(text: str) -> tuple[str | None, str | None]:
    """(event type, sub-event type) of the first, most specific kind the text fits."""
    for event, sub, pattern in _TYPES:
        if pattern.search(text):
            return event, sub
    return None, None
