"""A composed report as an Article: its id doubles as source and content hash."""

from __future__ import annotations

from crosscheck.records import Article


def report(id_: str, title: str, text: str, published: str, outlet: str) -> Article:
    return Article(id_, id_, text, id_, title=title, published=published, outlet=outlet)
