#!/usr/bin/env python3
"""Reference values for multi-label sequence modelling (the music task), by PyTorch autograd in float64.

The model of ../shared/peers/jsb_nll.py: 88 inputs -> torch.nn.RNN/GRU/LSTM (one layer) -> Linear(H, 88),
next-step prediction from a zero first input. Here two piano rolls of different lengths form one
time-major batch (padded steps masked out); the loss is binary_cross_entropy_with_logits summed over the
88 keys and averaged over the real time steps of the batch. The rolls are written as note sets (MIDI
numbers, key k = MIDI 21 + k); weights, logits, loss and every parameter's gradient are written with
PyTorch's names (weight_ih_l0, ... ; head.weight, head.bias for the Linear). Inputs are rounded to
float32 first so the Java float32 model sees the values PyTorch saw.

Usage (Debian's python3 with python3-torch): trainers-plugin/tools/multilabel_reference.py OUT.json
"""
import json
import sys

import torch

torch.manual_seed(8)
KEYS, H = 88, 6


def f32(t):
    return t.float().double()


def roll(length, density=0.06):
    return (torch.rand(length, KEYS) < density).double()


def case(cell):
    lengths = [5, 3]
    rolls = [roll(n) for n in lengths]
    steps, batch = max(lengths), len(lengths)
    rnn = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}[cell](KEYS, H).double()
    head = torch.nn.Linear(H, KEYS).double()
    with torch.no_grad():
        for p in list(rnn.parameters()) + list(head.parameters()):
            p.copy_(f32(torch.empty_like(p).uniform_(-0.6, 0.6)))
    x = torch.zeros(steps, batch, KEYS, dtype=torch.float64)
    y = torch.zeros(steps, batch, KEYS, dtype=torch.float64)
    mask = torch.zeros(steps, batch, dtype=torch.float64)
    for b, r in enumerate(rolls):
        y[:len(r), b] = r
        x[1:len(r), b] = r[:-1]
        mask[:len(r), b] = 1
    packed = torch.nn.utils.rnn.pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=False)
    out, _ = rnn(packed)
    out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, total_length=steps)
    logits = head(out)
    terms = torch.nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="none").sum(2)
    loss = (terms * mask).sum() / mask.sum()
    loss.backward()
    params = {}
    for name, p in rnn.named_parameters():
        params[name] = p
    params["head.weight"], params["head.bias"] = head.weight, head.bias
    return {
        "cell": cell, "hidden": H, "keys": KEYS, "lowest_key": 21,
        "rolls": [[[21 + k for k in range(KEYS) if r[t, k] > 0] for t in range(len(r))] for r in rolls],
        "loss": loss.item(),
        "nll_per_step_sum": (terms * mask).sum().item(),
        "steps": int(mask.sum().item()),
        "logits": {"shape": [steps, batch, KEYS], "data": logits.detach().reshape(-1).tolist()},
        "parameters": {n: {"shape": list(p.shape), "data": p.detach().reshape(-1).tolist()} for n, p in params.items()},
        "gradients": {n: {"shape": list(p.shape), "data": p.grad.reshape(-1).tolist()} for n, p in params.items()},
    }


json.dump({"generator": f"PyTorch {torch.__version__} autograd, float64 (trainers-plugin/tools/multilabel_reference.py)",
           "layout": "logits [T, B, keys] time-major; rolls as MIDI note sets per step; loss = BCE summed over keys,"
                     " averaged over the real steps of the batch; zero first input, input t = roll step t-1",
           "cases": [case(c) for c in ("rnn", "gru", "lstm")]}, open(sys.argv[1], "w"))
