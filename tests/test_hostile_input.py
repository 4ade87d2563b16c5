"""Inputs built to break a run: each is refused or survived on its own, the good reports of
the same batch are stored and linked, and the exit status tells rejection from crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import WIRE_TEXT, write

from crosscheck import analyze as analyze_module
from crosscheck import pipeline
from crosscheck.analyze import ANALYZER_VERSION, analyze
from crosscheck.ingest import ingest
from crosscheck.ingest.draft import MAX_TEXT_CHARS
from crosscheck.records import Article, Rejection

GOOD = {"id": "good", "title": "Shelling kills 12 in Kafr Nabl", "text": WIRE_TEXT}
DEEP = "[" * 100_000 + "]" * 100_000


def crosscheck(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def rejected(*paths) -> dict[str, str]:
    items = list(ingest([str(p) for p in paths]))
    return {i.source: i.reason for i in items if isinstance(i, Rejection)}


def test_deeply_nested_json_is_refused_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    write(folder / "deep.json", DEEP)
    write(folder / "lines.jsonl", DEEP + "\n" + json.dumps(GOOD) + "\n")
    out = tmp_path / "out"
    proc = crosscheck("run", str(folder), "--out", str(out), "--no-rewrites", "--quiet")
    assert proc.returncode == 1, proc.stderr
    assert f"{folder / 'deep.json'}: JSON nested more than 64 levels deep" in proc.stderr
    assert f"{folder / 'lines.jsonl'}:1: JSON nested more than 64" in proc.stderr
    stored = json.loads((out / "stories.json").read_text())
    assert [a["id"] for a in stored["articles"]] == ["good"]
    assert len(stored["stories"]) == 1


def test_names_with_markup_and_control_characters_print_as_themselves(tmp_path):
    folder = tmp_path / "bad[/x]"
    write(folder / "empty[red].txt", "")
    write(folder / "line\nrejected fake.txt: forged", "")
    write(folder / "ansi\x1b[2J.txt", "")
    proc = crosscheck("ingest", str(folder), "--db", str(tmp_path / "s.sqlite"), "--quiet")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.splitlines()
    assert f"rejected {folder}/empty[red].txt: empty file" in lines
    # The newline and the escape are shown escaped: one line per rejection, none forged.
    assert f"rejected {folder}/line\\nrejected fake.txt: forged: empty file" in lines
    assert f"rejected {folder}/ansi\\x1b[2J.txt: empty file" in lines
    assert len(lines) == 3 and "\x1b" not in proc.stderr


@pytest.mark.parametrize(
    "published",
    ["9999-12-31T23:59:59-14:00", "9999-12-31", "0001-01-01T00:00:00+14:00", "1850-06-01"],
)
def test_dates_out_of_range_are_refused_at_ingest(tmp_path, published):
    record = GOOD | {"published": published, "text": "Early Saturday, " + WIRE_TEXT}
    path = write(tmp_path / "a.jsonl", json.dumps(record) + "\n")
    assert rejected(path) == {f"{path}:1": f"publication date {published!r} is outside 1900-2100"}


def test_a_text_over_the_parsers_limit_is_refused_with_its_size(tmp_path):
    text = "Title\n\n" + (WIRE_TEXT + "\n\n") * (MAX_TEXT_CHARS // len(WIRE_TEXT) + 1)
    path = write(tmp_path / "dump.txt", text)
    assert path.stat().st_size < 16 * 1024 * 1024  # under --max-bytes: the text is the problem
    reason = rejected(path)[str(path)]
    assert "characters, above the 1,000,000-character limit" in reason
    # Analysis accepts every text ingest lets through.
    assert analyze_module.load_nlp().max_length >= MAX_TEXT_CHARS


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_like_a_report_is_refused_without_a_read(tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.jsonl", json.dumps(GOOD) + "\n")
    os.mkfifo(folder / "a.txt")  # nobody writes to it: opening it to read would block
    proc = crosscheck("ingest", str(folder), "--db", str(tmp_path / "s.sqlite"), timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert f"{folder / 'a.txt'}: not a regular file" in proc.stderr
    assert "1 articles read (1 new" in proc.stdout
    direct = rejected(folder / "a.txt")
    assert direct == {str(folder / "a.txt"): "not a regular file (a FIFO, socket or device)"}


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder / "good.jsonl", json.dumps(GOOD) + "\n")
    locked = folder / "locked"
    locked.mkdir()
    scandir = os.scandir

    def refuse(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    # As root a chmod cannot lock a folder; refusing its listing is what the kernel would do.
    monkeypatch.setattr(os, "scandir", refuse)
    assert rejected(folder) == {str(locked): "cannot read folder: Permission denied"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Al menos doce civiles murieron el martes en un bombardeo contra el mercado.", "Spanish"),
        ("Des hommes armés ont tué douze civils mardi dans le village, selon les secours.", "French"),
        ("قتل 12 مدنيا على الأقل في قصف على قرية كفرنبل يوم الثلاثاء بحسب المرصد", "Arabic script"),
        ("Al menos doce civiles murieron el martes en un bombardeo contra el mercado de la ciudad, "
         "según informaron los equipos de rescate que trabajaron durante toda la noche entre los "
         "escombros de las casas destruidas. " * 3, "Spanish"),
    ],
)  # fmt: skip
def test_other_languages_are_refused_however_short(tmp_path, text, why):
    path = write(tmp_path / "a.txt", "Title\n\n" + text)
    reason = rejected(path)[str(path)]
    assert why in reason and "crosscheck analyses English reports" in reason


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people in Kafr Nabl on Tuesday, the monitor said.",
        "A man was shot near Plaza de la Paz in San Juan de los Lagos on Friday, police said.",
        "Shelling hit Deir ez-Zor and al-Mayadin overnight, killing four, the SOHR reported.",
    ],
)
def test_short_english_reports_with_foreign_names_are_kept(tmp_path, text):
    path = write(tmp_path / "a.txt", "Title\n\n" + text)
    assert rejected(path) == {}


def test_control_character_soup_is_not_text(tmp_path):
    soup = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r\f") * 40
    raw = write(tmp_path / "soup.txt", "Title\n\n" + WIRE_TEXT[:80] + soup)
    escaped = write(
        tmp_path / "soup.jsonl", json.dumps({"id": "s", "text": WIRE_TEXT[:80] + soup}) + "\n"
    )
    found = rejected(raw, escaped)
    assert found[str(raw)] == "binary content (control characters), not text"
    assert found[f"{escaped}:1"] == "binary content (control characters), not text"


def test_a_blank_region_after_a_place_does_not_break_analysis():
    text = "Two men were shot dead on Sunday, police said. The mayor of Paris,\n\n said nothing."
    article = Article("blank", "t", text, "h", title="Two shot dead")
    assert analyze(article).article == "blank"


def test_an_article_the_analyzer_fails_on_is_recorded_and_skipped(store, monkeypatch):
    articles = [
        Article(f"a{n}", f"in/{n}.txt", WIRE_TEXT + f" Report {n}.", f"h{n}", title=f"Report {n}")
        for n in range(3)
    ]
    store.add_articles(articles)
    real = analyze_module._analysis

    def fail_on_one(article, doc, headline):
        if article.id == "a1":
            raise OverflowError("date value out of range")
        return real(article, doc, headline)

    monkeypatch.setattr(analyze_module, "_analysis", fail_on_one)
    summary = pipeline.analyze_pending(store)
    assert summary.analysed == 2
    assert summary.failed == [
        Rejection("in/1.txt", "analysis failed: OverflowError: date value out of range")
    ]
    assert [(f.article, f.error) for f in store.failed_analyses(ANALYZER_VERSION)] == [
        ("a1", "OverflowError: date value out of range")
    ]
    assert store.rejection_count() == 1
    # Later runs skip it, and link and reconcile the rest.
    assert store.unanalysed(ANALYZER_VERSION) == []
    again = pipeline.analyze_pending(store)
    assert (again.analysed, again.failed) == (0, [])
    pipeline.reconcile_all(store, linked=pipeline.link_all(store, rewrites=False))
    assert sorted(store.linkage().story_of()) == ["a0", "a2"]
    # A new analyzer tries it again.
    assert store.unanalysed("next-version") == ["a0", "a1", "a2"]


def test_one_article_spoiling_a_spacy_batch_costs_only_itself(monkeypatch):
    nlp = analyze_module.load_nlp()
    pipe = nlp.pipe

    def pipe_failing_on_poison(texts, **kwargs):
        texts = list(texts)
        if any("POISON" in t for t in texts):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum")
        return pipe(texts, **kwargs)

    class Wrapped:
        def __getattr__(self, name):
            return getattr(nlp, name)

        def __call__(self, text):
            return next(iter(pipe_failing_on_poison([text])))

        pipe = staticmethod(pipe_failing_on_poison)

    monkeypatch.setattr(analyze_module, "load_nlp", Wrapped)
    batch = [
        Article("ok1", "s", WIRE_TEXT, "h1"),
        Article("bad", "s", WIRE_TEXT + " POISON", "h2"),
        Article("ok2", "s", WIRE_TEXT + " Later.", "h3"),
    ]
    results = analyze_module.analyze_many(batch)
    assert [type(r).__name__ for r in results] == ["Analysis", "AnalysisFailure", "Analysis"]
    assert results[1].error.startswith("ValueError: [E088]")


def test_a_crash_of_the_run_itself_exits_3_and_keeps_what_was_stored(tmp_path):
    blocker = write(tmp_path / "not-a-folder", "a file where the output folder should be")
    db = tmp_path / "s.sqlite"
    input_ = write(tmp_path / "in" / "good.jsonl", json.dumps(GOOD) + "\n")
    proc = crosscheck("run", str(input_), "--out", str(blocker / "out"), "--db", str(db))
    assert proc.returncode == 3, proc.stderr
    assert "crosscheck failed:" in proc.stderr
    listing = crosscheck("report", "--db", str(db), "--out", str(tmp_path / "report"))
    assert listing.returncode == 0, listing.stderr
    stored = json.loads((tmp_path / "report" / "stories.json").read_text())
    assert [a["id"] for a in stored["articles"]] == ["good"] and len(stored["stories"]) == 1
