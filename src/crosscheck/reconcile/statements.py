"""Statements: one speaker's words as each article quotes them, however they are worded.

Outlets trim quotations, translations word them differently and rewrites paraphrase them,
so quotes are matched by speaker (spellings merged, see crosscheck.names) and by meaning:
the cosine of their sentence embeddings when an encoder is given, else the share of words
they have in common. A quote in an article that derives from another quoting the same
statement in other words is flagged with its origin's wording: a rewrite that "improves"
a quotation changes what someone said.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz

from crosscheck.link.derivation import primary_sources
from crosscheck.link.unionfind import UnionFind
from crosscheck.names import merge_names
from crosscheck.records import Analysis, Linkage, Quote, QuoteVariant, StatementClaim

Embed = Callable[[Sequence[str]], np.ndarray]

# Translations of one statement score 0.5-0.9 on all-MiniLM-L6-v2 ("These are among the
# biggest massacres of the Syrian conflict" / "What happened on the coast is one of the
# largest massacres of this war": 0.57); two statements by one speaker on one event rarely
# reach 0.4. Quotes without a named speaker need closer wording to join.
SAME_SPEAKER = 0.5
SAME_STATEMENT = 0.7
# Without an encoder: token-set overlap (0-1) for the same two cases.
SAME_SPEAKER_WORDS = 0.6
SAME_WORDS = 0.75
_WORD = re.compile(r"\w+")


def statement_claims(
    ids: Sequence[str],
    analyses: Mapping[str, Analysis],
    linkage: Linkage,
    embed: Embed | None = None,
) -> tuple[StatementClaim, ...]:
    quotes = _direct(ids, analyses)
    if not quotes:
        return ()
    speakers = _speakers(quotes)
    alike = _likeness([q.text for _, q in quotes], embed)
    named, unnamed = (SAME_SPEAKER, SAME_STATEMENT) if embed else (SAME_SPEAKER_WORDS, SAME_WORDS)
    sets = UnionFind(str(i) for i in range(len(quotes)))
    for i, j in np.argwhere(np.triu(_same_statement(speakers, alike, named, unnamed), 1)):
        sets.union(str(i), str(j))
    sources = {a: d.source for a, d in primary_sources(linkage.derivations).items()}
    claims = [
        _claim([quotes[int(i)] for i in group], [speakers[int(i)] for i in group], sources, linkage)
        for group in sets.groups().values()
    ]
    claims.sort(
        key=lambda c: (-c.independent_origins, -c.articles, c.speaker or "", c.variants[0].text)
    )
    return tuple(claims)


def _speakers(quotes: list[tuple[str, Quote]]) -> list[str | None]:
    named = merge_names(("person", q.speaker) for _, q in quotes if q.speaker)
    return [named[("person", q.speaker)] if q.speaker else None for _, q in quotes]


def _same_statement(
    speakers: list[str | None], alike: np.ndarray, named: float, unnamed: float
) -> np.ndarray:
    """Which pairs of quotes are one statement: alike enough, the bar lower when both name
    the same speaker; never two different speakers."""
    ids = {s: i for i, s in enumerate(sorted({s for s in speakers if s}))}
    who = np.array([ids[s] if s else -1 for s in speakers])
    both = (who[:, None] >= 0) & (who[None, :] >= 0)
    bar = np.where(both, named, unnamed)
    return (alike >= bar) & ~(both & (who[:, None] != who[None, :]))


def quoted(ids: Sequence[str], analyses: Mapping[str, Analysis]) -> list[str]:
    """The quotes `statement_claims` would compare by meaning among these articles: none
    when there is only one."""
    texts = [q.text for _, q in _direct(ids, analyses)]
    return texts if len(texts) > 1 else []


def _direct(ids: Sequence[str], analyses: Mapping[str, Analysis]) -> list[tuple[str, Quote]]:
    return [(a, q) for a in ids if a in analyses for q in analyses[a].quotes if q.kind == "direct"]


def _likeness(texts: list[str], embed: Embed | None) -> np.ndarray:
    if len(texts) < 2:
        return np.ones((len(texts), len(texts)))
    if embed is not None:
        vectors = embed(texts)
        return vectors @ vectors.T
    n = len(texts)
    scores = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            scores[i, j] = scores[j, i] = fuzz.token_set_ratio(texts[i], texts[j]) / 100
    return scores


def _claim(
    quotes: list[tuple[str, Quote]],
    speakers: list[str | None],
    sources: Mapping[str, str],
    linkage: Linkage,
) -> StatementClaim:
    wording = {a: q.text for a, q in quotes}
    variants = []
    for article, quote in sorted(
        quotes, key=lambda item: (item[1].span.article, item[1].span.start)
    ):
        source = sources.get(article)
        original = wording.get(source) if source else None
        departs = original if original and _normal(original) != _normal(quote.text) else None
        variants.append(QuoteVariant(article, quote.text, quote.span, departs))
    named = Counter(s for s in speakers if s)
    articles = {a for a, _ in quotes}
    return StatementClaim(
        speaker=named.most_common(1)[0][0] if named else None,
        variants=tuple(variants),
        articles=len(articles),
        independent_origins=len({linkage.origin_of.get(a, a) for a in articles}),
    )


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
