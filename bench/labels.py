"""Do any labels overlap on the timelines and maps of a run's largest stories, as Chromium
lays them out?

Opens the report.html of a finished run (by default bench/gva_run.py's) in the system
Chromium, takes the N stories with most articles (from the same run's stories.json), and
counts, per story, pairs of text boxes in its timeline and in its map that overlap.

    python bench/labels.py [--out /tmp/crosscheck-gva] [--stories 20]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.web import overlapping


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/crosscheck-gva")
    parser.add_argument("--stories", type=int, default=20)
    args = parser.parse_args()
    out = Path(args.out)
    contract = json.loads((out / "stories.json").read_text())
    largest = sorted(contract["stories"], key=lambda s: (-len(s["articles"]), s["id"]))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("needs the system Chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto((out / "report.html").as_uri(), timeout=300_000)
        worst = 0
        for story in largest[: args.stories]:
            section = page.locator(f"section#{story['id']}")
            section.scroll_into_view_if_needed()
            counts = {}
            for part in ("timeline", "map"):
                boxes = [
                    b for t in section.locator(f"svg.{part} text").all() if (b := t.bounding_box())
                ]
                counts[part] = (len(boxes), len(overlapping(boxes)))
                worst = max(worst, counts[part][1])
            print(
                f"{story['id']} ({len(story['articles'])} articles): timeline "
                f"{counts['timeline'][0]} labels, {counts['timeline'][1]} overlapping pairs; "
                f"map {counts['map'][0]} labels, {counts['map'][1]} overlapping pairs"
            )
        browser.close()
    print(f"most overlapping pairs in one figure: {worst}")


if __name__ == "__main__":
    main()
