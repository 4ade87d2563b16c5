"""report.html: one self-contained page over the stories that opens from disk.

No scripts and no network: maps, timelines and derivation graphs are inline SVG drawn from
a basemap shipped in the package, and the Content-Security-Policy allows nothing else.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape

from crosscheck.present.story_query import flags
from crosscheck.present.views import StoryView, story_views
from crosscheck.present.views.basemap import Boundaries, Country, basemap
from crosscheck.records import Analysis, Article, FigureClaim, Linkage, StoryRecord


def template_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("crosscheck", "present/templates"),
        # Article text is untrusted: every value is escaped, in every template.
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["story_flags"] = flags
    environment.globals["amount"] = shown_amount
    return environment


def shown_amount(claim: FigureClaim) -> str:
    """A figure as a reader should see it: a vague amount keeps its words and its range
    ("thousands (1,000–9,999)"), not the low end it counts as ("1000"); an exact one is its
    number."""
    if claim.low == claim.high:
        return str(claim.value)
    return f"{claim.vague or claim.value} ({claim.low:,}–{claim.high:,})"


def stylesheet() -> str:
    return (resources.files("crosscheck.present") / "templates" / "report.css").read_text()


def style_hash(css: str) -> str:
    """The CSP source that allows exactly this inline stylesheet and no other."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@dataclass(frozen=True, slots=True)
class MapDefs:
    """The outlines and boundary tiles the page's maps use: each defined once, however many
    maps draw it."""

    countries: list[Country]
    boundaries: list[Boundaries]


def map_defs(views: Iterable[StoryView]) -> MapDefs:
    maps = [v.map for v in views if v.map]
    countries = {iso for m in maps for iso in m.countries}
    boundaries = {b for m in maps for b in m.boundaries}
    base = basemap()
    return MapDefs(
        [c for c in base.countries if c.iso in countries],
        [b for b in base.boundaries if b.id in boundaries],
    )


def order_stories(stories: Iterable[StoryRecord]) -> list[StoryRecord]:
    """Most reported first, then by date."""
    return sorted(stories, key=lambda s: (-len(s.articles), s.incident.date or "", s.id))


def render_report(
    articles: Iterable[Article],
    linkage: Linkage,
    stories: list[StoryRecord],
    analyses: Mapping[str, Analysis] | None = None,
) -> str:
    by_id = {a.id: a for a in articles}
    views = story_views(order_stories(stories), by_id, linkage, analyses or {})
    css = stylesheet()
    return (
        template_environment()
        .get_template("report.html.j2")
        .render(
            views=views,
            article_count=len(by_id),
            defs=map_defs(views),
            css=css,
            csp=f"default-src 'none'; style-src {style_hash(css)}; img-src data:; "
            "base-uri 'none'; form-action 'none'",
            href=lambda s: f"#{s.id}",
        )
    )
