"""Each input form becomes articles with the fields users rely on."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import WIRE_TEXT, write

from crosscheck.ingest import ingest, ingest_bytes
from crosscheck.records import Article, Rejection


def articles_of(*paths) -> list[Article]:
    items = list(ingest([str(p) for p in paths]))
    assert not [i for i in items if isinstance(i, Rejection)], items
    return items


def test_plain_text_uses_a_headline_first_line_as_title(tmp_path):
    path = write(tmp_path / "report.txt", "Shelling kills 12 in Kafr Nabl\n\n" + WIRE_TEXT)
    [article] = articles_of(path)
    assert article.title == "Shelling kills 12 in Kafr Nabl"
    assert article.text.startswith("BEIRUT (Levant Wire)")
    assert article.source == str(path)
    assert article.published is None


def test_plain_text_whose_first_line_is_a_sentence_has_no_title(tmp_path):
    path = write(tmp_path / "note.txt", WIRE_TEXT)
    [article] = articles_of(path)
    assert article.title is None
    assert article.text == WIRE_TEXT


def test_html_keeps_main_text_and_metadata_and_drops_boilerplate(tmp_path):
    html = f"""<!doctype html><html><head><title>Shelling kills 12 | The Herald</title>
    <meta property="og:site_name" content="The Herald"><meta name="author" content="Jane Roe">
    <meta property="article:published_time" content="2024-05-07T08:30:00Z"></head>
    <body><nav>Home | World | Subscribe now</nav><article><h1>Shelling kills 12</h1>
    {"".join(f"<p>{p}</p>" for p in WIRE_TEXT.split(chr(10) + chr(10)))}</article>
    <footer>Copyright The Herald. All rights reserved.</footer></body></html>"""
    [article] = articles_of(write(tmp_path / "page.html", html))
    assert article.title == "Shelling kills 12"
    assert article.outlet == "The Herald"
    assert article.author == "Jane Roe"
    assert article.published == "2024-05-07"
    assert "Kafr Nabl" in article.text
    assert "Subscribe" not in article.text and "Copyright" not in article.text


def test_jsonl_records_keep_their_ids_and_fields(tmp_path):
    lines = [
        {
            "id": "a1",
            "url": "http://web.archive.org/web/2014/http://www.sacbee.com/x.html",
            "title": "T1",
            "published": "2014-06-01",
            "text": WIRE_TEXT,
        },
        {
            "id": "a2",
            "outlet": "The Herald",
            "published": "Tue, 07 May 2024 10:00:00 +0200",
            "html": f"<html><body><article><p>{WIRE_TEXT}</p></article></body></html>",
        },
    ]
    path = write(tmp_path / "dump.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = articles_of(path)
    assert (first.id, first.title, first.published) == ("a1", "T1", "2014-06-01")
    assert first.outlet == "sacbee.com"  # looked through the archive.org wrapper
    assert first.source == f"{path}:1"
    assert second.id == "a2" and second.outlet == "The Herald"
    assert second.published == "2024-05-07T08:00:00Z"
    assert "Kafr Nabl" in second.text


def test_json_array_file(tmp_path):
    path = write(
        tmp_path / "two.json", json.dumps([{"text": WIRE_TEXT}, {"text": WIRE_TEXT + " More."}])
    )
    assert len(articles_of(path)) == 2


RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Times</title><link>https://valleytimes.example/</link>
<item><title>Shelling kills 12</title><link>https://valleytimes.example/a</link>
<pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<p>{}</p><p>Second paragraph with <b>bold</b> text.</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>Second entry</title><link>https://valleytimes.example/b</link><description>Police said two people were wounded in a separate attack on Wednesday.</description></item>
</channel></rss>""".format(WIRE_TEXT.replace("\n\n", " "))


def test_rss_feed_gives_one_article_per_entry_with_full_content(tmp_path):
    first, second = articles_of(write(tmp_path / "feed.xml", RSS))
    assert first.title == "Shelling kills 12" and first.outlet == "Valley Times"
    assert first.url == "https://valleytimes.example/a"
    assert first.published == "2024-05-07T10:00:00Z"
    assert "Kafr Nabl" in first.text and "Second paragraph with bold text." in first.text
    assert "alert" not in first.text
    assert second.text.startswith("Police said two people")


def test_atom_feed(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Atom News</title><entry><title>Entry</title><link href="https://atom.example/1"/>
    <updated>2024-05-08T12:00:00Z</updated><content type="html">&lt;p&gt;{WIRE_TEXT}&lt;/p&gt;</content></entry></feed>"""
    [article] = articles_of(write(tmp_path / "news.atom", atom))
    assert article.outlet == "Atom News" and article.published == "2024-05-08T12:00:00Z"
    assert "Kafr Nabl" in article.text


def test_folders_are_read_recursively_in_a_stable_order_skipping_hidden_files(tmp_path):
    write(tmp_path / "b" / "deep" / "two.txt", "Two\n\n" + WIRE_TEXT + " Two.")
    write(tmp_path / "a.txt", "One\n\n" + WIRE_TEXT)
    write(tmp_path / ".git" / "config.txt", "not a report at all, hidden")
    titles = [a.title for a in articles_of(tmp_path)]
    assert titles == ["One", "Two"]


def test_stdin_is_sniffed(tmp_path):
    line = json.dumps({"id": "from-stdin", "text": WIRE_TEXT})
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "crosscheck", "run", "-", "--out", str(out), "--quiet"],
        input=line.encode(),
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    contract = json.loads((out / "stories.json").read_text())
    assert [a["id"] for a in contract["articles"]] == ["from-stdin"]
    assert contract["articles"][0]["source"] == "<stdin>:1"


def test_same_record_gets_the_same_id_whatever_file_it_comes_from(tmp_path):
    a = ingest_bytes(("Title\n\n" + WIRE_TEXT).encode(), "x.txt")[0]
    b = ingest_bytes(("Title\n\n" + WIRE_TEXT).encode(), "elsewhere/y.txt")[0]
    c = ingest_bytes(("Other title\n\n" + WIRE_TEXT).encode(), "z.txt")[0]
    assert a.id == b.id != c.id
    assert a.content_hash == c.content_hash
