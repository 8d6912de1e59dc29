#!/usr/bin/python3
"""Peer for `autodnn bench ops`: per-op call overhead of python3-torch on tiny tensors (1 thread).

Usage: op_overhead.py ITERATIONS REPEATS   -> prints "name median_ns_per_call" per case.
The cases mirror OpOverheadBenchmark.cs one for one; keep them in step.
"""
import sys, time
import torch

torch.set_num_threads(1)
n, repeats = int(sys.argv[1]), int(sys.argv[2])
a, b, m = torch.rand(16), torch.rand(16), torch.rand(4, 4)
w = torch.rand(16, requires_grad=True)

def run(name, body):
    per_call = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            body()
        per_call.append((time.perf_counter_ns() - t0) / n)
    print(f"{name} {min(per_call):.1f}", flush=True)

run("add", lambda: a + b)
run("mul_scalar", lambda: a * 2.0)
run("relu", lambda: a.relu())
run("sum", lambda: a.sum())
run("matmul_4x4", lambda: m @ m)
run("view", lambda: a.view(4, 4))
run("slice", lambda: a[2:10])
run("autograd_step", lambda: (w * a).sum().backward())
