"""End to end in headless Chromium: `crosscheck serve` on a loopback port, and report.html
opened from disk. Screenshots go to test-artifacts/ (CROSSCHECK_ARTIFACTS)."""

from __future__ import annotations

import json
import shutil
import time

import httpx
import pytest
from conftest import WIRE_TEXT, write
from playwright.sync_api import Page, expect, sync_playwright

from crosscheck import Pipeline
from tests.web import TOKEN, chromium_path, overlapping, screenshot, serving


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    opened.problems = []  # console errors (CSP violations among them) and dialogs
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield opened
    context.close()


def check_story_visuals(page: Page) -> None:
    """The map, the timeline and the derivation graph of the first story on the page."""
    story = page.locator("section.story").first
    expect(story.locator("svg.map use").first).to_be_attached()
    assert story.locator("svg.map circle.marker").count() >= 1
    box = story.locator("svg.map").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert story.locator("svg.timeline a").count() >= 2
    articles = story.locator("div.article").count()
    assert story.locator("svg.graph a.node").count() == articles
    assert story.locator("svg.graph rect.origin").count() >= 1


def follow_first_citation(page: Page) -> None:
    citation = page.locator("a.citation").first
    href = citation.get_attribute("href")
    citation.click()
    page.wait_for_function("location.hash.length > 1")
    assert page.evaluate("location.hash") == href
    target = page.locator(":target")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    assert target.evaluate("e => e.closest('div.article') !== null")
    assert "SARAQIB" in target.inner_text()


def test_the_app_from_story_list_to_a_cited_sentence(browser, page, example_run, tmp_path):
    db = tmp_path / "app.sqlite"
    shutil.copy(example_run[0] / "crosscheck.sqlite", db)
    with serving(db) as base:
        page.goto(base + "/")
        expect(page.locator("a.story-link")).to_have_count(1)
        screenshot(page, "app-index")
        page.locator("a.story-link").first.click()
        page.wait_for_url("**/stories/*")
        expect(page.locator("section.story h2")).to_contain_text("Saraqib")
        check_story_visuals(page)
        screenshot(page, "app-story")
        follow_first_citation(page)
        screenshot(page, "app-citation")

        page.goto(base + "/")
        page.fill("input[name=q]", "newsflash")
        page.press("input[name=q]", "Enter")
        expect(page.locator("a.story-link")).to_have_count(1)

        # Filters: the example's strike is in Syria, in March 2025, its toll undisputed.
        page.goto(base + "/")
        page.select_option("select[name=country]", "SY")
        page.fill("input[name=since]", "2025-03-01")
        page.select_option("select[name=sort]", "killed")
        page.click("form.filters button[type=submit]")
        expect(page.locator("a.story-link")).to_have_count(1)
        assert "country=SY" in page.url and "since=2025-03-01" in page.url
        screenshot(page, "app-index-filtered")
        page.check("input[name=flagged]")
        page.click("form.filters button[type=submit]")
        expect(page.locator("a.story-link")).to_have_count(0)
        expect(page.locator("select[name=country]")).to_have_value("SY")  # filters are kept
    assert page.problems == []


def test_a_posted_script_title_is_shown_never_run(browser, page, tmp_path):
    hostile = {
        "title": "<script>alert(1)</script>",
        "outlet": "<img src=x onerror=alert(2)>",
        "published": "2025-04-02T08:30:00Z",
        "text": "KIRKUK, Iraq — Gunmen killed four soldiers at a checkpoint south of Kirkuk on "
        "Tuesday, the Iraqi army said. Two other soldiers were wounded.",
    }
    with serving(tmp_path / "xss.sqlite", "--create") as base:
        posted = httpx.post(
            base + "/api/articles", json=hostile, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert posted.status_code == 201
        deadline = time.monotonic() + 120
        # The first article loads the models in the server's background thread; a read
        # meanwhile may wait on it longer than httpx's default 5 s.
        while not httpx.get(base + "/api/stories", timeout=30).json()["total"]:
            assert time.monotonic() < deadline, "the posted article was never processed"
            time.sleep(0.5)
        page.goto(base + "/")
        expect(page.locator("a.story-link")).to_have_text("<script>alert(1)</script>")
        page.locator("a.story-link").click()
        expect(page.locator("div.article b").first).to_have_text("<script>alert(1)</script>")
        assert page.locator("img").count() == 0
        screenshot(page, "app-hostile-title")
    assert page.problems == []


def test_report_html_from_disk(browser, page, example_run):
    report = example_run[0] / "report.html"
    page.goto(report.as_uri())
    # One story: the report opens on it, with no list of stories to choose from.
    expect(page.locator("nav.index")).to_have_count(0)
    expect(page.locator("section.story h2")).to_contain_text("Saraqib")
    # The inline stylesheet is allowed by its hash: if the CSP refused it, the header
    # would be unstyled and the console would report the violation.
    header = page.locator("header.top")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(29, 36, 48)"
    check_story_visuals(page)
    screenshot(page, "report")
    follow_first_citation(page)
    screenshot(page, "report-citation")
    assert page.problems == []


TOWNS = (
    " Shells also hit Saraqib, Ariha, Binnish, Taftanaz, Sarmada, Maarat al-Numan, Khan "
    "Shaykhun, Jisr al-Shughur and Idlib on the same day, residents said."
)


def test_a_crowded_story_never_draws_a_label_over_another(browser, page, tmp_path):
    """Thirty outlets running one wire story over three days, some within minutes of each
    other, naming ten towns a few kilometres apart: nearby reports are counted together, and
    no two labels of the timeline, nor of the map, overlap as Chromium lays them out."""
    rows = [
        {
            "id": f"copy-{n}",
            "title": f"Shelling kills 12 in Kafr Nabl ({n})",
            "text": WIRE_TEXT + TOWNS,
            "outlet": f"Outlet Number {n} Daily",
            "published": f"2025-03-{11 + n // 12:02d}T{(n * 7) % 24:02d}:{n % 6 * 9:02d}:00Z",
        }
        for n in range(30)
    ]
    source = write(tmp_path / "in" / "reports.jsonl", "\n".join(json.dumps(r) for r in rows))
    out = tmp_path / "out"
    with Pipeline(out / "crosscheck.sqlite") as pipeline:
        pipeline.run([source])
        pipeline.write(out)
    page.goto((out / "report.html").as_uri())
    timeline = page.locator("section.story").first.locator("svg.timeline")
    labels = [b for t in timeline.locator("text").all() if (b := t.bounding_box())]
    assert len(labels) >= 4  # ticks and some labels are drawn
    assert overlapping(labels) == []
    # Every report is still reachable: a mark for each group, its tooltip listing them.
    tooltips = " ".join(timeline.locator("a title").all_text_contents())
    assert all(f"Outlet Number {n} Daily" in tooltips for n in range(30))
    world = page.locator("section.story").first.locator("svg.map")
    labels = [b for t in world.locator("text").all() if (b := t.bounding_box())]
    assert overlapping(labels) == []  # the story's towns and the region's other towns
    named = world.locator("g:not(.context) > text").count()
    assert named >= 3  # the map names several of the story's towns
    assert world.locator("circle.marker").count() >= named  # a mark for each label
    screenshot(page, "report-crowded-story")
    assert page.problems == []
