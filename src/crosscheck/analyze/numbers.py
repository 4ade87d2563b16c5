"""Numbers as news copy writes them: digits, words, and vague amounts as ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "single": 1, "lone": 1, "both": 2, "pair": 2, "couple": 2,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague amounts as (low, high). The low end follows ACLED's conservative convention:
# "dozens" counts as 12 and "hundreds" as 100.
VAGUE = {
    "a dozen": (12, 12), "dozen": (12, 12), "dozens": (12, 99), "several dozen": (24, 99),
    "scores": (20, 99), "hundreds": (100, 999), "several hundred": (200, 999),
    "thousands": (1000, 9999), "several": (3, 9), "a few": (2, 5), "few": (2, 5),
    "a handful": (3, 6), "many": (3, 99), "multiple": (2, 9), "numerous": (3, 99),
}  # fmt: skip

_WORD = r"(?:" + "|".join(sorted({*_UNITS, *_TENS, *_SCALES, "and"}, key=len, reverse=True)) + r")"
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    r"|(?:" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")(?![\w-])"
    r"|(?!and\b)" + _WORD + r"(?:[\s-]+" + _WORD + r")*)"
)
_WRITTEN = re.compile(rf"(?<![\w-]){NUMBER_PATTERN}(?!\w)", re.I)
_MULTIPLES = re.compile(r"\b(?:double|triple|quadruple)\b", re.I)


@dataclass(frozen=True, slots=True)
class Amount:
    low: int
    high: int
    value: int
    vague: bool
    words: str | None = None  # a vague amount's words, lower-cased: "thousands", "a few"

    @classmethod
    def exactly(cls, value: int) -> Amount:
        return cls(value, value, value, False)


def parse_amount(text: str) -> Amount | None:
    """Value of a number expression, or None when it is not one ("and" alone, say)."""
    cleaned = text.strip().lower()
    if cleaned in VAGUE:
        low, high = VAGUE[cleaned]
        return Amount(low, high, low, True, cleaned)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", cleaned):
        return Amount.exactly(int(cleaned.replace(",", "")))
    value = _words_to_int(cleaned)
    return None if value is None else Amount.exactly(value)


def writes_number(text: str) -> bool:
    """Does `text` write a number ("two", "5", "a dozen", "both", "a triple homicide"), not
    just an article ("a man", "killed his wife"), a victim's age ("Dion Carter, 22, was
    shot and killed", "a 9-year-old boy died") or a gun's calibre ("a bullet from a 9 mm
    handgun struck")?"""
    text = _CALIBRE.sub(" ", _AGE.sub(" ", text))
    return bool(_MULTIPLES.search(text)) or any(
        m.group(0).lower() not in ("a", "an") for m in _WRITTEN.finditer(text)
    )


_CALIBRE = re.compile(
    r"\b\d{1,2}(?:\.\d)?\s*-?\s*(?:mm|millimeters?|millimetres?|gauge)\b"
    r"|(?<![\w.])\.\d{2,3}\s*-?\s*(?:caliber|calibre)\b|\b\d{2,3}\s*-?\s*(?:caliber|calibre)\b",
    re.I,
)
_AGE = re.compile(
    r"\b\d{1,3}[- ]?(?:years?|yrs?|months?|weeks?)[- ]olds?\b|,\s*\d{1,3}\s*(?=,|$)|\(\d{1,3}\)",
    re.I,
)


def _words_to_int(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words:
        return None
    if len(words) > 1 and words[0] in ("a", "an") and words[1] not in _SCALES:
        words = words[1:]  # "a pair", "a couple": the article is not a count of its own
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
    return total + current
