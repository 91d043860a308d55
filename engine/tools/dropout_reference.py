#!/usr/bin/env python3
"""Reference values for rnnlab's dropout, computed by PyTorch in float32 (its own training-mode dropout).

Case "functional": torch.nn.functional.dropout(x, p, training=True) on x [rows, cols]; the kept elements
are read back as keep = (y != 0) (x has no zeros), so a test can rebuild rnnlab's mask (keep / (1 - p))
and compare y and dx = d(sum(y * upstream)) / dx with PyTorch's.

Case "lstm-between-layers" (written only with --lstm OUT2.json): nn.LSTM(I, H, num_layers=2, dropout=p) in
training mode on time-major x [T, B, I] (row t*B + b). The mask PyTorch drew between the layers is
recovered by re-running the same generator state through layer 0 alone and F.dropout (the ATen RNN loop
calls at::dropout on each layer's output except the last, drawing from the same default generator), and
the script asserts that this decomposition reproduces nn.LSTM's output exactly before writing it.
Written: weights (PyTorch names), x, the between-layer keep mask, output, h_n, c_n, upstream gradient of
the output, and the gradients of x and every weight.

Usage (Debian's python3 with python3-torch):
  engine/tools/dropout_reference.py engine/src/test/resources/reference/dropout.json \
      --lstm cells-plugin/src/test/resources/reference/lstm-dropout.json
"""
import json
import sys

import torch
import torch.nn.functional as F


def lst(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().reshape(-1).tolist()]}


def nonzero(*shape):
    x = torch.rand(*shape) * 2 - 1
    return torch.where(x.abs() < 1e-3, torch.full_like(x, 0.5), x)


def functional(name, rows, cols, p, seed):
    torch.manual_seed(seed)
    x = nonzero(rows, cols).requires_grad_()
    upstream = torch.randn(rows, cols)
    y = F.dropout(x, p, training=True)
    (y * upstream).sum().backward()
    keep = (y != 0).float()
    return {"name": name, "p": p, "x": lst(x), "keep": lst(keep), "y": lst(y), "upstream": lst(upstream),
            "grad_x": lst(x.grad)}


def lstm_case(T=5, B=3, I=4, H=6, p=0.4, seed=7):
    torch.manual_seed(seed)
    lstm = torch.nn.LSTM(I, H, num_layers=2, dropout=p)
    x = nonzero(T, B, I)
    upstream = torch.randn(T, B, H)
    l0 = torch.nn.LSTM(I, H)  # made before the state is saved: a module's initialisation draws too
    l1 = torch.nn.LSTM(H, H)
    state = torch.get_rng_state()
    xa = x.clone().requires_grad_()
    out, (h_n, c_n) = lstm(xa)
    (out * upstream).sum().backward()
    # the same draws, one layer at a time
    torch.set_rng_state(state)
    with torch.no_grad():
        for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(l0, n + "_l0").copy_(getattr(lstm, n + "_l0"))
            getattr(l1, n + "_l0").copy_(getattr(lstm, n + "_l1"))
    mid, _ = l0(x)
    dropped = F.dropout(mid, p, training=True)
    top, _ = l1(dropped)
    assert torch.equal(top, out), "layer-by-layer dropout does not reproduce nn.LSTM(dropout=p)"
    keep = (dropped != 0).float()
    assert not torch.any(mid == 0), "an output of layer 0 is exactly 0: its keep bit cannot be read back"
    case = {"name": "lstm-between-layers", "steps": T, "batch": B, "input": I, "hidden": H, "p": p,
            "x": lst(x.reshape(T * B, I)), "keep": lst(keep.reshape(T * B, H)),
            "output": lst(out.reshape(T * B, H)), "h_n": lst(h_n), "c_n": lst(c_n),
            "upstream": lst(upstream.reshape(T * B, H)), "grad_x": lst(xa.grad.reshape(T * B, I)),
            "weights": {}, "grads": {}}
    for n, w in lstm.named_parameters():
        case["weights"][n] = lst(w)
        case["grads"][n] = lst(w.grad)
    return case


def main():
    cases = [functional("p0.3", 6, 7, 0.3, 11), functional("p0.5", 4, 9, 0.5, 12),
             functional("p0.9", 5, 8, 0.9, 13)]
    json.dump({"generator": f"PyTorch {torch.__version__}, float32 (engine/tools/dropout_reference.py)",
               "layout": "matrices row-major; y = dropout(x, p); grad_x = d sum(y * upstream) / dx",
               "cases": cases}, open(sys.argv[1], "w"))
    if "--lstm" in sys.argv:
        json.dump({"generator": f"PyTorch {torch.__version__}, float32 (engine/tools/dropout_reference.py)",
                   "layout": "time-major rows t*B + b; output of nn.LSTM(num_layers=2, dropout=p) in training mode",
                   "cases": [lstm_case()]}, open(sys.argv[sys.argv.index("--lstm") + 1], "w"))


if __name__ == "__main__":
    main()
