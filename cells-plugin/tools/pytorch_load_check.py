#!/usr/bin/env python3
"""Loads models saved by rnnlab (PyTorchExport) into torch.nn.LSTM/GRU/RNN and compares outputs.

Reads safetensors by hand (8-byte little-endian header length, JSON header, raw little-endian F32 data),
so it needs only Debian's python3-torch and python3-numpy. Usage: pytorch_load_check.py DIR
"""
import json, struct, sys
import numpy as np
import torch


def load(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    out = {}
    for k, v in json.loads(b[8:8 + n]).items():
        if k == "__metadata__":
            continue
        s, e = v["data_offsets"]
        assert v["dtype"] == "F32", v
        out[k] = torch.from_numpy(np.frombuffer(b[8 + n + s:8 + n + e], dtype="<f4").reshape(v["shape"]).copy())
    return out


d = sys.argv[1]
worst = 0.0
for cell, cls in [("lstm", torch.nn.LSTM), ("gru", torch.nn.GRU), ("rnn", torch.nn.RNN)]:
    weights, io = load(f"{d}/{cell}.safetensors"), load(f"{d}/{cell}-io.safetensors")
    mod = cls(io["x"].shape[2], io["y"].shape[2], 2)
    mod.load_state_dict(weights, strict=True)
    with torch.no_grad():
        y, _ = mod(io["x"])
    err = (y - io["y"]).abs().max().item()
    worst = max(worst, err)
    print(f"{cell}: torch.nn.{cls.__name__}.load_state_dict(strict=True) took {len(weights)} tensors; "
          f"max |y_torch - y_rnnlab| = {err:.2e}")
sys.exit(0 if worst < 1e-5 else 1)
