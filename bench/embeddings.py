"""Sentence embeddings: NumPy MiniLM (what crosscheck runs) against the reference
sentence-transformers + torch implementation, on sentences of the GVA development set.

    python bench/embeddings.py [--sentences 2000]           # NumPy only: throughput
    /path/to/venv-with-torch/bin/python bench/embeddings.py --reference   # also torch: agreement

Reads ../shared/data/gva-dev/articles.jsonl at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
from pathlib import Path

import numpy as np

from crosscheck.link.embeddings import SentenceEncoder, model_dir


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--data", default=str(Path(__file__).resolve().parents[1].parent / "shared/data/gva-dev")
    )
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--reference", action="store_true", help="compare with torch")
    args = parser.parse_args()
    sentences = _sentences(Path(args.data) / "articles.jsonl", args.sentences)
    encoder = SentenceEncoder()
    started = time.perf_counter()
    ours = encoder.encode(sentences)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(sentences) / elapsed
    print(f"numpy: {len(sentences)} sentences, {rate:.0f}/s, peak RSS {peak:.0f} MB")
    if args.reference:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(model_dir()), device="cpu")
        started = time.perf_counter()
        theirs = model.encode(sentences, batch_size=64, normalize_embeddings=True)
        elapsed = time.perf_counter() - started
        print(f"torch: {len(sentences)} sentences, {len(sentences) / elapsed:.0f}/s")
        cosines = (ours * theirs).sum(axis=1)
        gap = np.abs(ours - theirs).max()
        print(f"agreement: min cosine {cosines.min():.6f}, max |difference| {gap:.2e}")


def _sentences(path: Path, limit: int) -> list[str]:
    found: list[str] = []
    with path.open() as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            found.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if 20 < len(s) < 400)
            if len(found) >= limit:
                break
    return found[:limit]


if __name__ == "__main__":
    main()
