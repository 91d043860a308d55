#!/usr/bin/env python3
"""Reference values for the skip-gram negative-sampling loss (SkipGramLoss), by PyTorch autograd in float64.

A fixed batch of (center, context, k negatives) over a vocabulary of V words with two tables [V, E] (input
rows v for centers, output rows u for contexts and negatives); loss = mean over the batch of
-logsigmoid(u_o . v_c) - sum_j logsigmoid(-u_nj . v_c). Repeated words (a center twice, a negative that is
also a context) are in the batch on purpose: their gradients must add up. Table values are rounded to
float32 first so the Java float32 tables hold what PyTorch saw.

With a second file name, the same for CBOW (CbowLoss): each example's context words (2 to 4 of them, one
twice in an example, one shared between examples) have their input rows averaged into h, which predicts the
center word against k negatives: loss = mean over the batch of -logsigmoid(u_o . h) - sum_j logsigmoid(-u_nj . h).

Output: one line per entry, `name v1 v2 ...` (ints for the batch, floats with 17 significant digits).
Usage (Debian's python3 with python3-torch): framework-model/tools/skipgram_reference.py OUT.txt [CBOW.txt]
"""
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(2013)
V, E, K = 9, 5, 3
centers = torch.tensor([1, 4, 4, 7, 0, 8])
contexts = torch.tensor([2, 5, 3, 7, 8, 1])
negatives = torch.tensor([[3, 6, 8], [0, 2, 5], [1, 1, 7], [6, 2, 4], [8, 3, 2], [5, 0, 6]])
inp = (torch.randn(V, E) * 0.8).float().double().requires_grad_()
out = (torch.randn(V, E) * 0.8).float().double().requires_grad_()
v = inp[centers]
pos = F.logsigmoid((out[contexts] * v).sum(1))
neg = F.logsigmoid(-(out[negatives] * v.unsqueeze(1)).sum(2)).sum(1)
loss = -(pos + neg).mean()
loss.backward()


def line(name, t, ints=False):
    values = t.reshape(-1).tolist()
    return name + " " + " ".join(str(int(x)) if ints else repr(float(x)) for x in values)


with open(sys.argv[1], "w") as f:
    f.write(f"# PyTorch {torch.__version__} autograd, float64 (framework-model/tools/skipgram_reference.py)\n")
    f.write(f"sizes {V} {E} {K}\n")
    for name, t in (("centers", centers), ("contexts", contexts), ("negatives", negatives)):
        f.write(line(name, t, True) + "\n")
    for name, t in (("input", inp), ("output", out), ("loss", loss), ("grad_input", inp.grad), ("grad_output", out.grad)):
        f.write(line(name, t.detach()) + "\n")


if len(sys.argv) > 2:
    torch.manual_seed(2014)
    starts = torch.tensor([0, 3, 5, 9, 11])
    contexts = torch.tensor([1, 2, 3, 4, 4, 0, 5, 6, 7, 2, 8])
    centers = torch.tensor([0, 7, 1, 3])
    negatives = torch.tensor([[3, 6, 8], [0, 2, 5], [1, 1, 7], [6, 2, 4]])
    inp = (torch.randn(V, E) * 0.8).float().double().requires_grad_()
    out = (torch.randn(V, E) * 0.8).float().double().requires_grad_()
    h = torch.stack([inp[contexts[starts[i]:starts[i + 1]]].mean(0) for i in range(len(centers))])
    pos = F.logsigmoid((out[centers] * h).sum(1))
    neg = F.logsigmoid(-(out[negatives] * h.unsqueeze(1)).sum(2)).sum(1)
    loss = -(pos + neg).mean()
    loss.backward()
    with open(sys.argv[2], "w") as f:
        f.write(f"# PyTorch {torch.__version__} autograd, float64 (framework-model/tools/skipgram_reference.py, CBOW)\n")
        f.write(f"sizes {V} {E} {K}\n")
        for name, t in (("contexts", contexts), ("starts", starts), ("centers", centers), ("negatives", negatives)):
            f.write(line(name, t, True) + "\n")
        for name, t in (("input", inp), ("output", out), ("loss", loss), ("grad_input", inp.grad),
                        ("grad_output", out.grad)):
            f.write(line(name, t.detach()) + "\n")
