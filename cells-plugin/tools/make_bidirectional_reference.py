#!/usr/bin/env python3
"""Writes reference vectors for bidirectional layers over padded variable-length batches, computed with
PyTorch autograd in float64 through packed sequences (the backward direction of each sequence starts at
its own last real step).

Each case: torch.nn.RNN/LSTM/GRU(I, H, LAYERS, bidirectional=True) weights under PyTorch's names
(weight_ih_l0, ..., weight_ih_l0_reverse, ...), the input x [T,B,I] (time-major; the padded rows hold
random values too, which must not matter), the lengths [B] (real steps per sequence, padding after),
initial states h0/c0 [2*LAYERS,B,H] in PyTorch's order (layer 0 forward, layer 0 reverse, layer 1
forward, ...), the outputs y [T,B,2H] of the top layer (zero at padded rows, as pad_packed_sequence
gives them), the final states hT/cT, a probe R [T,B,2H] and every gradient of loss = sum(y * R).
Inputs are float32-representable.

Usage: make_bidirectional_reference.py OUT.json SEED [T B I H LAYERS]
Run with Debian's /usr/bin/python3 (python3-torch). The committed file:
  make_bidirectional_reference.py ../src/test/resources/reference/bidirectional-t7-b4.json 3 7 4 3 5 2
"""
import json, sys, torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.set_default_dtype(torch.float64)
out_path, seed = sys.argv[1], int(sys.argv[2])
T, B, I, H, L = (int(v) for v in (sys.argv[3:8] + ["7", "4", "3", "5", "2"][len(sys.argv[3:8]):]))
g = torch.Generator().manual_seed(seed)


def r32(*shape, scale=0.5):
    return (torch.rand(*shape, generator=g) * 2 - 1).mul(scale).float().double()


def lst(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().reshape(-1).tolist()]}


def lengths():
    # one full-length sequence, one of a single step, the others in between, in no particular order
    ls = [T, 1] + [int(v) for v in torch.randint(1, T + 1, (max(B - 2, 0),), generator=g)]
    return torch.tensor(ls[:B])


def case(cell):
    module = {"rnn_tanh": lambda: torch.nn.RNN(I, H, L, nonlinearity="tanh", bidirectional=True),
              "lstm": lambda: torch.nn.LSTM(I, H, L, bidirectional=True),
              "gru_reset_after": lambda: torch.nn.GRU(I, H, L, bidirectional=True)}[cell]()
    params = {name: r32(*p.shape) for name, p in module.named_parameters()}
    for name, p in module.named_parameters():
        p.data.copy_(params[name])
    x = r32(T, B, I, scale=1.0)
    lens = lengths()
    h0 = r32(2 * L, B, H); c0 = r32(2 * L, B, H)
    R = r32(T, B, 2 * H, scale=1.0)
    for t in (x, h0, c0):
        t.requires_grad_(True)
    packed = pack_padded_sequence(x, lens, enforce_sorted=False)
    out, st = module(packed, (h0, c0) if cell == "lstm" else h0)
    y, _ = pad_packed_sequence(out, total_length=T)
    loss = (y * R).sum()
    loss.backward()
    res = {"cell": cell, "T": T, "B": B, "I": I, "H": H, "layers": L, "bidirectional": True, "loss": float(loss),
           "lengths": lst(lens.double()), "x": lst(x), "h0": lst(h0), "probe": lst(R), "y": lst(y),
           "params": {k: lst(v) for k, v in params.items()},
           "grad_params": {k: lst(p.grad) for k, p in module.named_parameters()},
           "grad_x": lst(x.grad), "grad_h0": lst(h0.grad)}
    if cell == "lstm":
        res["c0"] = lst(c0); res["grad_c0"] = lst(c0.grad)
        res["hT"], res["cT"] = lst(st[0]), lst(st[1])
    else:
        res["hT"] = lst(st)
    return res


cases = [case(c) for c in ("rnn_tanh", "lstm", "gru_reset_after")]
with open(out_path, "w") as f:
    json.dump({"generator": f"PyTorch {torch.__version__} autograd, float64, packed sequences", "seed": seed,
               "layout": "x, y, probe: [T,B,*] time-major, padded after each sequence's length; "
                         "h0/c0/hT/cT: [2*layers,B,H] (layer 0 forward, layer 0 reverse, ...); "
                         "weights as torch.nn.RNN/LSTM/GRU(bidirectional=True) name them",
               "cases": cases}, f)
print(out_path, [(c["cell"], c["loss"]) for c in cases])
