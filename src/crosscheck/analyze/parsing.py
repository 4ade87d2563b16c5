"""The dependency parse of chosen sentences only.

The pipeline runs with its parser off: most sentences need no parse, and parsing all of
them costs a tenth of a run. A sentence a construction needs the parse of (a cue of
reported speech, a death told as a noun) is parsed on its own, from the features the
pipeline already computed for the whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from crosscheck.records import Span


@dataclass(frozen=True, slots=True)
class Parsed:
    index: int  # into the sentences given
    offset: int  # of the parse's first character in the article's text
    doc: Doc  # the sentence, parsed


def parse_sentences(
    nlp: Language,
    doc: Doc,
    sentences: Sequence[Span],
    wanted: Callable[[int, SpacySpan], bool],
) -> list[Parsed]:
    """Parse each sentence of `doc`'s text (by index) whose tokens `wanted` accepts."""
    chosen = [
        (i, tokens)
        for i, sentence in enumerate(sentences)
        if (tokens := doc.char_span(sentence.start, sentence.end, alignment_mode="expand"))
        is not None
        and wanted(i, tokens)
    ]
    if not chosen:
        return []
    parser = nlp.get_pipe("parser")
    subs = parser.pipe(tokens.as_doc() for _, tokens in chosen)  # type: ignore[attr-defined]
    return [
        Parsed(i, tokens.start_char, sub) for (i, tokens), sub in zip(chosen, subs, strict=True)
    ]
