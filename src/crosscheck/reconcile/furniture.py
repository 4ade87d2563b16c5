"""Page furniture: time stamps, bylines, playlists, buttons, credits, sign-up prompts.

What a news page carries around its story is no sentence of the story, and a brief that
quotes it ("Published: Saturday, 2/21/2015 - Updated: 2 months ago") looks untrustworthy
whatever the claims under it say. The patterns live in data/furniture.json, each with the
lines it must find and the story sentences it must leave alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class FurniturePattern:
    name: str
    why: str
    regex: re.Pattern[str]
    furniture: tuple[str, ...]
    story: tuple[str, ...]


@cache
def furniture_patterns() -> tuple[FurniturePattern, ...]:
    data = json.loads(
        resources.files("crosscheck").joinpath("data/furniture.json").read_text("utf-8")
    )
    return tuple(
        FurniturePattern(
            entry["name"],
            entry["why"],
            re.compile(entry["pattern"], 0 if entry.get("case_sensitive") else re.IGNORECASE),
            tuple(entry["furniture"]),
            tuple(entry["story"]),
        )
        for entry in data["patterns"]
    )


def is_furniture(text: str) -> bool:
    """Is this line of a page its furniture rather than a sentence of its story?"""
    return any(p.regex.search(text) for p in furniture_patterns())
