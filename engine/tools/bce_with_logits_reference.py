#!/usr/bin/env python3
"""Reference values for Graph.binaryCrossEntropyWithLogits, computed by PyTorch autograd in float64.

Each case: a linear layer h[rows, I] -> logits[rows, K] = h W^T + b, then
torch.nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none") summed over the K
outputs and averaged over the rows whose mask is 1 (time-major padded sequences: padded rows have mask 0).
The inputs are drawn, rounded to float32 and then used in float64, so the Java float32 engine sees
exactly the values PyTorch saw. Written: loss, logits, d loss / d logits, d loss / d W, d loss / d b.

Usage (Debian's python3 with python3-torch): engine/tools/bce_with_logits_reference.py OUT.json
"""
import json
import sys

import torch

torch.manual_seed(21)


def f32(t):
    return t.float().double()


def case(name, rows, inputs, outputs, mask, target, scale, extremes=()):
    h = f32(torch.randn(rows, inputs))
    w = f32(torch.randn(outputs, inputs) * scale).requires_grad_()
    b = f32(torch.randn(outputs) * scale).requires_grad_()
    logits = h @ w.t() + b
    logits.retain_grad()
    terms = torch.nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none").sum(1)
    loss = (terms * mask).sum() / mask.sum()
    loss.backward()
    out = {"name": name, "rows": rows, "inputs": inputs, "outputs": outputs}
    for key, t in [("h", h), ("weight", w), ("bias", b), ("target", target), ("mask", mask), ("logits", logits),
                   ("grad_logits", logits.grad), ("grad_weight", w.grad), ("grad_bias", b.grad)]:
        out[key] = {"shape": list(t.shape), "data": t.detach().reshape(-1).tolist()}
    out["loss"] = loss.item()
    return out


def piano_roll(rows, keys, density):
    return (torch.rand(rows, keys) < density).double()


cases = []
# JSB-like: 88 keys, 3 sequences of lengths 4, 2, 3 padded to 4 steps (time-major rows t * B + b)
lengths = [4, 2, 3]
steps, batch = 4, 3
mask = torch.tensor([1.0 if t < lengths[b] else 0.0 for t in range(steps) for b in range(batch)], dtype=torch.float64)
cases.append(case("piano-roll-88", steps * batch, 6, 88, mask, piano_roll(steps * batch, 88, 0.05), 1.0))
# logits far from zero (|logit| up to ~100): the naive log(sigmoid) form would give inf here
cases.append(case("large-logits", 5, 4, 7, torch.ones(5, dtype=torch.float64), piano_roll(5, 7, 0.5), 25.0))
# soft targets in [0, 1] (label smoothing, probabilities): the formula holds for any y in [0, 1]
cases.append(case("soft-targets", 6, 3, 5, torch.tensor([1.0, 1, 0, 1, 1, 0], dtype=torch.float64),
                  f32(torch.rand(6, 5)), 1.5))

json.dump({"generator": f"PyTorch {torch.__version__} autograd, float64 (engine/tools/bce_with_logits_reference.py)",
           "layout": "matrices row-major; logits = h weight^T + bias; loss = sum_j bce(logits[r, j], target[r, j])"
                     " averaged over rows with mask[r] = 1",
           "cases": cases}, open(sys.argv[1], "w"))
