#!/usr/bin/python3
"""Regenerates tests/AutoDnn.Torch.Tests/Fixtures/tensor_ops.json with Debian's python3-torch.

Run: /usr/bin/python3 tools/make_tensor_fixtures.py
Each case names an operation (TensorFixtureTests.cs maps the same names to the C# binding), its inputs
(explicit values, so no random-number stream has to match) and PyTorch's output. The "random" section checks
that seeded draws equal PyTorch's (same libtorch generator).
"""
import json, os
import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(1234)
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "AutoDnn.Torch.Tests", "Fixtures", "tensor_ops.json")

def f32(*shape, low=-2.0, high=2.0):
    return torch.from_numpy(rng.uniform(low, high, shape).astype(np.float32))

def i64(*shape, high=5):
    return torch.from_numpy(rng.integers(0, high, shape).astype(np.int64))

def enc(t):
    t = t.detach().contiguous()
    kind = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}[t.dtype]
    data = t.flatten().tolist()
    return {"dtype": kind, "shape": list(t.shape), "data": data}

cases = []
def case(name, fn, *inputs):
    cases.append({"name": name, "inputs": [enc(x) for x in inputs], "output": enc(fn(*inputs))})

a, b = f32(3, 4), f32(3, 4)
pos = f32(3, 4, low=0.1, high=3.0)
ints = i64(3, 4, high=9) + 1
case("add", lambda x, y: x + y, a, b)
case("sub", lambda x, y: x - y, a, b)
case("mul", lambda x, y: x * y, a, b)
case("div", lambda x, y: x / y, a, pos)
case("pow", lambda x, y: x.pow(y), pos, b)
case("maximum", torch.maximum, a, b)
case("minimum", torch.minimum, a, b)
case("atan2", torch.atan2, a, b)
case("broadcast_add", lambda x, y: x + y, a, f32(4))
case("add_scalar", lambda x: x + 2.5, a)
case("rsub_scalar", lambda x: 2.5 - x, a)
case("rdiv_scalar", lambda x: 2.0 / x, pos)
case("rpow_scalar", lambda x: 2.0 ** x, a)
case("pow_scalar", lambda x: x ** 3, a)
case("int_mul_int", lambda x: x * 3, ints)
case("int_div_int", lambda x: x / 2, ints)
case("int_mul_float", lambda x: x * 2.5, ints)
case("int_remainder", lambda x: x % 4, ints)
case("eq", lambda x, y: x == y, ints, i64(3, 4, high=9) + 1)
case("lt", lambda x, y: x < y, a, b)
case("ge_scalar", lambda x: x >= 0.5, a)
case("logical_and", lambda x, y: (x > 0) & (y > 0), a, b)
for name in ["neg", "abs", "exp", "sin", "cos", "tanh", "sigmoid", "relu", "floor", "ceil", "round", "sign",
             "square", "erf", "expm1"]:
    case(name, getattr(torch, name), a)
for name in ["log", "log1p", "sqrt", "rsqrt", "reciprocal"]:
    case(name, getattr(torch, name), pos)
case("silu", F.silu, a)
case("gelu", F.gelu, a)
case("clamp", lambda x: x.clamp(-0.5, 1.0), a)
case("clamp_min", lambda x: x.clamp(min=0.25), a)
case("isnan", lambda x: torch.isnan(x / x), torch.tensor([0.0, 1.0, -2.0]))
case("sum", torch.sum, a)
case("sum_dim1_keep", lambda x: x.sum(1, keepdim=True), a)
case("sum_dims", lambda x: x.sum((0, 2)), f32(2, 3, 4))
case("mean_dim0", lambda x: x.mean(0), a)
case("prod_dim1", lambda x: x.prod(1), a)
case("max_all", lambda x: x.max(), a)
case("max_dim1_values", lambda x: x.max(1).values, a)
case("max_dim1_indices", lambda x: x.max(1).indices, a)
case("argmax_dim1", lambda x: x.argmax(1), a)
case("argmin_all", lambda x: x.argmin(), a)
case("std_dim1", lambda x: x.std(1), a)
case("var_all_biased", lambda x: x.var(unbiased=False), a)
case("logsumexp_dim1", lambda x: x.logsumexp(1), a)
case("norm_all", lambda x: torch.linalg.vector_norm(x), a)
case("norm_p1_dim0", lambda x: torch.linalg.vector_norm(x, 1, dim=0), a)
case("all_dim1", lambda x: (x > -1.5).all(1), a)
case("any", lambda x: (x > 1.9).any(), a)
case("matmul_2d", torch.matmul, a, f32(4, 5))
case("matmul_batched", torch.matmul, f32(2, 3, 4), f32(2, 4, 2))
case("matmul_vec", torch.matmul, a, f32(4))
case("softmax_dim1", lambda x: x.softmax(1), a)
case("log_softmax_dim0", lambda x: x.log_softmax(0), a)
case("view", lambda x: x.view(2, 6), a)
case("reshape_transposed", lambda x: x.t().reshape(12), a)
case("permute", lambda x: x.permute(2, 0, 1), f32(2, 3, 4))
case("transpose_contiguous", lambda x: x.transpose(0, 1).contiguous(), a)
case("squeeze", lambda x: x.squeeze(), f32(1, 3, 1))
case("unsqueeze", lambda x: x.unsqueeze(1), f32(3))
case("flatten_1", lambda x: x.flatten(1), f32(2, 3, 4))
case("expand", lambda x: x.expand(3, 4), f32(3, 1))
case("select", lambda x: x.select(1, 2), a)
case("slice_step", lambda x: x[:, 1:4:2], a)
case("index_select", lambda x, i: x.index_select(1, i), a, torch.tensor([3, 0, 3]))
case("gather", lambda x, i: x.gather(1, i), a, i64(3, 2, high=4))
case("masked_fill", lambda x: x.masked_fill(x > 0, -1.0), a)
case("masked_select", lambda x: x.masked_select(x > 0), a)
case("where", lambda x, y: torch.where(x > y, x, y), a, b)
case("cat_dim1", lambda x, y: torch.cat([x, y], 1), a, b)
case("stack_dim0", lambda x, y: torch.stack([x, y], 0), a, b)
case("getitem_int_slice", lambda x: x[1, 1:3], a)
case("getitem_ellipsis", lambda x: x[..., 0], f32(2, 3, 4))
case("getitem_newaxis", lambda x: x[:, None], a)
case("getitem_negative", lambda x: x[-1, -3:], a)
case("getitem_mask", lambda x: x[x > 0.5], a)
case("getitem_index_tensor", lambda x, i: x[:, i], a, torch.tensor([[0, 1], [3, 3]]))
case("conv2d", lambda x, w, bb: F.conv2d(x, w, bb, stride=2, padding=1), f32(2, 3, 7, 7), f32(4, 3, 3, 3), f32(4))
case("conv2d_groups_dilation", lambda x, w: F.conv2d(x, w, None, padding=2, dilation=2, groups=2), f32(1, 4, 6, 6), f32(4, 2, 3, 3))
case("max_pool2d", lambda x: F.max_pool2d(x, 2), f32(2, 3, 6, 6))
case("max_pool2d_stride_pad", lambda x: F.max_pool2d(x, 3, stride=2, padding=1), f32(1, 2, 7, 7))
case("linear", F.linear, f32(5, 4), f32(3, 4), f32(3))
case("cross_entropy", lambda x, y: F.cross_entropy(x, y), f32(6, 4), i64(6, high=4))
case("cross_entropy_options", lambda x, y, w: F.cross_entropy(x, y, weight=w, ignore_index=1, label_smoothing=0.1),
     f32(6, 4), i64(6, high=4), f32(4, low=0.5, high=2.0))

random = []
torch.manual_seed(42)
random.append({"name": "manual_seed_42_rand_5", "output": enc(torch.rand(5))})
random.append({"name": "then_randn_2x3", "output": enc(torch.randn(2, 3))})
random.append({"name": "then_randint_0_10_6", "output": enc(torch.randint(0, 10, (6,)))})
random.append({"name": "then_randperm_8", "output": enc(torch.randperm(8))})
g = torch.Generator().manual_seed(7)
random.append({"name": "generator_7_rand_4", "output": enc(torch.rand(4, generator=g))})
random.append({"name": "generator_7_then_randn_3", "output": enc(torch.randn(3, generator=g))})

with open(OUT, "w") as fh:
    json.dump({"torch_version": torch.__version__, "cases": cases, "random": random}, fh, separators=(",", ":"))
print(f"wrote {len(cases)} op cases and {len(random)} random cases to {os.path.normpath(OUT)}")
