"""Runs the stages over a store: the only module that knows both the stages and storage.

Each step reads its inputs from the store, calls a pure stage function and writes the
result back in its own transaction, so an interrupted run keeps everything finished so far.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

import numpy as np

from crosscheck.analyze import ANALYZER_VERSION, analyze_many, warm_up
from crosscheck.ingest import IngestOptions, ingest
from crosscheck.link import build, extend
from crosscheck.link.alignment import by_article
from crosscheck.link.embeddings import DIMENSIONS, ENCODER, LazyEncoder, Remembered
from crosscheck.link.profile import PROFILE_VERSION
from crosscheck.link.story_model import story_model
from crosscheck.reconcile import Coverage, Embed, coverage, quoted, reconcile
from crosscheck.records import (
    Analysis,
    AnalysisFailure,
    Article,
    Linkage,
    OutletStates,
    Rejection,
)
from crosscheck.store import Store

_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
Progress = Callable[[str, int, int | None], None]
_BATCH = 200
_TASK = 25  # articles per worker task: enough for nlp.pipe batching, small enough to balance


def no_progress(stage: str, done: int, total: int | None) -> None:
    """The default Progress: report nothing."""


@dataclass
class IngestSummary:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)


def ingest_into(
    store: Store,
    inputs: Iterable[str],
    options: IngestOptions | None = None,
    progress: Progress = no_progress,
    on_reject: Callable[[Rejection], None] | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    batch: list[Article] = []

    def flush() -> None:
        for added in store.add_articles(batch):
            if added.outcome == "added":
                summary.added += 1
            elif added.outcome == "exists":
                summary.already_stored += 1
            else:
                summary.duplicates += 1
        batch.clear()
        progress("ingest", summary.read, None)

    for item in ingest(inputs, options):
        if isinstance(item, Rejection):
            summary.rejected.append(item)
            store.add_rejections([item])
            if on_reject:
                on_reject(item)
            continue
        summary.read += 1
        batch.append(item)
        if len(batch) >= _BATCH:
            flush()
    flush()
    return summary


@dataclass
class AnalyzeSummary:
    """What an analyze run did: how many articles it analysed, and a rejection for each it
    failed on (stored, and skipped by later runs until the analyzer changes)."""

    analysed: int = 0
    failed: list[Rejection] = field(default_factory=list)


def analyze_pending(
    store: Store,
    workers: int = 1,
    progress: Progress = no_progress,
    on_failure: Callable[[Rejection], None] | None = None,
) -> AnalyzeSummary:
    """Analyze every stored article without a current analysis."""
    pending = store.unanalysed(ANALYZER_VERSION)
    summary = AnalyzeSummary()
    progress("analyze", 0, len(pending))
    if not pending:
        return summary
    warm_up()  # before forking, so workers share the loaded model and gazetteer
    with _mapper(workers, len(pending)) as run_map:
        for chunk in _chunks(pending, _BATCH):
            articles = list(store.articles(chunk))
            batches = [articles[i : i + _TASK] for i in range(0, len(articles), _TASK)]
            results = [a for batch in run_map(analyze_many, batches) for a in batch]
            analyses = [r for r in results if isinstance(r, Analysis)]
            failures = [r for r in results if isinstance(r, AnalysisFailure)]
            store.put_analyses(ANALYZER_VERSION, analyses, failures)
            rejected = _failure_rejections(articles, failures)
            store.add_rejections(rejected)
            for rejection in rejected:
                summary.failed.append(rejection)
                if on_failure:
                    on_failure(rejection)
            summary.analysed += len(analyses)
            progress("analyze", summary.analysed + len(summary.failed), len(pending))
    return summary


def _failure_rejections(
    articles: Sequence[Article], failures: Sequence[AnalysisFailure]
) -> list[Rejection]:
    source = {a.id: a.source for a in articles}
    return [
        Rejection(source.get(f.article, f.article), f"analysis failed: {f.error}") for f in failures
    ]


def link_work_left(store: Store) -> bool:
    """Whether analysed articles wait to be linked, or linked stories to be reconciled."""
    if store.unreconciled():
        return True
    unlinkable = _unlinkable(store)
    return any(a not in unlinkable for a in store.unindexed())


def _unlinkable(store: Store) -> set[str]:
    """Articles linking must leave out: those waiting for their analysis (a server stores
    articles while it links: linked without it, their profile would carry no place, day or
    toll to keep them apart) and those the analyzer failed on, which have none to give."""
    waiting = set(store.unanalysed(ANALYZER_VERSION))
    return waiting | {f.article for f in store.failed_analyses(ANALYZER_VERSION)}


@dataclass(frozen=True, slots=True)
class Linked:
    """What a link run did: the stories now stored, and which of them are new or changed
    (None: all of them, after a full link) and which were dropped."""

    stories: int
    changed: frozenset[str] | None
    removed: frozenset[str] = frozenset()
    linkage: Linkage | None = None  # the changed stories' linkage, after an incremental run


def link_all(
    store: Store,
    progress: Progress = no_progress,
    rewrites: bool = True,
    full: bool = False,
    encoder: LazyEncoder | None = None,
) -> Linked:
    """Link new articles into the stored stories, or the whole pool when there is no index
    yet, the analyzer, the link profile or the story model changed, `full` is asked, or the
    new articles outnumber the linked. `rewrites` looks for paraphrased rewrites with
    sentence embeddings (the slow part); pass the `encoder` reconciling will use, so the
    model loads once."""
    progress("link", 0, None)
    encode = StoredVectors(store, encoder or LazyEncoder()) if rewrites else None
    # Stories made by another analyzer, profile or story model are made again.
    version = f"{ANALYZER_VERSION}/profile-{PROFILE_VERSION}/{story_model().version}"
    linked = store.index_size() if store.index_version() == version else 0
    pending = _unlinkable(store)
    new = [a for a in store.unindexed() if a not in pending] if linked and not full else []
    if linked and not full and not new:
        result = Linked(store.story_count(), frozenset(), linkage=Linkage({}, (), {}))
    elif linked and not full and len(new) <= linked:
        update = extend(list(store.articles(new)), store.analyses(new), store, encode)
        store.commit_link(update.linkage, update.entries, removed=update.removed)
        result = Linked(
            store.story_count(),
            frozenset(update.linkage.stories),
            update.removed - update.linkage.stories.keys(),
            update.linkage,
        )
    else:
        ready = [a for a in store.articles() if a.id not in pending]
        update = build(ready, store.analyses([a.id for a in ready]), encode)
        store.commit_link(update.linkage, update.entries, version=version)
        result = Linked(len(update.linkage.stories), None)
    if encode is not None:
        encode.save()
    progress("link", result.stories, result.stories)
    return result


def reconcile_all(
    store: Store,
    progress: Progress = no_progress,
    linked: Linked | None = None,
    embed: Embed | None = None,
) -> int:
    """Reconcile every story, or only those a link run changed, and any an interrupted run
    left linked but not reconciled. `embed` matches quotes by meaning (translations,
    rewordings); without it, by shared words."""
    partial, removed = _to_reconcile(store, linked)
    everything = partial is None
    linkage = store.linkage() if partial is None else partial
    wanted = list(linkage.stories)
    members = sorted({m for s in wanted for m in linkage.stories[s]})
    analyses = store.analyses(None if everything else members)
    articles = {a.id: a for a in store.articles(None if everything else members)}
    areas = _coverage(store, articles.values())
    if embed is not None:
        # Every story's quotes in one call: the encoder batches them by length.
        embed = Remembered(embed)
        embed.prime(t for s in wanted for t in quoted(linkage.stories[s], analyses))
    records = []
    for done, story in enumerate(wanted, start=1):
        chosen = [articles[m] for m in linkage.stories[story]]
        records.append(reconcile(story, chosen, analyses, linkage, embed, areas))
        if done % _BATCH == 0:
            progress("reconcile", done, len(wanted))
    if everything:
        store.put_stories(records)
    else:
        store.replace_stories(removed | set(wanted), records)
    progress("reconcile", len(records), len(records))
    return len(records)


def _to_reconcile(store: Store, linked: Linked | None) -> tuple[Linkage | None, set[str]]:
    """The linkage of the stories to reconcile (None: every story) and the stories whose
    records must go: those the link run changed, and any an interrupted run left."""
    if linked is None or linked.linkage is None:
        return None, set()
    linkage = linked.linkage
    removed = set(linked.removed)
    if left := set(store.unreconciled()) - set(linkage.stories):
        # The linkage an earlier run stored and did not reconcile: its stories as they
        # stand now, and those it dropped, whose records must go.
        linkage = store.linkage([*store.members_of(left), *_members(linkage)])
        removed |= left - set(linkage.stories)
    return linkage, removed


def _members(linkage: Linkage) -> list[str]:
    return [a for members in linkage.stories.values() for a in members]


def _coverage(store: Store, articles: Iterable[Article]) -> dict[str, Coverage]:
    """Each article's outlet's coverage area, by article id."""
    outlet_of = {a.id: a.outlet for a in articles if a.outlet}
    tallies = store.outlet_states(set(outlet_of.values()))
    areas = {o: coverage(tallies.get(o) or OutletStates(o, 0, {})) for o in set(outlet_of.values())}
    return {a: areas[o] for a, o in outlet_of.items()}


class StoredVectors:
    """Sentence embeddings through the store: each article is embedded once per analyzer
    version (its sentences come from the analysis) and encoder."""

    def __init__(self, store: Store, encoder: LazyEncoder) -> None:
        self._store = store
        self._encode = by_article(encoder)
        self._model = f"{ENCODER}/{ANALYZER_VERSION}"
        self._new: dict[str, bytes] = {}

    def __call__(self, wanted: Mapping[str, Sequence[str]]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for article, stored in self._store.sentence_vectors(self._model, list(wanted)).items():
            vectors = np.frombuffer(stored, dtype=np.float16).reshape(-1, DIMENSIONS)
            if len(vectors) == len(wanted[article]):
                found[article] = vectors.astype(np.float32)
        missing = {a: texts for a, texts in wanted.items() if a not in found}
        for article, vectors in self._encode(missing).items():
            # Half precision halves the store and moves cosines by under 1e-3.
            self._new[article] = vectors.astype(np.float16).tobytes()
            found[article] = vectors
        return found

    def save(self) -> None:
        if self._new:
            self._store.put_sentence_vectors(self._model, self._new)
            self._new.clear()


class _mapper:
    """`map` in this process for small jobs, across processes for large ones."""

    def __init__(self, workers: int, jobs: int) -> None:
        parallel = workers > 1 and jobs > _TASK
        # Forked workers inherit the model loaded by warm_up(); spawned ones would reload it.
        context = multiprocessing.get_context("fork") if parallel and _CAN_FORK else None
        self._pool = (
            ProcessPoolExecutor(
                workers, mp_context=context, initializer=_die_with, initargs=(os.getpid(),)
            )
            if parallel
            else None
        )

    def __enter__(self):
        if self._pool is None:
            return map
        return self._pool.map

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Run in each worker: end it when the run that started it ends, even by kill -9, so
    no orphan goes on analysing for a run that is gone."""
    try:
        # Linux: the kernel sends the signal when the parent dies.
        armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
