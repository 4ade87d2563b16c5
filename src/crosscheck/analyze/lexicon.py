"""The casualty lexicon (data/casualties.json): victim nouns and their categories, the
qualifiers of a count, the predicates of a death or a wound and the words that make a count
a whole war's. Read once per process; analysis holds only mechanisms."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def casualty_lexicon() -> dict:
    return json.loads(resources.files("crosscheck").joinpath("data/casualties.json").read_text())
