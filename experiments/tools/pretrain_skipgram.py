#!/usr/bin/python3
"""Pretrains word vectors for `--set embedding.init=FILE` by skip-gram with negative sampling (PyTorch).

A developer's tool, run by hand; rnnlab never runs it. It stands in for the `word2vec` task until that is on
main, for the comparison of random and pretrained embeddings on the sentiment task (issue 15, item 5 (c)).

  /usr/bin/python3 experiments/tools/pretrain_skipgram.py CORPUS.txt OUT.txt [--dim 64] [--epochs 3]

The corpus is tokenised as rnnlab's `word` tokenizer does at its defaults (lower-cased; letters and digits with
inner apostrophes are a word, any other visible character a token of its own), so the words match the
vocabulary the sentiment task fits. Skip-gram as Mikolov et al. 2013: a random window of 1..W words on each
side, sub-sampling of frequent words (t = 1e-3), k negatives from the unigram distribution to the 3/4 power,
SGD with the learning rate decaying linearly to 0. Output: the word2vec text format, words by count.
Deterministic under --seed on one thread.
"""
import argparse
import re
from collections import Counter

import numpy as np
import torch

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\s+|.", re.UNICODE)


def tokens(text):
    return [m.group() for m in TOKEN.finditer(text.lower()) if not m.group().isspace()]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("out")
    p.add_argument("--dim", type=int, default=64)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negatives", type=int, default=5)
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=0.025)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(a.seed)

    with open(a.corpus, encoding="utf-8") as f:
        words = tokens(f.read())
    counts = Counter(words)
    vocab = sorted((w for w, c in counts.items() if c >= a.min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.array([index[w] for w in words if w in index], dtype=np.int64)
    freq = np.array([counts[w] for w in vocab], dtype=np.float64)
    total = freq.sum()
    keep = np.minimum(1.0, (np.sqrt(freq / total / 1e-3) + 1) * 1e-3 * total / freq)
    noise = torch.tensor(freq ** 0.75 / (freq ** 0.75).sum())

    n, d = len(vocab), a.dim
    centre = torch.nn.Embedding(n, d)
    context = torch.nn.Embedding(n, d)
    with torch.no_grad():
        centre.weight.uniform_(-0.5 / d, 0.5 / d)
        context.weight.zero_()
    params = list(centre.parameters()) + list(context.parameters())
    steps_total, step = None, 0
    for epoch in range(a.epochs):
        kept = ids[rng.random(len(ids)) < keep[ids]]
        pairs = []
        reach = rng.integers(1, a.window + 1, size=len(kept))
        for offset in range(1, a.window + 1):
            use = reach >= offset
            left = np.nonzero(use[offset:])[0] + offset
            pairs.append(np.stack([kept[left], kept[left - offset]], 1))
            right = np.nonzero(use[:-offset])[0]
            pairs.append(np.stack([kept[right], kept[right + offset]], 1))
        pairs = np.concatenate(pairs)
        pairs = pairs[rng.permutation(len(pairs))]
        if steps_total is None:
            steps_total = a.epochs * ((len(pairs) + a.batch - 1) // a.batch)
        loss_sum = 0.0
        for b in range(0, len(pairs), a.batch):
            batch = torch.from_numpy(pairs[b:b + a.batch])
            c, o = batch[:, 0], batch[:, 1]
            neg = torch.multinomial(noise, len(c) * a.negatives, replacement=True).view(len(c), a.negatives)
            vc = centre(c)
            pos = torch.nn.functional.logsigmoid((vc * context(o)).sum(1))
            negs = torch.nn.functional.logsigmoid(-(context(neg) @ vc.unsqueeze(2)).squeeze(2)).sum(1)
            loss = -(pos + negs).mean()
            for q in params:
                q.grad = None
            loss.backward()
            lr = a.lr * max(1e-4, 1 - step / steps_total)
            with torch.no_grad():
                for q in params:
                    # the mean over the batch divides each pair's gradient by the batch size: undo it, as
                    # word2vec steps once per pair
                    q -= lr * len(c) * q.grad
            step += 1
            loss_sum += loss.item() * len(c)
        print(f"epoch {epoch + 1}: {len(pairs):,} pairs, mean loss {loss_sum / len(pairs):.4f}")
    v = centre.weight.detach().numpy()
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"{n} {d}\n")
        for i, w in enumerate(vocab):
            f.write(w + " " + " ".join(repr(float(np.float32(x))) for x in v[i]) + "\n")
    print(f"wrote {n:,} words of dimension {d} to {a.out}")


if __name__ == "__main__":
    main()
