"""The dependency parse of chosen sentences only.

The pipeline runs with its parser off: most sentences need no parse, and parsing all of
them costs a tenth of a run. A sentence a construction needs the parse of (a cue of
reported speech, a death told as a noun, a casualty word) is parsed on its own, from the
features the pipeline already computed for the whole text, and only once however many
constructions read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from crosscheck.records import Span


@dataclass(frozen=True, slots=True)
class Parsed:
    index: int  # into the sentences given
    offset: int  # of the parse's first character in the article's text
    doc: Doc  # the sentence, parsed


@dataclass
class Parses:
    """One article's sentence parses, made on first request and kept for the next reader."""

    nlp: Language
    doc: Doc
    sentences: Sequence[Span]
    # Where the story's own words start, after a dateline or a date stamp
    # (places.story_start): the first sentence is parsed from there.
    start: int = 0
    _done: dict[int, Parsed] = field(default_factory=dict, init=False)
    _tokens: list[SpacySpan | None] | None = field(default=None, init=False)
    _words: list[frozenset[str]] | None = field(default=None, init=False)

    def of(self, wanted: Callable[[int, SpacySpan], bool]) -> list[Parsed]:
        """The parse of each sentence (by index, in order) whose tokens `wanted` accepts."""
        chosen = [
            (i, tokens)
            for i, tokens in enumerate(self.tokens())
            if tokens is not None and wanted(i, tokens)
        ]
        new = [(i, tokens) for i, tokens in chosen if i not in self._done]
        if new:
            parser = self.nlp.get_pipe("parser")
            subs = parser.pipe(tokens.as_doc() for _, tokens in new)  # type: ignore[attr-defined]
            for (i, tokens), sub in zip(new, subs, strict=True):
                self._done[i] = Parsed(i, tokens.start_char, sub)
        return [self._done[i] for i, _ in chosen]

    def tokens(self) -> list[SpacySpan | None]:
        """Each sentence's tokens in the whole text's doc (None where no token aligns)."""
        if self._tokens is None:
            self._tokens = [self._span(s) for s in self.sentences]
        return self._tokens

    def _span(self, sentence: Span) -> SpacySpan | None:
        start = sentence.start if sentence.in_title else max(sentence.start, self.start)
        if start >= sentence.end:
            return None
        return self.doc.char_span(start, sentence.end, alignment_mode="expand")

    def words(self, index: int) -> frozenset[str]:
        """The lower-cased words of sentence `index`: what a construction's cue words are
        looked for in, once per article rather than once per construction and token."""
        if self._words is None:
            lower = [t.lower_ for t in self.doc]
            self._words = [
                frozenset(lower[t.start : t.end]) if t is not None else frozenset()
                for t in self.tokens()
            ]
        return self._words[index]
