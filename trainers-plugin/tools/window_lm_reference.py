#!/usr/bin/env python3
"""Reference values for windowed next-word models (bag-of-words and fixed-window), by PyTorch autograd in float64.

The models of experiments/tools/next_word_reference.py: at each step the embeddings of the last n tokens
(the step's own included, <pad> = id 0 before the start) are concatenated oldest first (fixed-window, as
Bengio et al. 2003) or averaged (bag-of-words), go through tanh(W x + b) (rnnlab's dense cell: weight_ih_l0,
bias_ih_l0) and a linear head. Two word-id sequences of different lengths form one time-major batch, read
as <bos> x1..xn (id 2) predicting x1..xn <eos> (id 3); the loss is the cross-entropy averaged over the real
steps. Weights, logits, loss and every parameter's gradient are written with rnnlab's names. Weights are rounded to
float32 first so the Java float32 model sees the values PyTorch saw.

Usage (Debian's python3 with python3-torch): trainers-plugin/tools/window_lm_reference.py OUT.json
"""
import json
import sys

import torch

torch.manual_seed(15)
VOCAB, E, H, N = 11, 4, 5, 3
PAD, BOS, EOS = 0, 2, 3


def f32(t):
    return t.float().double()


def case(kind, sequences):
    steps, batch = max(map(len, sequences)) + 1, len(sequences)
    x = torch.full((steps, batch), PAD, dtype=torch.long)
    y = torch.full((steps, batch), -100, dtype=torch.long)
    for b, s in enumerate(sequences):
        x[:len(s) + 1, b] = torch.tensor([BOS] + s)
        y[:len(s) + 1, b] = torch.tensor(s + [EOS])
    width = E * N if kind == "fixed-window" else E
    params = {
        "embedding.weight": torch.empty(VOCAB, E).normal_(),
        "weight_ih_l0": torch.empty(H, width).uniform_(-0.6, 0.6),
        "bias_ih_l0": torch.empty(H).uniform_(-0.6, 0.6),
        "head.weight": torch.empty(VOCAB, H).uniform_(-0.6, 0.6),
        "head.bias": torch.empty(VOCAB).uniform_(-0.6, 0.6),
    }
    params = {n: f32(p).requires_grad_() for n, p in params.items()}
    padded = torch.cat([torch.full((N - 1, batch), PAD, dtype=torch.long), x])
    slots = [params["embedding.weight"][padded[k:k + steps]] for k in range(N)]  # oldest first
    inp = torch.cat(slots, -1) if kind == "fixed-window" else torch.stack(slots).mean(0)
    h = torch.tanh(inp @ params["weight_ih_l0"].T + params["bias_ih_l0"])
    logits = h @ params["head.weight"].T + params["head.bias"]
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, VOCAB), y.reshape(-1), ignore_index=-100)
    loss.backward()
    return {
        "kind": kind, "window": N, "vocab": VOCAB, "embedding": E, "hidden": H,
        "sequences": sequences,
        "loss": loss.item(),
        "logits": {"shape": [steps, batch, VOCAB], "data": logits.detach().reshape(-1).tolist()},
        "parameters": {n: {"shape": list(p.shape), "data": p.detach().reshape(-1).tolist()} for n, p in params.items()},
        "gradients": {n: {"shape": list(p.shape), "data": p.grad.reshape(-1).tolist()} for n, p in params.items()},
    }


sequences = [[4, 7, 5, 9, 4, 10], [8, 1, 6]]
json.dump({"generator": f"PyTorch {torch.__version__} autograd, float64 (trainers-plugin/tools/window_lm_reference.py)",
           "layout": "time-major batch of <bos> + sequence, targets sequence + <eos>; window slots oldest first,"
                     " <pad> (0) before the start; loss = cross-entropy averaged over the real steps",
           "cases": [case(k, sequences) for k in ("bag-of-words", "fixed-window")]}, open(sys.argv[1], "w"))
