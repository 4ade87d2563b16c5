"""Paraphrased rewrites, and what a derivative adds to or alters in its origin.

Each pair of a story's members that shingles did not already connect is aligned sentence by
sentence (link/alignment) and judged by the learned rewrite models (link/rewrite_model):
is it a rewrite, and which side is the derivative. Accepted edges are taken strongest first,
and an edge between two articles already in one origin group is left out: two rewrites of
one origin resemble each other through it, and neither is the other's source.

The same alignment says which sentences of any derivative, verbatim or reworded, have no
counterpart in its origin (an added quote, a new figure, an editorial claim), and which say
what their origin's sentence says with one fact changed: another toll, town, day or actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from crosscheck.credits import credited_outlet
from crosscheck.link.alignment import MIN_SENTENCES, Encode, Sentences, likeness
from crosscheck.link.derivation import credited_source, primary_sources
from crosscheck.link.rewrite_model import (
    Alignment,
    RewriteModel,
    alignment,
    rewrite_model,
    style,
)
from crosscheck.link.unionfind import UnionFind
from crosscheck.names import fold
from crosscheck.records import Altered, AlteredField, Derivation, DerivationDirection, Unsupported

__all__ = ["Encode", "Sentences", "altered", "differences", "find_paraphrases", "reoriented"]

# A sentence whose best counterpart in the origin stays below this is the derivative's own.
SUPPORTED = 0.4
# A derivative's sentence restates its origin's sentence at this cosine or more (reworded
# sentences of real LLM rewrites score 0.55-0.8 against their origin): when the
# two then give different facts, the derivative altered one.
RESTATES = 0.6
NEIGHBOURS = 5  # in large stories, each article is compared with its nearest few only
ALTERABLE: tuple[AlteredField, ...] = ("figure", "place", "day", "actor")


@dataclass(frozen=True, slots=True)
class _Judged:
    edge: Derivation
    rewrite: float  # the detection model's probability that the pair is a rewrite
    weight: float  # how sure: the rewrite's probability times the direction's
    published: str  # the source's publication time ("" when unknown)


def reoriented(
    known: Iterable[Derivation],
    sentences: Mapping[str, Sentences],
    model: RewriteModel | None = None,
) -> tuple[Derivation, ...]:
    """`known` copies with the direction of each undated, edited one told by the direction
    model where it is sure. Shingles take the article mostly contained in the other as the
    copy, as outlets trim wire stories; but an LLM expansion keeps many of its origin's
    five-word runs and is the longer, and how the two are written tells which is which. A
    copy told by publication times or by an outlet credit keeps its direction."""
    model = model or rewrite_model()
    written = _writing(model)
    found = []
    for d in known:
        a, b = sentences.get(d.article), sentences.get(d.source)
        if (
            d.kind == "edited"
            and d.direction != "dated"
            and a is not None
            and b is not None
            and min(len(a.spans), len(b.spans)) >= MIN_SENTENCES
            and not _credited(a, b)
            and _derives(alignment(a, b), a, b, model, written) <= 0.5 - model.margin
        ):
            d = Derivation(d.source, d.article, d.kind, d.score, "content")
        found.append(d)
    return tuple(found)


def _writing(model: RewriteModel) -> Callable[[Sentences], dict[str, float]]:
    """How each article is written (`style`), read once per article."""
    styles: dict[str, dict[str, float]] = {}

    def written(s: Sentences) -> dict[str, float]:
        if s.article.id not in styles:
            styles[s.article.id] = style(s.article.text, s, model.register)
        return styles[s.article.id]

    return written


def _derives(
    pair: Alignment,
    a: Sentences,
    b: Sentences,
    model: RewriteModel,
    written: Callable[[Sentences], dict[str, float]],
) -> float:
    """The direction model's probability that `a` derives from `b`."""
    return model.direction.probability(pair.direction_features(written(a), written(b)))


def _credited(a: Sentences, b: Sentences) -> bool:
    credits = (credited_outlet(a.article.text), credited_outlet(b.article.text))
    return credited_source(a.article, credits[0], b.article, credits[1]) is not None


def find_paraphrases(
    stories: Iterable[Sequence[str]],
    sentences: Mapping[str, Sentences],
    known: Iterable[Derivation],
    model: RewriteModel | None = None,
) -> tuple[Derivation, ...]:
    """Rewrites among the members of each story that shingles did not already connect."""
    model = model or rewrite_model()
    known = tuple(known)
    linked = {frozenset((d.article, d.source)) for d in known}
    judged: list[_Judged] = []
    written = _writing(model)
    for members in stories:
        usable = [m for m in members if m in sentences and len(sentences[m].spans) >= MIN_SENTENCES]
        for a, b in _pairs(usable, sentences):
            if frozenset((a, b)) not in linked and (
                found := _judge(sentences[a], sentences[b], model, written)
            ):
                judged.append(found)
    return _accepted(judged, known, model)


def _accepted(
    judged: list[_Judged], known: Sequence[Derivation], model: RewriteModel
) -> tuple[Derivation, ...]:
    groups = UnionFind()
    for d in known:
        groups.union(d.article, d.source)
    kept: dict[str, Derivation] = {}
    # A rewrite of wire copy matches every outlet that ran the copy: the strongest edge
    # wins, and of equals the earliest published source.
    rewrites = [j for j in judged if j.rewrite >= model.threshold]
    for j in sorted(
        rewrites, key=lambda j: (-j.weight, j.published, j.edge.article, j.edge.source)
    ):
        d = j.edge
        if d.article in kept or groups.find(d.article) == groups.find(d.source):
            continue
        groups.union(d.article, d.source)
        kept[d.article] = d
    return tuple(sorted(_to_roots(kept, judged).values(), key=lambda d: (d.article, d.source)))


def _to_roots(kept: dict[str, Derivation], judged: list[_Judged]) -> dict[str, Derivation]:
    """Two rewrites of one origin are often more alike to each other than either is to the
    origin, so the strongest edge can join a rewrite to its sibling. Where the rewrite is
    also judged, on weaker evidence (`RewriteModel.upstream`), a rewrite of its sibling's own
    source, that source is taken instead: of a sibling and the article both derive from, the
    latter is the likelier source. The origin groups are the same either way."""
    edges = {(j.edge.article, j.edge.source): j.edge for j in judged}
    moved = True
    while moved:
        moved = False
        for article, d in list(kept.items()):
            upstream = kept.get(d.source)
            if upstream is None or upstream.source == article:
                continue
            if better := edges.get((article, upstream.source)):
                kept[article] = better
                moved = True
    return kept


def _judge(
    a: Sentences,
    b: Sentences,
    model: RewriteModel,
    written: Callable[[Sentences], dict[str, float]],
) -> _Judged | None:
    """The pair as the models see it; None when it is too weak a rewrite to be any article's
    source, even upstream of a sibling (`RewriteModel.upstream`)."""
    pair = alignment(a, b)
    rewrite = model.detect.probability(pair.detect_features())
    if rewrite < model.threshold * model.upstream:
        return None
    pa, pb = a.article.published, b.article.published
    direction: DerivationDirection
    if pa and pb and pa != pb:
        a_from_b, direction = (1.0 if pa > pb else 0.0), "dated"
    else:
        a_from_b = _derives(pair, a, b, model, written)
        direction = "content" if abs(a_from_b - 0.5) >= model.margin else "unknown"
    derived, source = (a, b) if a_from_b >= 0.5 else (b, a)
    chained = len(pair.chain) / len(derived.spans)
    return _Judged(
        Derivation(
            derived.article.id, source.article.id, "paraphrase", round(chained, 3), direction
        ),
        rewrite,
        rewrite * max(a_from_b, 1.0 - a_from_b),
        source.article.published or "",
    )


def differences(
    derivations: Iterable[Derivation], sentences: Mapping[str, Sentences]
) -> tuple[tuple[Unsupported, ...], tuple[Altered, ...]]:
    """What each derivative says that the article it derives from (its closest source, when
    it has several) does not: sentences with no counterpart there, and sentences that
    restate one of its sentences with a figure, place, day or actor changed."""
    added: list[Unsupported] = []
    changed: list[Altered] = []
    for d in primary_sources(derivations).values():
        own, origin = sentences.get(d.article), sentences.get(d.source)
        if own is None or origin is None or not len(own.spans) or not len(origin.spans):
            continue
        found = altered(d, own, origin)
        changed.extend(found)
        moved = {a.span for a in found}
        best = likeness(own, origin).max(axis=1)
        added.extend(
            Unsupported(d.article, d.source, span)
            for span, score in zip(own.spans, best, strict=True)
            if score < SUPPORTED and span not in moved
        )
    return tuple(added), tuple(changed)


def altered(d: Derivation, own: Sentences, origin: Sentences) -> list[Altered]:
    """Sentences of `own` restating a sentence of `origin` with a fact replaced: a value the
    origin's sentence lacks standing where one of the origin's own is missing ("41 killed,
    four of them children" for "14 killed, four of them children"). A fact only added or
    only left out is a rewording, not an alteration; so is a name moved to another sentence:
    a town or actor counts as replaced only when the other article names it nowhere."""
    raw = own.vectors @ origin.vectors.T
    named = (_everywhere(own), _everywhere(origin))
    found = []
    for i, j in enumerate(raw.argmax(axis=1)):
        if raw[i, j] < RESTATES:
            continue
        for field in ALTERABLE:
            ours, theirs = own.facts[i][field], origin.facts[j][field]
            if field == "figure":
                new, gone = _multiset_minus(ours, theirs), _multiset_minus(theirs, ours)
            else:
                new = _unmatched(ours, theirs + named[1][field])
                gone = _unmatched(theirs, ours + named[0][field])
            if new and gone:
                found.append(
                    Altered(
                        d.article,
                        d.source,
                        field,
                        ", ".join(sorted(new)),
                        ", ".join(sorted(gone)),
                        own.spans[i],
                        origin.spans[j],
                    )
                )
    return found


def _everywhere(sentences: Sentences) -> dict[AlteredField, tuple[str, ...]]:
    return {
        field: tuple(v for facts in sentences.facts for v in facts[field]) for field in ALTERABLE
    }


def _multiset_minus(values: tuple[str, ...], others: tuple[str, ...]) -> set[str]:
    return set((Counter(values) - Counter(others)).elements())


def _unmatched(values: tuple[str, ...], others: tuple[str, ...]) -> set[str]:
    """Values with no counterpart among `others`, a name matching another form of itself
    that holds all its words or whose words it holds ("Idlib" and "Idlib province")."""
    words = [set(fold(o).split()) for o in others]
    return {v for v in values if not any((w := set(fold(v).split())) <= o or o <= w for o in words)}


def _pairs(members: list[str], sentences: Mapping[str, Sentences]) -> Iterable[tuple[str, str]]:
    if len(members) <= NEIGHBOURS + 1:
        return combinations(members, 2)
    centroids = np.stack([sentences[m].centroid for m in members])
    likeness = centroids @ centroids.T
    pairs = set()
    for i, row in enumerate(likeness):
        for j in np.argsort(-row)[1 : NEIGHBOURS + 1]:
            pairs.add((members[min(i, j)], members[max(i, j)]))
    return sorted(pairs)
