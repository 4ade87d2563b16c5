"""Bad input is reported with its path and reason; the run goes on and nothing stored is lost."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import WIRE_TEXT, write

from crosscheck.ingest import IngestOptions, ingest
from crosscheck.pipeline import ingest_into
from crosscheck.records import Article, Rejection


def outcome(*paths, options=None) -> tuple[list[Article], dict[str, str]]:
    items = list(ingest([str(p) for p in paths], options))
    return (
        [i for i in items if isinstance(i, Article)],
        {i.source: i.reason for i in items if isinstance(i, Rejection)},
    )


def test_empty_and_whitespace_files(tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.html", "  \n\t\n")
    empty_jsonl = write(tmp_path / "none.jsonl", "\n\n")
    _, rejected = outcome(empty, blank, empty_jsonl)
    assert rejected == {
        str(empty): "empty file",
        str(blank): "empty file",
        str(empty_jsonl): "empty file",
    }


@pytest.mark.parametrize(("head", "what"), [
    (b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"PK\x03\x04", "ZIP"),
    (b"\x00\x01\x02\x03garbage", "NUL bytes"),
])  # fmt: skip
def test_binary_files_are_named_for_what_they_are(tmp_path, head, what):
    path = write(tmp_path / "report.txt", head + bytes(range(256)) * 20)
    _, rejected = outcome(path)
    assert what in rejected[str(path)] and "not text" in rejected[str(path)]


def test_non_utf8_text_is_decoded_by_detection(tmp_path):
    text = (
        "Gunfire in Saint-Étienne\n\n« Les tirs » — the café owner said three people were wounded. "
        * 3
    )
    path = write(
        tmp_path / "latin.txt",
        (
            "Title\n\n" + WIRE_TEXT + " Café owner José Núñez said the shooting began at 9 p.m."
        ).encode("cp1252"),
    )
    path2 = write(tmp_path / "utf16.txt", text.encode("utf-16"))
    articles, rejected = outcome(path, path2)
    assert not rejected
    assert "José Núñez" in articles[0].text
    assert "Saint-Étienne" in articles[1].text


def test_utf8_cut_mid_character_keeps_the_text_before_the_cut(tmp_path):
    data = ("Title\n\n" + WIRE_TEXT + " The mayor of Ḥamā").encode()
    path = write(tmp_path / "cut.txt", data[:-1])
    [article], rejected = outcome(path)
    assert not rejected and article.text.endswith("The mayor of Ḥam")


def test_invisible_characters_inside_words_are_dropped(tmp_path):
    from crosscheck.analyze import analyze

    text = (
        "WWLTV (Photo: WWLTV) \u200bNEW ORLEANS -- A 15-y\u00adear-old boy was shot Tuesday "
        "evening near Fern and Olive streets, police said. He was taken to a hospital."
    )
    line = {"id": "z", "title": "Teen\u00ad shot\ufeff in Gert Town", "text": text}
    [article], rejected = outcome(write(tmp_path / "a.jsonl", json.dumps(line) + "\n"))
    assert not rejected
    assert "NEW ORLEANS --" in article.text and "15-year-old" in article.text
    assert article.title == "Teen shot in Gert Town"
    found = analyze(article)
    assert ("New Orleans", "Louisiana") in {(p.name, p.admin1) for p in found.places}
    assert {(f.status, f.value) for f in found.figures} == {("shot", 1)}


def test_broken_jsonl_lines_are_rejected_one_by_one(tmp_path):
    good = json.dumps({"id": "ok-1", "text": WIRE_TEXT})
    lines = [
        good,
        '{"id": "bad", "text": "unterminated',
        "[1, 2]",
        '{"id": "no-text"}',
        json.dumps({"id": "ok-2", "text": WIRE_TEXT + " Update."}),
        '{"id": "cut-off", "text": "The last line was trunc',
    ]
    path = write(tmp_path / "dump.jsonl", "\n".join(lines))
    articles, rejected = outcome(path)
    assert [a.id for a in articles] == ["ok-1", "ok-2"]
    assert "invalid JSON" in rejected[f"{path}:2"]
    assert "expected a JSON object" in rejected[f"{path}:3"]
    assert "no 'text' or 'html'" in rejected[f"{path}:4"]
    assert "truncated" in rejected[f"{path}:6"]


def test_enormous_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    _, rejected = outcome(path)
    assert "52.4 MB" in rejected[str(path)] and "limit" in rejected[str(path)]


def test_enormous_jsonl_line_is_refused_and_the_next_line_still_read(tmp_path):
    big = json.dumps({"id": "big", "text": "word " * 3000})
    path = write(
        tmp_path / "d.jsonl", big + "\n" + json.dumps({"id": "small", "text": WIRE_TEXT}) + "\n"
    )
    articles, rejected = outcome(path, options=IngestOptions(max_bytes=5000))
    assert [a.id for a in articles] == ["small"]
    assert "above the 5,000-byte limit" in rejected[f"{path}:1"]


def test_malformed_html_still_gives_text_or_a_reason(tmp_path):
    broken = write(
        tmp_path / "broken.html",
        "<html><body><div><p>" + WIRE_TEXT + "<p>Unclosed <b>tags <i>everywhere",
    )
    nothing = write(
        tmp_path / "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    articles, rejected = outcome(broken, nothing)
    assert "Kafr Nabl" in articles[0].text
    assert rejected[str(nothing)] in (
        "no main text found in the HTML",
        "too short to be a report (1 words)",
    )


def test_malformed_feed_is_rejected_with_reason(tmp_path):
    path = write(tmp_path / "feed.rss", "<?xml version='1.0'?><rss><channel><title>x</title>")
    _, rejected = outcome(path)
    assert "not a readable RSS/Atom feed" in rejected[str(path)]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><title>t</title><item><title>&lol2;</title><description>&lol2;</description></item></channel></rss>"""
XXE = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>"""


@pytest.mark.parametrize("feed", [BILLION_LAUGHS, XXE, BILLION_LAUGHS[:-40]])
def test_hostile_feeds_are_refused(tmp_path, feed):
    path = write(tmp_path / "evil.xml", feed)
    articles, rejected = outcome(path)
    assert not articles
    assert "entities" in rejected[str(path)] and "unsafe" in rejected[str(path)]


def test_missing_paths_are_reported(tmp_path):
    _, rejected = outcome(tmp_path / "nope.txt")
    assert rejected == {str(tmp_path / "nope.txt"): "no such file or folder"}


def test_other_languages_are_reported(tmp_path):
    spanish = (
        "Al menos doce civiles murieron el martes en un bombardeo contra el mercado de la ciudad, "
        "según informaron los equipos de rescate que trabajaron durante toda la noche entre los "
        "escombros de las casas destruidas. "
    ) * 3
    path = write(tmp_path / "es.txt", spanish)
    _, rejected = outcome(path)
    assert "text looks Spanish, not English" in rejected[str(path)]


def test_a_bad_run_keeps_what_was_stored_and_exits_nonzero(tmp_path, store):
    good = write(tmp_path / "first" / "good.txt", "Title\n\n" + WIRE_TEXT)
    ingest_into(store, [str(good)])
    assert store.article_count() == 1
    second = tmp_path / "second"
    write(second / "binary.txt", b"\x00\x01" * 100)
    write(second / "broken.jsonl", '{"id": "x", "text": "cut')
    write(second / "fine.txt", "Another\n\n" + WIRE_TEXT + " A second report.")
    summary = ingest_into(store, [str(second)])
    assert summary.added == 1 and len(summary.rejected) == 2
    assert store.article_count() == 2
    assert store.rejection_count() == 2

    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "crosscheck",
            "run",
            str(second),
            str(good),
            "--out",
            str(out),
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert f"{second / 'binary.txt'}: binary content" in proc.stderr
    assert f"{second / 'broken.jsonl'}:1: invalid JSON" in proc.stderr
    assert len(json.loads((out / "stories.json").read_text())["articles"]) == 2
