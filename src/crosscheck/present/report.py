"""report.html: a self-contained page (no network, no scripts) over the stories."""

from __future__ import annotations

from collections.abc import Iterable

from jinja2 import Environment, PackageLoader, select_autoescape

from crosscheck.records import Article, Linkage, StoryRecord


def render_report(articles: Iterable[Article], linkage: Linkage, stories: list[StoryRecord]) -> str:
    env = Environment(
        loader=PackageLoader("crosscheck", "present/templates"),
        # Article text is untrusted: every value is escaped, in every template.
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    by_id = {a.id: a for a in articles}
    sources = linkage.sources_of()
    return env.get_template("report.html.j2").render(
        stories=sorted(stories, key=lambda s: (-len(s.articles), s.incident.date or "", s.id)),
        articles=by_id,
        linkage=linkage,
        derived_from={a: sources.get(a, ()) for a in by_id},
    )
