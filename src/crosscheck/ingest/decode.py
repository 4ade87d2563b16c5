"""Bytes to text: refuse binary data, detect the encoding of non-UTF-8 text."""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from charset_normalizer import from_bytes

from crosscheck.ingest.errors import InputError

_SNIFF = 8192
# Control, private-use and unassigned code points: a few are noise in a scraped page, a
# share above this is not text.
_JUNK = frozenset({"Cc", "Co", "Cn"})
_MAX_CONTROL = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of formats people drop into a folder of reports by mistake.
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def decode(data: bytes) -> str:
    """Return the text in `data`, or raise InputError saying why it is not text."""
    if not data.strip():
        raise InputError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not text")
    if b"\x00" in data[:_SNIFF]:
        raise InputError("binary content (NUL bytes), not text")
    try:
        return text_only(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        # A download cut off mid-character is still good UTF-8 up to the cut.
        if err.start >= len(data) - 3:
            return text_only(data[: err.start].decode("utf-8"))
    return _detect(data)


def _detect(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise InputError("not valid UTF-8 and no text encoding could be detected")
    text = str(best)
    if _single_byte(best.encoding):
        # Detectors cannot tell one-byte code pages apart on mostly-ASCII text; for English
        # reports Windows-1252 (what browsers use for "latin-1") is by far the likeliest.
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("cp1252")
    return text_only(text)


def text_only(text: str) -> str:
    """`text`, unless too much of it is control characters: valid UTF-8 can still be binary
    data or noise, which analysis would read as words."""
    if _control_ratio(text) > _MAX_CONTROL:
        raise InputError("binary content (control characters), not text")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) in _JUNK)
    return bad / len(sample)


def _single_byte(encoding: str) -> bool:
    return (
        encoding.startswith(("cp", "iso8859", "latin", "windows-", "mac_", "koi8"))
        and encoding not in _MULTI_BYTE
    )


_MULTI_BYTE = frozenset({"cp932", "cp949", "cp950", "cp936", "cp1361"})
