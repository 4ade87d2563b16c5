"""Rule files: the knowledge analysis reads as data (data/places.json, data/dates.json,
data/speech.json, data/sentences.json), each entry with the composed examples a test
runs."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SECTIONS = ("words", "thresholds")


@cache
def rule_file(name: str) -> dict[str, Any]:
    """The packaged file `data/<name>`, read once per process."""
    data: dict[str, Any] = json.loads(
        resources.files("crosscheck").joinpath("data", name).read_text()
    )
    return data


def rule_examples(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entry's examples, each with the entry it shows (`rule`) and its section."""
    return [
        {**example, "rule": key, "section": section}
        for section in SECTIONS
        for key, entry in data[section].items()
        for example in entry["examples"]
    ]
