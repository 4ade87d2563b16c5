"""Name variants: when two written names mean the same person or organisation.

Transliterated Arabic names reach English copy in many spellings ("Khaled Abdulkarim",
"Khaled Abdelkarim", "Abdel Karim"; "Ahmed al-Sharaa", "Ahmad Sharaa"). Two names match when
their surnames have the same consonant skeleton, give or take one letter, once particles
("al-", "el-") and vowels are dropped and doubled letters collapsed; and their given names,
when both have one, match the same way. Used within an article (a bare surname joins the
full name it refers to) and across articles (linking keys stories on people, reconcile
merges a story's actors); so it lives beside the stages rather than in one of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

_TITLES = frozenset(
    "mr mrs ms miss dr prof sir sheikh sgt lt gen col capt maj cpl det insp ofc officer "
    "deputy sheriff chief president minister gov governor sen senator rep mayor judge "
    "pastor rev father imam spokesman spokeswoman spokesperson commander".split()
)
_PARTICLES = frozenset("al el ad ar as an at ash az ul ur bin ibn abu".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower case ASCII without accents or apostrophes: "Ḥamāh" -> "hamah"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"['’`ʿʾ‘]", "", ascii_only).lower()


def name_parts(name: str) -> list[str]:
    """Words of a personal name without titles, particles or suffixes."""
    words = [w for w in re.split(r"[\s\-.]+", fold(name)) if w]
    while words and words[0] in _TITLES:
        words = words[1:]
    return [w for w in words if w not in _PARTICLES and w not in _SUFFIXES]


def skeleton(word: str) -> str:
    """Consonant skeleton: "abdurrahman" -> "bdrhmn", "abdulrahman" -> "bdlrhmn"."""
    word = _DOUBLED.sub(r"\1", fold(word))
    stripped = _VOWELS.sub("", word[1:])
    return word[0] + stripped if word[:1] in "aeiouy" else word[:1] + stripped


def similar_words(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1] and not (a[:1] in "aeiou" and b[:1] in "aeiou"):
        return False
    sa, sb = skeleton(a), skeleton(b)
    if min(len(sa), len(sb)) < 4:
        # Short names need the same first vowel sound too: "Youssef" = "Yusuf" but
        # "Hassan" != "Hussein", "Tom" != "Tim".
        return sa == sb and _first_vowel(a) == _first_vowel(b)
    return Levenshtein.distance(sa, sb) <= 1


_VOWEL_CLASS = {"a": "a", "e": "e", "i": "e", "o": "u", "u": "u"}


def _first_vowel(word: str) -> str | None:
    vowel = re.search(r"[aeiou]", fold(word)[1:])
    return _VOWEL_CLASS[vowel.group(0)] if vowel else None


def same_person(a: str, b: str) -> bool:
    """True when two written names can be one person ("Abdulkarim" = "Khaled Abdelkarim")."""
    pa, pb = name_parts(a), name_parts(b)
    if not pa or not pb:
        return False
    if _joined_surname(pa, pb) or _joined_surname(pb, pa):
        return True
    if not similar_words(pa[-1], pb[-1]):
        return False
    if len(pa) > 1 and len(pb) > 1:
        return similar_words(pa[0], pb[0])
    return True


def _joined_surname(a: list[str], b: list[str]) -> bool:
    """ "Abdel Karim" written as two words against "Abdulkarim" as one."""
    if len(a) < 2:
        return False
    joined = a[-2] + a[-1]
    return similar_words(joined, b[-1]) and (len(a) < 3 or len(b) < 2 or similar_words(a[0], b[0]))


def same_organisation(a: str, b: str) -> bool:
    """ "Syrian Observatory for Human Rights" = "the Observatory" = "SOHR"."""
    wa, wb = _org_words(a), _org_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long = sorted((wa, wb), key=len)
    if len(short) == 1 and _acronym(long) == short[0]:
        return True
    return len(short) == 1 and len(short[0]) > 3 and short[0] in long[1:]


def _org_words(name: str) -> list[str]:
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w]
    return [w for w in words if w != "the"]


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "for", "and", "the", "on", "in"))


def merge_names(names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each (kind, name) to the fullest spelling of the person or organisation it names,
    across any number of articles: longer names are the canonical forms that shorter
    spellings and variants join."""
    canonical: list[tuple[str, str]] = []
    mapping: dict[tuple[str, str], str] = {}
    for kind, name in sorted(set(names), key=lambda item: (-len(item[1]), item)):
        same = same_person if kind == "person" else same_organisation
        match = next((c for k, c in canonical if k == kind and same(name, c)), None)
        if match is None:
            canonical.append((kind, name))
        mapping[(kind, name)] = match or name
    return mapping
