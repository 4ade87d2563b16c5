"""Paraphrased rewrites within stories, and what each derivative adds to its origin.

Embedding sentences is the costly part of linking, so only articles that could be rewrites
are embedded: those already known to derive from another or to be copied, and members of a
story that share enough wording with another member.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crosscheck.link.alignment import Encode, embedded
from crosscheck.link.paraphrase import differences, find_paraphrases, reoriented
from crosscheck.link.profile import Profile
from crosscheck.link.stories import Wording
from crosscheck.records import Altered, Analysis, Article, Derivation, Unsupported

# Reports of one story that share less wording than this are not checked for rewording: a
# spun copy swaps common words but keeps the names, places and numbers TF-IDF weighs most.
REWRITE_WORDING = 0.15


def rewrites(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    encode: Encode,
    stories: Mapping[str, Sequence[str]],
    derivations: Sequence[Derivation],
    pool: Mapping[str, Profile],
    text: Wording,
) -> tuple[tuple[Derivation, ...], tuple[Unsupported, ...], tuple[Altered, ...]]:
    """`derivations` with the paraphrased rewrites found among each story's members, and
    the unsupported and altered sentences of every derivative."""
    needed = _worth_aligning(stories, derivations, pool, text)
    sentences = embedded(
        ((a, analyses[a.id]) for a in articles if a.id in needed and a.id in analyses), encode
    )
    derivations = reoriented(derivations, sentences)
    found = find_paraphrases(stories.values(), sentences, derivations)
    everything = tuple(sorted((*derivations, *found), key=lambda d: (d.article, d.source)))
    return (everything, *differences(everything, sentences))


def _worth_aligning(
    stories: Mapping[str, Sequence[str]],
    derivations: Sequence[Derivation],
    pool: Mapping[str, Profile],
    text: Wording,
) -> set[str]:
    needed = {d.article for d in derivations} | {d.source for d in derivations}
    for members in stories.values():
        usable = [m for m in members if not pool[m].bare]
        for i, a in enumerate(usable):
            for b in usable[i + 1 :]:
                if text.cosine(a, b) >= REWRITE_WORDING:
                    needed.update((a, b))
    return needed
