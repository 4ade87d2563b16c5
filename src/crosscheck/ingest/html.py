"""HTML pages: main text and metadata through trafilatura, boilerplate dropped."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from crosscheck.ingest.draft import Draft
from crosscheck.ingest.errors import InputError


def parse_html(html: str, url: str | None = None) -> list[Draft]:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as err:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(f"malformed HTML ({type(err).__name__}: {err})") from err
    # A Document unless asked for a dict, which this never does.
    text = doc.text or "" if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or not text.strip():
        raise InputError("no main text found in the HTML")
    return [
        Draft(
            text=_drop_repeated_title(text, doc.title),
            title=doc.title,
            outlet=doc.sitename,
            published=doc.date,
            url=url or doc.url,
            author=doc.author,
        )
    ]


def _drop_repeated_title(text: str, title: str | None) -> str:
    # trafilatura keeps the <h1> as the first line; the title is stored separately.
    first, _, rest = text.partition("\n")
    if title and rest and first.strip() == title.strip():
        return rest
    return text


_BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 blockquote tr section article".split())


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's body), one line per block element."""
    import lxml.html  # trafilatura's own parser; fragments are too short for its extractor

    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception as err:
        raise InputError(f"malformed HTML in feed entry ({err})") from err
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())
