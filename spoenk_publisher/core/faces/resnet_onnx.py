"""dlib's face recognition ResNet as an ONNX graph, built in memory from dlib's own weights.

dlib's encoder (``dlib_face_recognition_resnet_model_v1.dat``, shipped by the
``face_recognition_models`` package) runs on dlib's own CPU code, which in the ``dlib-bin`` wheel
has no BLAS: 77 ms per face. This module reads that file and writes the same network as an ONNX
model, so onnxruntime runs it on a batch of faces at a time. Nothing is written to disk and the
``onnx`` package is not needed: the model's bytes go straight to ``ort.InferenceSession``.

The network is ``anet_type`` of dlib's ``examples/dnn_face_recognition_ex.cpp``::

    loss_metric<fc_no_bias<128, avg_pool_everything<
        alevel0<alevel1<alevel2<alevel3<alevel4<
        max_pool<3,3,2,2, relu<affine<con<32,7,7,2,2, input_rgb_image_sized<150>>>>>>>>>>>>>

    alevel0 = ares_down<256>;  alevel1 = ares<256, ares<256, ares_down<256>>>
    alevel2 = ares<128, ares<128, ares_down<128>>>
    alevel3 = ares<64, ares<64, ares<64, ares_down<64>>>>;  alevel4 = ares<32, ares<32, ares<32>>>
    ares<N>      = relu<add_prev1<block<N, stride 1, tag1<SUBNET>>>>
    ares_down<N> = relu<add_prev2<avg_pool<2,2,2,2, skip1<tag2<block<N, stride 2, tag1<SUBNET>>>>>>>
    block<N, s>  = affine<con<N,3,3,1,1, relu<affine<con<N,3,3,s,s, SUBNET>>>>>

The file does not say which tag a skip or an add refers to (dlib's C++ type does), so the layer
list below mirrors that type, and reading checks every layer name, size and stride against it.
How dlib computes, where ONNX has no identical default:

- input: ``(pixel - mean) / 256`` per channel, means (122.782, 117.001, 104.298), stored in the
  file and read from it;
- convolutions and pools with a stride other than 1 have no padding (``_padding = 0``); with
  stride 1 they pad by half the kernel;
- ``add_prev`` adds two tensors of different shapes by treating missing channels, rows and
  columns as zeros, aligned at the top left (``tt::add``). In a down-sampling unit the block
  has up to twice the channels of its shortcut, and from 8x8 its stride-2 convolution gives 3x3
  where the pool gives 4x4 (from 4x4: 1x1 and 2x2): each side is zero-padded at the end to the
  larger shape (ONNX ``Pad``);
- ``affine`` is ``gamma * x + beta`` per channel (dlib stores batch normalisation as this at
  inference); ``fc_no_bias`` is ``x @ W`` with ``W`` stored inputs-major.

The graph takes the 150x150 face chips as ``uint8`` ``[N, 150, 150, 3]`` (RGB, as
``dlib.get_face_chip`` returns them) and gives ``float32`` ``[N, 128]``. Equality with dlib is
tested in ``tests/core/test_encoder_equivalence.py`` (at most 1.3e-6 apart); the bytes also
pass ``onnx.checker.check_model(full_check=True)`` (onnx 1.17, checked by hand on 2026-11-29 in a
separate virtualenv: the app never imports ``onnx``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnxruntime as ort

from spoenk_publisher.core.faces import sessions

CHIP_SIZE = 150
INPUT_NAME = "chips"
OUTPUT_NAME = "descriptors"
#: onnxruntime 1.17 (the oldest we allow) runs opset 13 and IR version 7.
_OPSET = 13
_IR_VERSION = 7


def model_location() -> Path:
    """The encoder's weights as installed by ``face_recognition_models``."""
    import face_recognition_models

    return Path(face_recognition_models.face_recognition_model_location())


def session() -> ort.InferenceSession:
    """The process's encoder session, made on first use and then reused: reading and converting
    dlib's file take 0.05-0.3 s, onnxruntime's loading 0.1-0.4 s (bench/encoding.py, on the
    shared 2-core machine)."""
    return sessions.cached_session("dlib_face_recognition_resnet", onnx_model_bytes)


def onnx_model_bytes(dat_path: Path | str | None = None) -> bytes:
    """The serialized ONNX model of the network in ``dat_path`` (default: the installed one)."""
    network = read_dlib_network(Path(dat_path) if dat_path is not None else model_location())
    return _to_onnx(network)


# --------------------------------------------------------------------------------------------
# The network as dlib's C++ type declares it, outermost layer first.


@dataclass(frozen=True)
class _Layer:
    kind: str  # con, affine, relu, max_pool, avg_pool, add_prev, fc, tag, skip
    filters: int = 0  # con: output channels; fc: outputs
    kernel: int = 0  # con, pools: square kernel side (0: the whole input)
    stride: int = 1
    tag: int = 0  # tag: its id; skip, add_prev: the tag they read

    @property
    def computes(self) -> bool:
        """Tags and skips are not dlib layers of their own (no ``add_layer``, no details)."""
        return self.kind not in ("tag", "skip")


def _block(filters: int, stride: int) -> list[_Layer]:
    return [
        _Layer("affine"),
        _Layer("con", filters, 3, 1),
        _Layer("relu"),
        _Layer("affine"),
        _Layer("con", filters, 3, stride),
    ]


def _ares(filters: int) -> list[_Layer]:
    return [
        _Layer("relu"),
        _Layer("add_prev", tag=1),
        *_block(filters, 1),
        _Layer("tag", tag=1),
    ]


def _ares_down(filters: int) -> list[_Layer]:
    return [
        _Layer("relu"),
        _Layer("add_prev", tag=2),
        _Layer("avg_pool", kernel=2, stride=2),
        _Layer("skip", tag=1),
        _Layer("tag", tag=2),
        *_block(filters, 2),
        _Layer("tag", tag=1),
    ]


#: ``anet_type`` below its loss layer, outermost first (the order of dlib's file headers).
ANET_LAYERS: tuple[_Layer, ...] = (
    _Layer("fc", 128),
    _Layer("avg_pool", kernel=0, stride=1),
    *_ares_down(256),
    *_ares(256),
    *_ares(256),
    *_ares_down(256),
    *_ares(128),
    *_ares(128),
    *_ares_down(128),
    *_ares(64),
    *_ares(64),
    *_ares(64),
    *_ares_down(64),
    *_ares(32),
    *_ares(32),
    *_ares(32),
    _Layer("max_pool", kernel=3, stride=2),
    _Layer("relu"),
    _Layer("affine"),
    _Layer("con", 32, 7, 2),
)


@dataclass
class DlibNetwork:
    """What the .dat holds: input means, and per computational layer its parameters."""

    means: tuple[float, float, float]
    size: int
    #: One entry per layer of ``ANET_LAYERS`` (None for layers without parameters).
    params: list[dict[str, np.ndarray] | None] = field(default_factory=list)


class DlibFormatError(ValueError):
    """The file is not the network this module knows."""


# --------------------------------------------------------------------------------------------
# Reading dlib's serialization (dlib/serialize.h, dlib/dnn/{core,layers,input,loss,tensor}.h).


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.pos = 0

    def take(self, size: int) -> memoryview:
        if self.pos + size > len(self.data):
            raise DlibFormatError("unexpected end of file")
        self.pos += size
        return self.data[self.pos - size : self.pos]

    def read_byte(self) -> int:
        return self.take(1)[0]

    def read_int(self) -> int:
        # One control byte (bit 7: negative; low 4 bits: byte count), then little-endian bytes.
        control = self.read_byte()
        size = control & 0x0F
        if size == 0 or size > 8 or control & 0x70:
            raise DlibFormatError(f"bad integer at byte {self.pos - 1}")
        value = int.from_bytes(self.take(size), "little")
        return -value if control & 0x80 else value

    def read_string(self) -> str:
        return bytes(self.take(self.read_int())).decode("ascii", "replace")

    def read_bool(self) -> bool:
        value = self.read_byte()
        if value not in (ord("0"), ord("1")):
            raise DlibFormatError(f"bad bool at byte {self.pos - 1}")
        return value == ord("1")

    def read_float(self) -> float:
        # dlib's float_details: an int64 mantissa and an int16 exponent (32000+: inf, nan).
        mantissa, exponent = self.read_int(), self.read_int()
        if exponent >= 32000:
            raise DlibFormatError("infinite or NaN value in the model")
        return math.ldexp(mantissa, exponent)

    def read_tensor(self) -> np.ndarray:
        # Version 2: four dimensions, then the values as little-endian IEEE float32.
        self.expect_version(2, "tensor")
        shape = tuple(self.read_int() for _ in range(4))
        # A read-only view of the file's bytes: the weights are copied only once, into the
        # ONNX model's bytes (each copy here stayed in the process's heap: +40 MB measured).
        return np.frombuffer(self.take(4 * math.prod(shape)), dtype="<f4").reshape(shape)

    def read_alias_tensor(self) -> tuple[int, int, int, int]:
        self.expect_version(1, "alias_tensor")
        n, k, nr, nc = (self.read_int() for _ in range(4))
        return n, k, nr, nc

    def expect_version(self, *allowed: int, what: str = "") -> int:
        version = self.read_int()
        if version not in allowed:
            raise DlibFormatError(f"{what or 'layer'}: version {version}, expected {allowed}")
        return version

    def expect_name(self, *names: str) -> str:
        name = self.read_string()
        if name not in names:
            raise DlibFormatError(f"found layer {name!r} where {' or '.join(names)} was expected")
        return name


def read_dlib_network(path: Path) -> DlibNetwork:
    """Parse ``dlib_face_recognition_resnet_model_v1.dat`` (raises ``DlibFormatError``)."""
    reader = _Reader(path.read_bytes())
    # add_loss_layer: version 1, the loss's details, then the network below it.
    reader.expect_version(1, what="loss layer")
    reader.expect_name("loss_metric_2")
    reader.read_float(), reader.read_float()  # margin and distance threshold: training only
    # Each add_layer writes its version, then its subnetwork, then its own details: all the
    # versions come first, outermost first, then the input layer, then the details innermost
    # first. Tags and skips write a version and their subnetwork only.
    computing = [layer for layer in ANET_LAYERS if layer.computes]
    versions = []
    for layer in ANET_LAYERS:
        if not layer.computes:
            reader.expect_version(1, what=layer.kind)
        elif layer is computing[-1]:  # the add_layer directly on the input layer
            versions.append(reader.expect_version(2, 3, what="input add_layer"))
        else:
            versions.append(reader.expect_version(1, 2, what=layer.kind))
    reader.expect_name("input_rgb_image_sized")
    means = (reader.read_float(), reader.read_float(), reader.read_float())
    size = reader.read_int(), reader.read_int()
    if size != (CHIP_SIZE, CHIP_SIZE):
        raise DlibFormatError(f"input size {size}, expected {CHIP_SIZE}")
    params: dict[int, dict[str, np.ndarray] | None] = {}
    for index in range(len(computing) - 1, -1, -1):
        layer = computing[index]
        params[index] = _read_details(reader, layer)
        for _ in range(3):
            reader.read_bool()  # set up, gradient stale, output disabled
        for _ in range(2):
            reader.read_tensor()  # x_grad, cached_output: training state, empty
        if index == len(computing) - 1:
            reader.read_tensor()  # grad_final
            if versions[index] == 3:
                reader.read_int()  # sample expansion factor
        elif versions[index] == 2:
            reader.read_tensor()  # params_grad
    if reader.pos != len(reader.data):
        raise DlibFormatError(f"{len(reader.data) - reader.pos} bytes left after the network")
    by_layer = iter(params[index] for index in range(len(computing)))
    return DlibNetwork(
        means=means,
        size=CHIP_SIZE,
        params=[next(by_layer) if layer.computes else None for layer in ANET_LAYERS],
    )


def _read_details(reader: _Reader, layer: _Layer) -> dict[str, np.ndarray] | None:
    if layer.kind == "con":
        reader.expect_name("con_4")
        params = reader.read_tensor().reshape(-1)
        # filters, rows, columns, stride y and x, padding y and x
        found = tuple(reader.read_int() for _ in range(7))
        weights_shape, biases_shape = reader.read_alias_tensor(), reader.read_alias_tensor()
        for _ in range(4):
            reader.read_float()  # learning-rate and weight-decay multipliers
        padding = 0 if layer.stride != 1 else layer.kernel // 2
        wanted = (layer.filters, layer.kernel, layer.kernel, layer.stride, layer.stride)
        if found != (*wanted, padding, padding):
            raise DlibFormatError(f"convolution {found}, expected {(*wanted, padding, padding)}")
        weights_size = math.prod(weights_shape)
        biases_size = math.prod(biases_shape)
        if weights_shape[0] != layer.filters or weights_size + biases_size != params.size:
            raise DlibFormatError("convolution parameters do not match their shapes")
        return {
            "weights": params[:weights_size].reshape(weights_shape),
            "biases": params[weights_size:],
        }
    if layer.kind == "affine":
        reader.expect_name("affine_")
        params = reader.read_tensor().reshape(-1)
        gamma, beta = reader.read_alias_tensor(), reader.read_alias_tensor()
        mode = reader.read_int()
        channels = math.prod(gamma)
        if mode != 0 or gamma != beta or params.size != 2 * channels:
            raise DlibFormatError("affine layer is not per channel (CONV_MODE)")
        return {"gamma": params[:channels], "beta": params[channels:]}
    if layer.kind in ("max_pool", "avg_pool"):
        reader.expect_name(f"{layer.kind}_2")
        rows, cols, stride_y, stride_x, pad_y, pad_x = (reader.read_int() for _ in range(6))
        padding = 0 if layer.stride != 1 else layer.kernel // 2
        wanted = (layer.kernel, layer.kernel, layer.stride, layer.stride, padding, padding)
        if (rows, cols, stride_y, stride_x, pad_y, pad_x) != wanted:
            raise DlibFormatError(f"{layer.kind} {(rows, cols, stride_y, stride_x)}")
        return None
    if layer.kind == "relu":
        reader.expect_name("relu_")
        return None
    if layer.kind == "add_prev":
        reader.expect_name("add_prev_")
        return None
    if layer.kind == "fc":
        reader.expect_name("fc_2")
        outputs, inputs = reader.read_int(), reader.read_int()
        params = reader.read_tensor().reshape(-1)
        reader.read_alias_tensor(), reader.read_alias_tensor()  # weights, biases
        bias_mode = reader.read_int()  # FC_HAS_BIAS = 0, FC_NO_BIAS = 1
        for _ in range(4):
            reader.read_float()
        if outputs != layer.filters or bias_mode != 1 or params.size != inputs * outputs:
            raise DlibFormatError("fully connected layer is not fc_no_bias<128>")
        return {"weights": params.reshape(inputs, outputs)}
    raise AssertionError(layer.kind)


# --------------------------------------------------------------------------------------------
# Writing ONNX: the few protobuf messages of onnx.proto a plain graph needs, by hand.


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64: two's complement, as protobuf does
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _int_field(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _bytes_field(number: int, payload: bytes | str) -> bytes:
    raw = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(raw)) + raw


def _message_field(number: int, parts: list[_Chunk]) -> list[_Chunk]:
    """A length-delimited field made of ``parts``, left unjoined: the weights (22 MB) are then
    copied once, into the final bytes, instead of once per nesting level."""
    return [_varint(number << 3 | 2) + _varint(sum(len(part) for part in parts)), *parts]


_FLOAT, _UINT8, _INT64 = 1, 2, 7  # TensorProto.DataType
_Chunk = bytes | memoryview


def _tensor(name: str, array: np.ndarray) -> list[_Chunk]:  # TensorProto
    dtype = {"f4": _FLOAT, "i8": _INT64}[f"{array.dtype.kind}{array.dtype.itemsize}"]
    little_endian = np.ascontiguousarray(array, array.dtype.newbyteorder("<"))
    raw = little_endian.data.cast("B")  # the weights' bytes as read from dlib's file, no copy
    header = (
        b"".join(_int_field(1, dim) for dim in array.shape)
        + _int_field(2, dtype)
        + _bytes_field(8, name)
    )
    return [header, *_message_field(9, [raw])]


def _attribute(name: str, value: int | str | list[int]) -> bytes:  # AttributeProto
    if isinstance(value, int):
        return _bytes_field(1, name) + _int_field(20, 2) + _int_field(3, value)
    if isinstance(value, str):
        return _bytes_field(1, name) + _int_field(20, 3) + _bytes_field(4, value)
    return _bytes_field(1, name) + _int_field(20, 7) + b"".join(_int_field(8, v) for v in value)


def _value_info(name: str, elem_type: int, dims: list[int | str]) -> bytes:  # ValueInfoProto
    shape = b"".join(
        _bytes_field(1, _bytes_field(2, d) if isinstance(d, str) else _int_field(1, d))
        for d in dims
    )
    tensor_type = _int_field(1, elem_type) + _bytes_field(2, shape)
    return _bytes_field(1, name) + _bytes_field(2, _bytes_field(1, tensor_type))


class _Graph:
    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.initializers: list[list[_Chunk]] = []
        self._count = 0

    def constant(self, prefix: str, array: np.ndarray) -> str:
        name = self._name(prefix)
        self.initializers.append(_tensor(name, array))
        return name

    def node(
        self, op: str, inputs: list[str], output: str = "", **attributes: int | str | list[int]
    ) -> str:
        output = output or self._name(op.lower())
        self.nodes.append(
            b"".join(_bytes_field(1, name) for name in inputs)
            + _bytes_field(2, output)
            + _bytes_field(3, output)
            + _bytes_field(4, op)
            + b"".join(_bytes_field(5, _attribute(k, v)) for k, v in attributes.items())
        )
        return output

    def _name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}_{self._count}"


def _to_onnx(network: DlibNetwork) -> bytes:
    g = _Graph()
    size = network.size
    # dlib's input layer: (pixel - mean) / 256 per RGB channel, planes in NCHW order. The bytes
    # are transposed before the cast: casting first made the two 10 % of a batch's time.
    x = g.node("Transpose", [INPUT_NAME], perm=[0, 3, 1, 2])
    x = g.node("Cast", [x], to=_FLOAT)
    means = np.asarray(network.means, np.float32).reshape(1, 3, 1, 1)
    x = g.node("Sub", [x, g.constant("mean", means)])
    x = g.node("Mul", [x, g.constant("scale", np.full((1, 1, 1, 1), 1 / 256, np.float32))])
    shape = (3, size, size)  # channels, rows, columns of x, for add_prev's padding
    tags: dict[int, tuple[str, tuple[int, int, int]]] = {}
    for layer, params in reversed(list(zip(ANET_LAYERS, network.params, strict=True))):
        channels, rows, cols = shape
        if layer.kind == "con":
            assert params is not None
            pad = layer.kernel // 2 if layer.stride == 1 else 0
            x = g.node(
                "Conv",
                [x, g.constant("w", params["weights"]), g.constant("b", params["biases"])],
                kernel_shape=[layer.kernel, layer.kernel],
                strides=[layer.stride, layer.stride],
                pads=[pad] * 4,
            )
            shape = (
                layer.filters,
                _output_side(rows, layer.kernel, layer.stride, pad),
                _output_side(cols, layer.kernel, layer.stride, pad),
            )
        elif layer.kind == "affine":
            assert params is not None
            gamma = params["gamma"].reshape(1, -1, 1, 1)
            beta = params["beta"].reshape(1, -1, 1, 1)
            x = g.node("Mul", [x, g.constant("gamma", gamma)])
            x = g.node("Add", [x, g.constant("beta", beta)])
        elif layer.kind == "relu":
            x = g.node("Relu", [x])
        elif layer.kind == "avg_pool" and layer.kernel == 0:  # avg_pool_everything
            x = g.node("GlobalAveragePool", [x])
            shape = (channels, 1, 1)
        elif layer.kind in ("max_pool", "avg_pool"):
            op = "MaxPool" if layer.kind == "max_pool" else "AveragePool"
            x = g.node(op, [x], kernel_shape=[layer.kernel] * 2, strides=[layer.stride] * 2)
            shape = (
                channels,
                _output_side(rows, layer.kernel, layer.stride, 0),
                _output_side(cols, layer.kernel, layer.stride, 0),
            )
        elif layer.kind == "tag":
            tags[layer.tag] = (x, shape)
        elif layer.kind == "skip":
            x, shape = tags[layer.tag]
        elif layer.kind == "add_prev":
            other, other_shape = tags[layer.tag]
            joint = tuple(max(a, b) for a, b in zip(shape, other_shape, strict=True))
            x = g.node("Add", [_padded(g, x, shape, joint), _padded(g, other, other_shape, joint)])
            shape = joint
        elif layer.kind == "fc":
            assert params is not None
            x = g.node("Flatten", [x], axis=1)
            x = g.node("MatMul", [x, g.constant("fc", params["weights"])], output=OUTPUT_NAME)
        else:
            raise AssertionError(layer.kind)
    if x != OUTPUT_NAME:
        raise DlibFormatError("the network does not end in its fully connected layer")
    graph = [
        *(_bytes_field(1, node) for node in g.nodes),
        _bytes_field(2, "dlib_face_recognition_resnet_model_v1"),
        *(part for init in g.initializers for part in _message_field(5, init)),
        _bytes_field(11, _value_info(INPUT_NAME, _UINT8, ["N", size, size, 3])),
        _bytes_field(12, _value_info(OUTPUT_NAME, _FLOAT, ["N", 128])),
    ]
    opset = _bytes_field(1, "") + _int_field(2, _OPSET)
    model = [
        _int_field(1, _IR_VERSION),
        _bytes_field(2, "spoenk-publisher"),
        *_message_field(7, graph),
        _bytes_field(8, opset),
    ]
    return b"".join(model)


def _output_side(side: int, kernel: int, stride: int, pad: int) -> int:
    """Rows or columns after a convolution or pool (dlib and ONNX agree: rounded down)."""
    return (side + 2 * pad - kernel) // stride + 1


def _padded(g: _Graph, x: str, shape: tuple[int, ...], joint: tuple[int, ...]) -> str:
    """``x`` zero-padded at the end of channels, rows and columns to ``joint`` (dlib's add)."""
    if shape == joint:
        return x
    extra = [0, *(j - s for s, j in zip(shape, joint, strict=True))]
    pads = np.asarray([0, 0, 0, 0, *extra], np.int64)
    return g.node("Pad", [x, g.constant("pads", pads)], mode="constant")
