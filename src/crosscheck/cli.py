"""The `crosscheck` command: the whole pipeline in one go, or one stage at a time."""

from __future__ import annotations

import os
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from crosscheck import pipeline
from crosscheck.ingest import DEFAULT_MAX_BYTES, IngestOptions
from crosscheck.present.outputs import write_outputs
from crosscheck.present.web.settings import (
    DEFAULT_BODY_TIMEOUT,
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_MAX_BODY,
    DEFAULT_MAX_UPLOADS,
    TOKEN_ENV,
)
from crosscheck.records import Rejection
from crosscheck.runner import Pipeline
from crosscheck.store import Store, StoreError, open_store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news reports of a violent or crisis event into a sourced record of what happened.",
)
# No console markup: file names, reasons and paths are the user's, and "[/x]" in a folder
# name must print as itself, not be read as a closing tag.
_err = Console(stderr=True, highlight=False, markup=False)
_out = Console(highlight=False, markup=False)

_CPUS = os.cpu_count() or 1
# Exit status 1: the run finished, but some input was rejected or could not be analysed.
EXIT_REJECTED = 1
# Exit status 2: a usage error (a store that is not one, a missing input folder for Spark).
EXIT_USAGE = 2
# Exit status 3: the run itself failed; what earlier steps stored is kept.
EXIT_CRASHED = 3
# Connections `serve` holds at once before answering 503.
_MAX_CONNECTIONS = 1000

Inputs = Annotated[
    list[str], typer.Argument(help="Files, folders (read recursively) or - for stdin.")
]
Db = Annotated[
    Path | None, typer.Option("--db", help="SQLite store (default: OUT/crosscheck.sqlite).")
]
DbRequired = Annotated[Path, typer.Option("--db", help="SQLite store file.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Largest document accepted, in bytes.")]
Workers = Annotated[
    int,
    typer.Option(
        "--workers", help="Processes for per-article analysis; threads for sentence embedding."
    ),
]
Rewrites = Annotated[
    bool,
    typer.Option(
        "--rewrites/--no-rewrites",
        help="Look for paraphrased rewrites with sentence embeddings (a run about 1.4x as long).",
    ),
]
Full = Annotated[
    bool, typer.Option("--full", help="Relink every stored article instead of only new ones.")
]


@app.command()
def run(
    inputs: Inputs,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Folder for stories.json, report.html, incidents.csv."),
    ],
    db: Db = None,
    quiet: Quiet = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    workers: Workers = _CPUS,
    rewrites: Rewrites = True,
) -> None:
    """Ingest, analyze, link, reconcile and write every output."""
    with _progress(quiet) as progress:
        pipe = _pipeline(
            db or out / "crosscheck.sqlite", progress, True, workers, rewrites, max_bytes
        )
        with pipe:
            result = pipe.run(inputs)
            outputs = pipe.write(out)
    if not quiet:
        summary, analysed = result.ingested, result.analysed
        failed = f", {len(analysed.failed)} failed analysis" if analysed.failed else ""
        _out.print(
            f"{summary.read} articles read ({summary.added} new, {summary.already_stored} "
            f"already stored, {summary.duplicates} duplicates), {len(summary.rejected)} rejected"
            f"{failed}, {result.stories} {'story' if result.stories == 1 else 'stories'} "
            f"-> {printable(str(outputs.stories_json.parent))}/",
            soft_wrap=True,
        )
    if result.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def spark(
    inputs: Annotated[
        list[str], typer.Argument(help="Files or folders every Spark executor can read.")
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="New folder for the outputs, as Spark part files."),
    ],
    master: Annotated[
        str | None,
        typer.Option(help="Spark master URL (default: spark-submit's, or local[*])."),
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(help="Partitions to analyse in (default: 4 per core of the cluster)."),
    ] = None,
    quiet: Quiet = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    rewrites: Rewrites = True,
) -> None:
    """Run the whole pipeline on Apache Spark, for pools that outgrow one machine."""
    try:
        from pyspark.sql import SparkSession

        from crosscheck.spark import run_on_spark
    except ImportError:
        _error("crosscheck spark needs pyspark: pip install 'crosscheck[spark]'")
        raise typer.Exit(EXIT_USAGE) from None
    if out.exists():
        _error(f"{printable(str(out))} exists: Spark writes into a new folder")
        raise typer.Exit(EXIT_USAGE)
    # Local executors run this interpreter, where crosscheck is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("crosscheck").config(
        "spark.ui.showConsoleProgress", "false" if quiet else "true"
    )
    session = (builder.master(master) if master else builder).getOrCreate()
    try:
        result = run_on_spark(session, inputs, out, IngestOptions(max_bytes), rewrites, partitions)
    finally:
        session.stop()
    if not quiet:
        _out.print(
            f"{result.read} articles read ({result.duplicates} duplicates), {result.rejected} "
            f"rejected, {result.stories} stories -> {printable(str(out))}/"
        )
    if result.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command("ingest")
def ingest_command(
    inputs: Inputs, db: DbRequired, quiet: Quiet = False, max_bytes: MaxBytes = DEFAULT_MAX_BYTES
) -> None:
    """Read reports into the store without analysing them."""
    with _progress(quiet) as progress, _pipeline(db, progress, True, max_bytes=max_bytes) as pipe:
        summary = pipe.ingest(inputs)
    if not quiet:
        _out.print(
            f"{summary.read} articles read ({summary.added} new, {summary.already_stored} already "
            f"stored, {summary.duplicates} duplicates), {len(summary.rejected)} rejected"
        )
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def analyze(db: DbRequired, quiet: Quiet = False, workers: Workers = _CPUS) -> None:
    """Analyze stored articles that have no current analysis."""
    with _progress(quiet) as progress, _pipeline(db, progress, workers=workers) as pipe:
        summary = pipe.analyze()
    if not quiet:
        _out.print(f"{summary.analysed} articles analysed, {len(summary.failed)} failed")
    if summary.failed:
        raise typer.Exit(EXIT_REJECTED)


@app.command("link")
def link_command(
    db: DbRequired,
    quiet: Quiet = False,
    rewrites: Rewrites = True,
    full: Full = False,
    workers: Workers = _CPUS,
) -> None:
    """Place new articles into stories (or relink all), find derivations, and reconcile
    the stories that changed."""
    with (
        _progress(quiet) as progress,
        _pipeline(db, progress, workers=workers, rewrites=rewrites) as pipe,
    ):
        pipe.analyze()
        linked = pipe.link(full=full)
        pipe.reconcile(linked)
    if not quiet:
        changed = "all" if linked.changed is None else len(linked.changed)
        _out.print(f"{linked.stories} stories ({changed} new or changed)")


@app.command()
def report(
    db: DbRequired, out: Annotated[Path, typer.Option("--out", "-o")], quiet: Quiet = False
) -> None:
    """Write stories.json, report.html and incidents.csv from a store."""
    store = _open(db)
    outputs = write_outputs(store, out)
    if not quiet:
        written = (outputs.stories_json, outputs.report_html, outputs.incidents_csv)
        _out.print("wrote " + ", ".join(printable(str(p)) for p in written))
    store.close()


@app.command()
def serve(
    db: DbRequired,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar=TOKEN_ENV,
            help=f"Bearer token writes must carry (better: the {TOKEN_ENV} environment "
            "variable). Without one the server is read-only.",
            show_default=False,
        ),
    ] = None,
    max_body: Annotated[
        int, typer.Option("--max-body", help="Largest request body accepted, in bytes.")
    ] = DEFAULT_MAX_BODY,
    allow_url_ingest: Annotated[
        bool, typer.Option("--allow-url-ingest", help="Let clients have the server fetch a URL.")
    ] = False,
    process: Annotated[
        bool,
        typer.Option("--process/--no-process", help="Analyze, link and reconcile posted articles."),
    ] = True,
    rewrites: Rewrites = False,
    create: Annotated[
        bool, typer.Option("--create", help="Start an empty store when DB does not exist.")
    ] = False,
    header_timeout: Annotated[
        float, typer.Option(help="Seconds a client has to send a request's headers.")
    ] = DEFAULT_HEADER_TIMEOUT,
    body_timeout: Annotated[
        float, typer.Option(help="Seconds a write's body may pause between its parts.")
    ] = DEFAULT_BODY_TIMEOUT,
    max_uploads: Annotated[
        int, typer.Option(help="Write bodies read at once; more are answered 503.")
    ] = DEFAULT_MAX_UPLOADS,
) -> None:
    """Serve the web app and the HTTP API (/api, OpenAPI at /api/openapi.json) over a store."""
    import uvicorn

    from crosscheck.present.web import ServerSettings, create_app
    from crosscheck.present.web.protocol import guarded_protocol

    # Checked now, so a store that is not one, or cannot be written, stops the server at
    # its start with the reason instead of answering 500 to every request.
    _open(db, create=create, hint="run `crosscheck run` first, or pass --create").close()
    settings = ServerSettings(
        db=db,
        token=token or None,
        max_body=max_body,
        allow_url_ingest=allow_url_ingest,
        process=process,
        rewrites=rewrites,
        header_timeout=header_timeout,
        body_timeout=body_timeout,
        max_uploads=max_uploads,
    )
    _err.print(
        f"crosscheck serving {printable(str(db))} on http://{host}:{port}/ "
        f"({'writes need the token' if settings.token else 'read-only: no token set'})"
    )
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="warning",
        http=guarded_protocol(settings.header_timeout),
        # Past this many connections and tasks, answer 503 rather than queue without end.
        limit_concurrency=_MAX_CONNECTIONS,
    )


def main() -> None:
    """The console entry point: the commands, with a crash of the run itself (not of one
    input, which is a rejection) reported as exit status 3 rather than Python's 1, which
    already means "finished, some input rejected"."""
    try:
        app(prog_name="crosscheck")
    except Exception as err:
        traceback.print_exc()
        _error(f"crosscheck failed: {printable(type(err).__name__)}: {printable(str(err))}")
        sys.exit(EXIT_CRASHED)


def printable(text: str) -> str:
    """`text` with control characters escaped: a file name holding a newline or a terminal
    escape cannot forge a line of output or repaint the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def _pipeline(
    db: Path,
    progress: pipeline.Progress,
    create: bool = False,
    workers: int = 1,
    rewrites: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Pipeline:
    """The library's Pipeline over `db`, rejections printed as they come; a store that
    cannot be used is a usage error."""
    try:
        return Pipeline(
            db,
            create=create,
            workers=workers,
            rewrites=rewrites,
            max_bytes=max_bytes,
            progress=progress,
            on_reject=_report_rejection,
        )
    except StoreError as err:
        _error(printable(str(err)))
        raise typer.Exit(EXIT_USAGE) from None


def _open(db: Path, create: bool = False, hint: str | None = None) -> Store:
    try:
        return open_store(str(db), create=create)
    except StoreError as err:
        _error(printable(str(err)) + (f": {hint}" if hint and not db.exists() else ""))
        raise typer.Exit(EXIT_USAGE) from None


def _error(message: str) -> None:
    _err.print(Text.assemble(("error", "red"), ": ", message), soft_wrap=True)


def _report_rejection(rejection: Rejection) -> None:
    _err.print(
        Text.assemble(
            ("rejected", "yellow"),
            " ",
            printable(rejection.source),
            ": ",
            printable(rejection.reason),
        ),
        soft_wrap=True,
    )


@contextmanager
def _progress(quiet: bool):
    if quiet or not _err.is_terminal:
        yield pipeline.no_progress
        return
    bar = Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update
