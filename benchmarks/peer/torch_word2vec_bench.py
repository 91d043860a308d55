#!/usr/bin/env python3
"""Skip-gram with negative sampling in PyTorch, the peer of rnnlab's Word2VecBenchmark (same corpus file, sizes).

Usage: torch_word2vec_bench.py CORPUS DIM WINDOW NEGATIVES EPOCHS SAMPLE [BATCH] [THREADS]
CORPUS is written by Word2VecBenchmark: the counts by word id on the first line, then one sentence of ids per
line. The model is word2vec's: an input and an output table (nn.Embedding(V, DIM, sparse=True); input uniform in
+-0.5/DIM, output zero), loss per pair -logsigmoid(u_o . v_c) - sum_k logsigmoid(-u_nk . v_c) summed over a
batch of BATCH pairs (default 1024), so that plain SGD (sparse gradients) at rate 0.025, decayed linearly to 0,
takes per-pair steps of word2vec's size; negatives drawn per batch by torch.multinomial from the counts to the
3/4 power. Each epoch's pairs are made first with numpy (sub-sampling with word2vec's keep probability, each
position's window shrunk by a random 0..WINDOW-1), untimed: only the training loop is timed, one untimed warm-up
epoch first. Prints 'pairs/s: N' and 'cpu pairs/s: N' (process CPU time).
"""
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def main():
    corpus, dim, window, k, epochs, sample = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        int(sys.argv[5]), float(sys.argv[6])
    batch = int(sys.argv[7]) if len(sys.argv) > 7 else 1024
    threads = int(sys.argv[8]) if len(sys.argv) > 8 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    with open(corpus) as f:
        counts = np.array([int(x) for x in f.readline().split()], dtype=np.float64)
        sentences = [np.array([int(x) for x in line.split()], dtype=np.int64) for line in f]
    v = len(counts)
    words = np.concatenate(sentences)
    sentence_of = np.concatenate([np.full(len(s), i) for i, s in enumerate(sentences)])
    share = counts / counts.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        keep = np.where(counts > 0, np.minimum(1.0, (np.sqrt(share / sample) + 1) * sample / share), 1.0)
    unigram = torch.tensor(counts ** 0.75)

    inp = torch.nn.Embedding(v, dim, sparse=True)
    out = torch.nn.Embedding(v, dim, sparse=True)
    with torch.no_grad():
        inp.weight.uniform_(-0.5 / dim, 0.5 / dim)
        out.weight.zero_()
    lr0 = 0.025
    optimizer = torch.optim.SGD(list(inp.parameters()) + list(out.parameters()), lr=lr0)

    def pairs():
        kept = rng.random(len(words)) < keep[words]
        w, s = words[kept], sentence_of[kept]
        reach = window - rng.integers(0, window, len(w))
        centers, contexts = [], []
        for d in range(1, window + 1):
            same = s[:-d] == s[d:]
            forward = same & (d <= reach[:-d])   # center i, context i + d
            backward = same & (d <= reach[d:])   # center i + d, context i
            centers += [w[:-d][forward], w[d:][backward]]
            contexts += [w[d:][forward], w[:-d][backward]]
        return torch.from_numpy(np.concatenate(centers)), torch.from_numpy(np.concatenate(contexts))

    epoch_pairs = [pairs() for _ in range(epochs + 1)]
    total = sum(len(c) for c, _ in epoch_pairs)
    done = 0

    def train(c, o):
        nonlocal done
        loss_sum = 0.0
        for start in range(0, len(c), batch):
            cb, ob = c[start:start + batch], o[start:start + batch]
            for group in optimizer.param_groups:
                group["lr"] = lr0 * max(1e-4, 1 - done / total)
            neg = torch.multinomial(unigram, len(cb) * k, replacement=True).view(len(cb), k)
            vc = inp(cb)
            pos = F.logsigmoid((out(ob) * vc).sum(1))
            negs = F.logsigmoid(-torch.bmm(out(neg), vc.unsqueeze(2)).squeeze(2)).sum(1)
            loss = -(pos + negs).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_sum += loss.item()
            done += len(cb)
        return loss_sum

    train(*epoch_pairs[0])
    n = 0
    loss = 0.0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for c, o in epoch_pairs[1:]:
        loss += train(c, o)
        n += len(c)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(f"pairs: {n}  seconds: {wall:.3f}  loss: {loss / n:.4f}  threads: {torch.get_num_threads()}")
    print(f"pairs/s: {n / wall:.0f}")
    print(f"cpu pairs/s: {n / cpu:.0f}")


if __name__ == "__main__":
    main()
