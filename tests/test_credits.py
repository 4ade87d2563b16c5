"""Outlets inferred from the text when metadata says nothing."""

from __future__ import annotations

import pytest

from crosscheck.credits import credited_outlet
from crosscheck.ingest import ingest_bytes


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("SARAQIB, Syria (Levant Wire) — A drone strike killed", "Levant Wire"),
        ("WASHINGTON (AP) — Two officers were wounded", "Associated Press"),
        ("BEIRUT (Reuters) - Shelling killed 12 people", "Reuters"),
        ("Shelling killed 12. AFP has not independently verified the toll.", "AFP"),
        ("Police said a man (67) — a vendor — was hurt.", None),
        ("Four people were wounded on Sunday, police said.", None),
    ],
)
def test_credited_outlet(text, outlet):
    assert credited_outlet(text) == outlet


def test_metadata_outlet_wins_over_the_credit():
    text = b'{"outlet": "The Herald", "text": "WASHINGTON (AP) \\u2014 Two officers were wounded in a shooting on Sunday."}'
    [article] = ingest_bytes(text, "x.jsonl")
    assert article.outlet == "The Herald"
    [plain] = ingest_bytes(
        "WASHINGTON (AP) — Two officers were wounded in a shooting on Sunday.".encode(), "y.txt"
    )
    assert plain.outlet == "Associated Press"
