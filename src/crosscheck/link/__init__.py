"""Link: stories, derivation between articles, and independent origins."""

from __future__ import annotations

from collections.abc import Mapping

from crosscheck.link.derivation import find_derivations, fingerprints, origins
from crosscheck.link.stories import group_stories
from crosscheck.records import Analysis, Article, Linkage

__all__ = ["link"]


def link(articles: list[Article], analyses: Mapping[str, Analysis] | None = None) -> Linkage:
    derivations = find_derivations(fingerprints(articles))
    return Linkage(
        stories=group_stories(articles, derivations, analyses),
        derivations=derivations,
        origin_of=origins([a.id for a in articles], derivations),
    )
