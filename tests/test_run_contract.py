"""`crosscheck run` on the bundled example: the outputs users rely on, validated."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from html import unescape

import jsonschema
import pytest
from conftest import EXAMPLES, WIRE_TEXT, write

from crosscheck.present import load_schema


def test_stories_json_validates_against_the_schema(example_run):
    out, _ = example_run
    contract = json.loads((out / "stories.json").read_text())
    jsonschema.Draft202012Validator(load_schema()).validate(contract)
    assert len(contract["articles"]) == 5


def test_schema_rejects_a_contract_missing_a_promised_field(example_run):
    out, _ = example_run
    contract = json.loads((out / "stories.json").read_text())
    del contract["stories"][0]["incident"]["killed"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(contract, load_schema())


def test_verbatim_wire_copy_is_derived_and_shares_the_origin(example_run):
    out, _ = example_run
    articles = {
        a["source"].split("/")[-1]: a
        for a in json.loads((out / "stories.json").read_text())["articles"]
    }
    wire, courier = articles["levant-wire.txt"], articles["daily-courier.html"]
    # The plain-text wire copy names no outlet or date; its dateline credits Levant Wire,
    # and the Courier runs that same credited copy, so the wire is the origin.
    assert wire["outlet"] == "Levant Wire"
    assert wire["story"] == courier["story"]
    assert (wire["origin"], wire["derived_from"]) == (wire["id"], [])
    assert (courier["origin"], courier["derived_from"]) == (wire["id"], [wire["id"]])


def test_wire_story_figures_carry_qualifier_category_attribution_and_support(example_run):
    out, _ = example_run
    contract = json.loads((out / "stories.json").read_text())
    wire_id = next(a["id"] for a in contract["articles"] if a["source"].endswith("levant-wire.txt"))
    story = next(s for s in contract["stories"] if wire_id in s["articles"])
    killed = next(f for f in story["figures"] if f["status"] == "killed" and f["value"] == 23)
    assert (killed["qualifier"], killed["category"]) == ("at least", "civilians")
    assert killed["attributed_to"] == "Syrian Observatory for Human Rights"
    # "no fewer than 23" in the rewrite says the same as "at least 23": one claim, and the
    # wire story, its verbatim copy and the rewrite are one origin.
    assert killed["articles"] == 3 and killed["independent_origins"] == 1
    # Each report supports it from its text, and those whose headline gives the toll
    # ("... kills at least 23 civilians, monitor says") from that too.
    in_text = [s for s in killed["support"] if not s.get("in_title")]
    assert len(in_text) == 3 and len({s["article"] for s in in_text}) == 3
    texts = {a["id"]: a for a in contract["articles"]}
    assert all(s["article"] in texts for s in killed["support"])
    assert story["incident"]["killed"]["best"] == 23
    assert all(b["citations"] for b in story["brief"])


def test_support_spans_point_at_the_stored_text(example_run):
    out, _ = example_run
    from crosscheck.store import SQLiteStore

    contract = json.loads((out / "stories.json").read_text())
    with SQLiteStore(out / "crosscheck.sqlite") as store:
        texts = {a.id: a.text for a in store.articles()}
        titles = {a.id: a.title or "" for a in store.articles()}
    spans = [s for story in contract["stories"] for f in story["figures"] for s in f["support"]]
    extracted = [a["extracted"] for a in contract["articles"]]
    spans += [
        item["span"]
        for found in extracted
        for kind in ("figures", "dates", "places", "entities", "quotes")
        for item in found[kind]
    ]
    assert {"figures", "dates", "places", "entities", "quotes"} <= {
        kind for found in extracted for kind, items in found.items() if items
    }
    # A span marked in_title (a place or figure read from the headline) indexes the title.
    for span in spans:
        source = titles if span.get("in_title") else texts
        assert source[span["article"]][span["start"] : span["end"]] == span["text"]
    headline = [p for found in extracted for p in found["places"] if p["in_title"]]
    assert headline
    assert all(p["span"]["in_title"] for p in headline)


def test_summary_line_and_incidents_csv(example_run):
    out, stdout = example_run
    assert "5 articles read (5 new" in stdout and "0 rejected" in stdout
    rows = list(csv.DictReader((out / "incidents.csv").open()))
    assert (
        rows
        and {"story_id", "killed_best", "injured_best", "independent_origins"} <= rows[0].keys()
    )
    saraqib = next(r for r in rows if "Saraqib" in r["places"])
    # UCDP GED-like and ACLED-like columns of the drone strike on the market.
    assert saraqib["where_coordinates"] == "Saraqib" and saraqib["where_prec"] == "1"
    assert saraqib["country"] == "SY" and float(saraqib["latitude"]) == pytest.approx(35.86, 0.01)
    assert saraqib["event_type"] == "Explosions/Remote violence"
    assert saraqib["sub_event_type"] == "Air/drone strike"
    assert saraqib["fatalities"] == saraqib["killed_best"] == "23"
    assert saraqib["deaths_civilians"] == "23"
    assert "Levant Wire" in saraqib["source"]


def test_a_vague_figure_keeps_its_words_in_the_contract_and_the_report(example_run):
    out, _ = example_run
    contract = json.loads((out / "stories.json").read_text())
    [injured] = [
        f
        for s in contract["stories"]
        for f in s["figures"]
        if f["support"][0]["text"] == "dozens injured"
    ]
    assert (injured["vague"], injured["value"], injured["low"], injured["high"]) == (
        "dozens",
        12,
        12,
        99,
    )
    extracted = [
        f
        for a in contract["articles"]
        for f in a["extracted"]["figures"]
        if f["status"] == "injured"
    ]
    assert {f["vague"] for f in extracted if f["low"] == f["high"]} <= {None}
    assert "<td>dozens (12–99)</td>" in (out / "report.html").read_text()


def test_places_geojson_validates_and_puts_the_story_on_the_map(example_run):
    out, _ = example_run
    places = json.loads((out / "places.geojson").read_text())
    jsonschema.Draft202012Validator(load_schema("places")).validate(places)
    primary = [f for f in places["features"] if f["properties"]["primary"]]
    saraqib = next(f for f in primary if f["properties"]["name"] == "Saraqib")
    lon, lat = saraqib["geometry"]["coordinates"]
    assert 36.5 < lon < 36.9 and 35.7 < lat < 36.0
    assert saraqib["properties"]["killed_best"] == 23


def test_rerun_adds_nothing(example_run):
    out, _ = example_run
    proc = subprocess.run(
        [sys.executable, "-m", "crosscheck", "run", str(EXAMPLES), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert "(0 new, 5 already stored" in proc.stdout


def test_hostile_text_is_escaped_in_the_report_and_neutralised_in_csv(tmp_path):
    hostile = [
        {
            "id": "x1",
            "title": "<script>alert(1)</script>",
            "text": WIRE_TEXT + ' <img src=x onerror="alert(2)">',
        },
        {
            "id": "x2",
            "title": '=HYPERLINK("http://evil.example")',
            "text": "Police said two people were wounded in a shooting outside a bar in Dayton, Ohio, "
            "late on Friday. Both victims were taken to Miami Valley Hospital.",
        },
    ]
    src = write(tmp_path / "in.jsonl", "\n".join(json.dumps(h) for h in hostile))
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "crosscheck", "run", str(src), "--out", str(out), "-q"]
    )
    assert proc.returncode == 0
    html = (out / "report.html").read_text()
    assert (
        "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    )
    assert "<img src=x" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in unescape(html)
    assert "script-src" not in html
    titles = [row["title"] for row in csv.DictReader((out / "incidents.csv").open())]
    assert '\'=HYPERLINK("http://evil.example")' in titles
    assert all(not t.startswith("=") for t in titles)


def test_the_contract_says_where_a_wire_report_was_filed_from(example_run):
    # The example's articles have no foreign dateline; one article's extracted record is
    # given one and must still validate, while a wrong shape must not.
    from crosscheck.analyze import analyze
    from crosscheck.present.contract import _extracted
    from crosscheck.records import Article

    analysis = analyze(
        Article(
            "m", "wire",
            "Moscow (USSR), 6 Jul 89 (Tass) -- Thirty seamen were injured by a bomb under a "
            "bus in the Peruvian port of Callao.",
            "h",
        )
    )  # fmt: skip
    out, _ = example_run
    contract = json.loads((out / "stories.json").read_text())
    contract["articles"][0]["extracted"] = _extracted(analysis)
    contract = json.loads(json.dumps(contract))
    jsonschema.Draft202012Validator(load_schema()).validate(contract)
    extracted = contract["articles"][0]["extracted"]
    assert extracted["filed_from"]["name"] == "Moscow"
    assert [p["name"] for p in extracted["places"]] == ["Callao"]
    extracted["filed_from"] = "Moscow"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(contract, load_schema())
