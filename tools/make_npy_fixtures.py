#!/usr/bin/python3
"""Regenerates tests/AutoDnn.Plugins.Vision.Tests/Fixtures/npy/*.npy and expected.json with numpy.

Run: /usr/bin/python3 tools/make_npy_fixtures.py
"""
import json, os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "AutoDnn.Plugins.Vision.Tests", "Fixtures", "npy")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(11)
base = rng.uniform(-100, 100, (2, 3, 4))
arrays = {
    "f4": base.astype("<f4"),
    "f8_big_endian": base.astype(">f8"),
    "f2": base.astype("<f2"),
    "u1_images": rng.integers(0, 256, (3, 5, 5)).astype("|u1"),
    "i8": rng.integers(-1000, 1000, (7,)).astype("<i8"),
    "i2_big_endian": rng.integers(-1000, 1000, (2, 2)).astype(">i2"),
    "bool": rng.integers(0, 2, (4,)).astype("|b1"),
    "fortran_f4": np.asfortranarray(base.astype("<f4")),
}
expected = {}
for name, a in arrays.items():
    np.save(os.path.join(OUT, name + ".npy"), a)
    expected[name] = {"shape": list(a.shape), "descr": np.lib.format.dtype_to_descr(a.dtype),
                      "data": np.ascontiguousarray(a).astype(np.float32).reshape(-1).tolist()}
with open(os.path.join(OUT, "expected.json"), "w") as fh:
    json.dump(expected, fh, separators=(",", ":"))
print(f"wrote {len(arrays)} .npy fixtures to {os.path.normpath(OUT)}")
