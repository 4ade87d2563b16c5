"""Is a text English? crosscheck's analysis reads English only, so other languages are
refused at ingest with a reason rather than stored and misread.

The evidence is function words, which make up a large share of any prose: the stop-word
lists spaCy ships for each language. A text in another script is told by its letters.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE = 5000
# Languages of the places crosscheck's users report on, whose Latin-script news is most
# often mixed into an English feed.
_OTHERS = {
    "es": "Spanish", "fr": "French", "pt": "Portuguese", "it": "Italian", "de": "German",
    "nl": "Dutch", "id": "Indonesian", "tr": "Turkish",
}  # fmt: skip
# Long texts: English prose is never under 3% function words, even a list of names.
_MIN_ENGLISH_SHARE = 0.03
_LONG = 60
# Any text: another language needs at least this many of its own function words (ones
# English lacks), and more than twice as many as English has, so a Spanish name in an
# English brief ("Plaza de la Paz") never counts.
_MIN_FOREIGN = 3


def language_problem(text: str) -> str | None:
    """Why `text` is not an English report, or None when it may be one."""
    words = _WORD.findall(text[:_SAMPLE])
    if not words:
        return None
    script = _main_script(words)
    if script != "LATIN":
        return f"text is in {script.title()} script; crosscheck analyses English reports"
    lowered = [w.lower() for w in words]
    english = sum(w in _english() for w in lowered)
    counts = {lang: sum(w in _only(lang) for w in lowered) for lang in _OTHERS}
    foreign = max(counts, key=counts.__getitem__)
    if counts[foreign] >= _MIN_FOREIGN and counts[foreign] > 2 * english:
        return f"text looks {_OTHERS[foreign]}, not English; crosscheck analyses English reports"
    if len(lowered) >= _LONG and english / len(lowered) < _MIN_ENGLISH_SHARE:
        return "text does not look English; crosscheck analyses English reports"
    return None


def _main_script(words: list[str]) -> str:
    letters: Counter[str] = Counter()
    for word in words:
        for ch in word:
            letters[unicodedata.name(ch, "UNKNOWN").split()[0]] += 1
    return letters.most_common(1)[0][0]


@cache
def _english() -> frozenset[str]:
    return _stop_words("en")


@cache
def _only(lang: str) -> frozenset[str]:
    """A language's function words that are not also English words."""
    return _stop_words(lang) - _english()


def _stop_words(lang: str) -> frozenset[str]:
    # The word list's own file, run alone: importing it as `spacy.lang.fr.stop_words` runs
    # the language package first, whose tokenizer exceptions take seconds to compile, in
    # the request that posts the first article.
    spacy = importlib.util.find_spec("spacy")
    if spacy is None or not spacy.submodule_search_locations:
        raise RuntimeError("spaCy (a dependency of crosscheck) is not installed")
    path = Path(spacy.submodule_search_locations[0]) / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_crosscheck_stop_words_{lang}", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"spaCy has no stop words for {lang!r} at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.STOP_WORDS)
