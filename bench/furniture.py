"""Briefs that open with page furniture, by the test the code itself uses.

Reads a store a run wrote (by default bench/gva_run.py's) and counts the stories whose
brief opens with a time stamp, byline, playlist entry, button, credit or sign-up prompt
(crosscheck.reconcile.furniture), and prints a stable sample of briefs' first sentences
for reading by eye.

    python bench/furniture.py [--db /tmp/crosscheck-gva/crosscheck.sqlite] [--sample 50]
"""

from __future__ import annotations

import argparse
import random

from crosscheck.reconcile.furniture import is_furniture
from crosscheck.store import SQLiteStore


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/crosscheck-gva/crosscheck.sqlite")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0, help="which stable sample to print")
    args = parser.parse_args()
    with SQLiteStore(args.db, create=False) as store:
        briefs = [(s.id, s.brief[0].text) for s in store.stories() if s.brief]
    opening = [(story, text) for story, text in briefs if is_furniture(text)]
    print(f"{len(briefs)} briefs, {len(opening)} open with page furniture")
    for story, text in opening[:20]:
        print(f"  furniture {story}: {_line(text)}")
    print(f"a sample of {args.sample} briefs' first sentences, to read by eye:")
    for story, text in random.Random(args.seed).sample(briefs, min(args.sample, len(briefs))):
        print(f"  {story}: {_line(text)}")


def _line(text: str) -> str:
    return " ".join(text.split())[:160]


if __name__ == "__main__":
    main()
