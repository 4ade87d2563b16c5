"""crosscheck as a library: the whole pipeline over one store, from Python.

    from crosscheck import Pipeline

    with Pipeline("out/crosscheck.sqlite") as pipeline:
        result = pipeline.run(["examples/"])
        pipeline.write("out/")
        for story in pipeline.stories():
            print(story.title, story.incident.killed.best)

Each step is also a method of its own (`ingest`, `analyze`, `link`, `reconcile`), as the
command line has a command for each; they keep the store consistent whichever order they
are called in, and a step interrupted is finished by the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from crosscheck import pipeline as steps
from crosscheck.analyze import analyze
from crosscheck.ingest import DEFAULT_MAX_BYTES, IngestOptions
from crosscheck.ingest.draft import Draft, finish
from crosscheck.ingest.errors import InputError
from crosscheck.link.embeddings import LazyEncoder
from crosscheck.present.outputs import Outputs, write_outputs
from crosscheck.records import Analysis, Article, Rejection, StoryRecord
from crosscheck.store import Store, open_store


def analyze_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Analysis:
    """What analysis finds in one report: its figures, dates, places, people, quotes, each
    with the span of `text` it came from. InputError when the text is refused as ingest
    would refuse it (too short, not English, a date out of range)."""
    article = finish(
        Draft(text=text, title=title, published=published, outlet=outlet, url=url), "<text>"
    )
    if not isinstance(article, Article):
        raise InputError(article.reason)
    return analyze(article)


@dataclass(frozen=True, slots=True)
class RunResult:
    """What `Pipeline.run` did: what ingest read and stored, what analysis did, and the
    stories the store holds after it."""

    ingested: steps.IngestSummary
    analysed: steps.AnalyzeSummary
    stories: int

    @property
    def read(self) -> int:
        return self.ingested.read

    @property
    def added(self) -> int:
        return self.ingested.added

    @property
    def rejected(self) -> tuple[Rejection, ...]:
        """Unreadable inputs, then the articles analysis failed on."""
        return (*self.ingested.rejected, *self.analysed.failed)


class Pipeline:
    """ingest → analyze → link → reconcile over the store at `db` (a SQLite file, created
    when missing unless `create` is False). Raises crosscheck.store.StoreError when `db` is
    not a crosscheck store or was written by a newer crosscheck."""

    def __init__(
        self,
        db: str | Path,
        *,
        create: bool = True,
        workers: int = 1,
        rewrites: bool = True,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: steps.Progress = steps.no_progress,
        on_reject: Callable[[Rejection], None] | None = None,
    ) -> None:
        """`progress` hears each step's progress; `on_reject` each input or article
        rejected, as it happens (the command line prints them)."""
        self.store: Store = open_store(str(db), create=create)
        self._workers = workers
        self._rewrites = rewrites
        self._options = IngestOptions(max_bytes)
        self._progress = progress
        self._on_reject = on_reject
        # Loaded on first use and shared by linking and reconciling.
        self._encoder = LazyEncoder(threads=workers) if rewrites else None

    def ingest(self, inputs: Iterable[str | Path]) -> steps.IngestSummary:
        """Store the reports in files, folders (recursively) or "-" (standard input)."""
        return steps.ingest_into(
            self.store, [str(i) for i in inputs], self._options, self._progress, self._on_reject
        )

    def analyze(self) -> steps.AnalyzeSummary:
        """Analyse every stored article without a current analysis."""
        return steps.analyze_pending(self.store, self._workers, self._progress, self._on_reject)

    def link(self, *, full: bool = False) -> steps.Linked:
        """Place analysed articles into stories (every article when `full`)."""
        return steps.link_all(
            self.store, self._progress, rewrites=self._rewrites, full=full, encoder=self._encoder
        )

    def reconcile(self, linked: steps.Linked | None = None) -> int:
        """Reconcile the stories `linked` changed (all of them when None) and any an
        interrupted run left; returns how many were reconciled."""
        return steps.reconcile_all(self.store, self._progress, linked=linked, embed=self._encoder)

    def run(self, inputs: Iterable[str | Path]) -> RunResult:
        """All four steps, as `crosscheck run` does them."""
        ingested = self.ingest(inputs)
        analysed = self.analyze()
        linked = self.link()
        self.reconcile(linked)
        return RunResult(ingested, analysed, linked.stories)

    def stories(self) -> list[StoryRecord]:
        return self.store.stories()

    def write(self, out: str | Path) -> Outputs:
        """Write stories.json, report.html, incidents.csv and places.geojson into `out`."""
        return write_outputs(self.store, Path(out))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
