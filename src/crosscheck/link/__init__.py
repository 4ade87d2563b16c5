"""Link: stories, derivation between articles, and independent origins."""

from __future__ import annotations

from collections.abc import Mapping

from crosscheck.link.derivation import find_derivations, fingerprints, origins
from crosscheck.link.stories import group_stories, profiles
from crosscheck.records import Analysis, Article, Linkage

__all__ = ["link"]


def link(articles: list[Article], analyses: Mapping[str, Analysis] | None = None) -> Linkage:
    pool = profiles(articles, analyses)
    # A page that held no story (a login wall) shares its boilerplate with unrelated pages.
    derivations = find_derivations(fingerprints(a for a in articles if not pool[a.id].bare))
    return Linkage(
        stories=group_stories(pool, derivations),
        derivations=derivations,
        origin_of=origins([a.id for a in articles], derivations),
    )
