"""Analyzes, links and reconciles what clients post, in one background thread.

Posting only stores the article, so a burst of clients is never held up by the pipeline;
the processor wakes when told, waits a moment for the burst to settle, then runs the same
incremental steps as `crosscheck link` over everything that arrived.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from crosscheck import pipeline
from crosscheck.link.embeddings import LazyEncoder
from crosscheck.store import SQLiteStore

log = logging.getLogger("crosscheck.web")
SETTLE_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class ProcessorState:
    running: bool
    busy: bool
    runs: int
    last_error: str | None


class Processor:
    def __init__(self, db: Path, rewrites: bool) -> None:
        self._db = db
        self._rewrites = rewrites
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy = False
        self._runs = 0
        self._last_error: str | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="crosscheck-processor", daemon=True)
        self._thread.start()
        self._wake.set()  # articles stored before the server started are processed too

    def notify(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 30) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    def state(self) -> ProcessorState:
        alive = bool(self._thread and self._thread.is_alive())
        return ProcessorState(
            alive, self._busy or self._wake.is_set(), self._runs, self._last_error
        )

    def _loop(self) -> None:
        encoder = LazyEncoder() if self._rewrites else None
        with SQLiteStore(self._db) as store:
            while not self._stop.is_set():
                self._wake.wait()
                if self._stop.is_set():
                    return
                time.sleep(SETTLE_SECONDS)
                self._busy = True
                self._wake.clear()
                try:
                    self._run(store, encoder)
                    self._last_error = None
                except _Stopped:
                    return
                except Exception as err:  # the server must outlive one bad batch
                    log.exception("background processing failed")
                    self._last_error = f"{type(err).__name__}: {err}"
                finally:
                    self._busy = False
                    self._runs += 1

    def _run(self, store: SQLiteStore, encoder) -> None:
        # One worker: forking from a threaded server is not safe. An article the analyzer
        # fails on is recorded as failed (GET /api/status lists it) and skipped from then on,
        # so it cannot stop the processing of the articles posted after it.
        analysed = pipeline.analyze_pending(store, 1, self._check)
        if not (analysed.analysed or analysed.failed) and not pipeline.link_work_left(store):
            return
        linked = pipeline.link_all(store, self._check, rewrites=self._rewrites, encoder=encoder)
        pipeline.reconcile_all(store, self._check, linked=linked, embed=encoder)

    def _check(self, stage: str, done: int, total: int | None) -> None:
        """Called between the pipeline's batches, each stored in its own transaction: a
        stop asked for mid-run ends it here, keeping every finished batch."""
        if self._stop.is_set():
            raise _Stopped(stage)


class _Stopped(Exception):
    pass
