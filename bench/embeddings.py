"""Sentence embeddings: the int8 ONNX encoder a run uses against the float32 model in NumPy
(and, optionally, the reference sentence-transformers + torch implementation), on sentences
of four development sets.

    python bench/embeddings.py [--sentences 1000]     # per set: int8 against float32
    /path/to/venv-with-torch/bin/python bench/embeddings.py --reference   # also torch

Prints sentences per second on one thread for each encoder, and the int8 vectors' cosine
with the float model's: least, 0.1st percentile and mean. Reads ../shared/data/{gva,muc4,
fakes,polnear}-dev/articles.jsonl at run time.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import numpy as np

from crosscheck.analyze.sentences import split_sentences
from crosscheck.link.embeddings import ReferenceEncoder, SentenceEncoder, model_dir

SETS = ("gva-dev", "muc4-dev", "fakes-dev", "polnear-dev")
DATA = Path(__file__).resolve().parents[1].parent / "shared/data"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--sentences", type=int, default=1000, help="per set")
    parser.add_argument("--reference", action="store_true", help="compare with torch")
    args = parser.parse_args()
    sentences = [s for name in SETS for s in _sentences(Path(args.data) / name, args.sentences)]
    int8, float32 = SentenceEncoder(), ReferenceEncoder()
    ours = _timed("int8 (ONNX Runtime)", int8.encode, sentences)
    theirs = _timed("float32 (NumPy)", float32.encode, sentences)
    cosines = (ours * theirs).sum(axis=1)
    print(
        f"int8 against float32 on {len(sentences)} sentences: least cosine "
        f"{cosines.min():.4f}, 0.1st percentile {np.percentile(cosines, 0.1):.4f}, "
        f"mean {cosines.mean():.4f}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    if args.reference:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(model_dir()), device="cpu")
        torch_vectors = _timed(
            "float32 (torch)",
            lambda texts: model.encode(texts, batch_size=64, normalize_embeddings=True),
            sentences,
        )
        cosines = (theirs * torch_vectors).sum(axis=1)
        gap = np.abs(theirs - torch_vectors).max()
        print(f"NumPy against torch: least cosine {cosines.min():.6f}, max |diff| {gap:.2e}")


def _timed(name: str, encode, sentences: list[str]) -> np.ndarray:
    started = time.perf_counter()
    vectors = encode(sentences)
    rate = len(sentences) / (time.perf_counter() - started)
    print(f"{name}: {rate:.0f} sentences/s")
    return vectors


def _sentences(folder: Path, limit: int) -> list[str]:
    """Sentences of the set's articles as analysis splits them: four words or more."""
    found: list[str] = []
    with (folder / "articles.jsonl").open() as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            spans = split_sentences("bench", text)
            found.extend(s.text for s in spans if len(s.text.split()) >= 4)
            if len(found) >= limit:
                break
    return found[:limit]


if __name__ == "__main__":
    main()
