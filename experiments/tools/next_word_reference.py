#!/usr/bin/python3
"""Independent PyTorch reimplementation of the `next-word` lesson, to calibrate its defaults.

Run by hand (Debian's /usr/bin/python3 with python3-torch); nothing in the build or the tests runs it.
It reads tiny-shakespeare from the datasets plugin's resources and rebuilds what the lesson does:

- data: the text cut into examples of CHUNK whitespace-separated words (the `shakespeare-words`
  dataset), the first 90% of the examples train, the rest validate, in text order;
- tokens: lower-cased words (runs of letters, marks and digits with inner apostrophes) and every other
  visible character on its own, as rnnlab's `word` tokenizer; vocabulary of the training split, the
  specials <pad> <unk> <bos> <eos> first, then by count (descending) and token, cut to VOCAB entries;
- each example is read as <bos> x1..xn and predicts x1..xn <eos> (cross-entropy at every step);
- models, all with the same embedding size E (N(0,1) init, as nn.Embedding):
  bag-of-words: the mean of the embeddings of the last n tokens (<pad> before the start) -> tanh layer
  fixed-window: the last n embeddings concatenated (oldest first; <pad> before the start) -> tanh layer
  rnn / lstm / gru: nn.RNN(tanh) / nn.LSTM / nn.GRU over the embeddings;
  then a linear head over the vocabulary;
- Adam, gradient norm clipped, one thread; validation perplexity = exp(mean nats per predicted token).

With --stream T (rnnlab's bptt.stateful=true, bptt.chunk=T) each split is instead one stream, the
concatenation of its examples' tokens without <bos>/<eos>, cut into consecutive pieces of T inputs (each
predicting the next T tokens; the last piece may be shorter). Piece i of each of B equal runs of pieces
(the runs read one after the other give the stream back; the last run may be shorter) forms batch i, so the
batches of an epoch go in text order and row k of batch i continues row k of batch i-1: the recurrent
state is carried from one batch to the next (detached), zero at the start of an epoch. A window reaches
back over the piece's start into the tokens before it (<pad> before the stream's start). Validation runs
the same way over the validation stream (B runs, state carried).

Usage: next_word_reference.py [--models bag-of-words,fixed-window,rnn,lstm,gru] [--seeds 1,2,3]
       [--epochs 3] [--embedding 64] [--hidden 64] [--vocab 2000] [--chunk 30] [--window 3] [--stream 35] ...
"""
import argparse
import collections
import math
import os
import re
import time

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "datasets-plugin", "src", "main", "resources", "org", "rnnlab", "datasets",
                      "tiny-shakespeare.txt")
SPECIALS = ["<pad>", "<unk>", "<bos>", "<eos>"]
PAD, UNK, BOS, EOS = 0, 1, 2, 3
TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|\S")


def examples(text, chunk):
    words = text.split()
    return [" ".join(words[i:i + chunk]) for i in range(0, len(words), chunk)]


def tokens(text):
    return TOKEN.findall(text.lower())


def vocabulary(train, size):
    counts = collections.Counter(t for e in train for t in tokens(e))
    kept = sorted((t for t in counts if t not in SPECIALS), key=lambda t: (-counts[t], t))
    return {t: i for i, t in enumerate(SPECIALS + kept[:size - len(SPECIALS)])}


class Model(nn.Module):
    def __init__(self, kind, vocab, embedding, hidden, window):
        super().__init__()
        self.kind, self.window = kind, window
        self.embedding = nn.Embedding(vocab, embedding)
        if kind in ("bag-of-words", "fixed-window"):
            width = embedding * window if kind == "fixed-window" else embedding
            self.layer = nn.Linear(width, hidden)
            bound = 1 / math.sqrt(hidden)  # rnnlab's dense cell: PyTorch's recurrent-layer init
            nn.init.uniform_(self.layer.weight, -bound, bound)
            nn.init.uniform_(self.layer.bias, -bound, bound)
        else:
            self.rnn = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind](embedding, hidden)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, ids, state=None, before=None):
        """ids [T, B] -> logits [T, B, V] and the final state; before [n-1, B]: the tokens a window reaches back to."""
        if self.kind in ("bag-of-words", "fixed-window"):
            if before is None:
                before = torch.full((self.window - 1, ids.shape[1]), PAD, dtype=ids.dtype)
            padded = torch.cat([before, ids])
            slots = [self.embedding(padded[k:k + ids.shape[0]]) for k in range(self.window)]  # oldest first
            x = torch.cat(slots, -1) if self.kind == "fixed-window" else torch.stack(slots).mean(0)
            h = torch.tanh(self.layer(x))
        else:
            h, state = self.rnn(self.embedding(ids), state)
        return self.head(h), state


def batch(seqs):
    n = max(len(s) for s in seqs) + 1
    x = torch.full((n, len(seqs)), PAD, dtype=torch.long)
    y = torch.full((n, len(seqs)), -100, dtype=torch.long)
    for b, s in enumerate(seqs):
        x[:len(s) + 1, b] = torch.tensor([BOS] + s)
        y[:len(s) + 1, b] = torch.tensor(s + [EOS])
    return x, y


def evaluate(model, data, size):
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(data), size):
            x, y = batch(data[i:i + size])
            logits, _ = model(x)
            total += nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                                 ignore_index=-100, reduction="sum").item()
            count += (y != -100).sum().item()
    model.train()
    return total / count


def stream_batches(stream, chunk, rows, window):
    """The batches of one epoch over a stream: (inputs [T, B'], targets [T, B'], tokens before [n-1, B'])."""
    stream = torch.tensor(stream)
    pieces = math.ceil((len(stream) - 1) / chunk)
    per_run = math.ceil(pieces / rows)
    padded = torch.cat([torch.full((window - 1,), PAD, dtype=torch.long), stream])
    for i in range(per_run):
        members = [k * per_run + i for k in range(rows) if k * per_run + i < pieces]
        starts = [p * chunk for p in members]
        steps = min(chunk, len(stream) - 1 - starts[-1])  # only the stream's last piece is shorter
        x = torch.stack([stream[s:s + steps] for s in starts], 1)
        y = torch.stack([stream[s + 1:s + 1 + steps] for s in starts], 1)
        before = torch.stack([padded[s:s + window - 1] for s in starts], 1)
        yield x, y, before


def carried(state, rows):
    """The state of the previous batch, detached, cut to this batch's rows (a shorter batch drops the last runs)."""
    if state is None:
        return None
    if isinstance(state, tuple):
        return tuple(s[:, :rows].detach() for s in state)
    return state[:, :rows].detach()


def evaluate_stream(model, stream, chunk, rows, window):
    model.eval()
    total, count, state = 0.0, 0, None
    with torch.no_grad():
        for x, y, before in stream_batches(stream, chunk, rows, window):
            logits, state = model(x, carried(state, x.shape[1]), before)
            total += nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                                 reduction="sum").item()
            count += y.numel()
    model.train()
    return total / count


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", default="bag-of-words,fixed-window,rnn,lstm,gru")
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--embedding", type=int, default=64)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--vocab", type=int, default=2000)
    p.add_argument("--chunk", type=int, default=30)
    p.add_argument("--window", type=int, default=3)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--clip", type=float, default=5.0)
    p.add_argument("--validation", type=float, default=0.1)
    p.add_argument("--stream", type=int, default=0, help="T > 0: stateful training over the stream in pieces of T")
    a = p.parse_args()
    torch.set_num_threads(1)
    with open(CORPUS, encoding="utf-8") as f:
        ex = examples(f.read(), a.chunk)
    cut = len(ex) - math.floor(len(ex) * a.validation)
    train_text, val_text = ex[:cut], ex[cut:]
    vocab = vocabulary(train_text, a.vocab)
    encode = lambda e: [vocab.get(t, UNK) for t in tokens(e)]
    train, val = [encode(e) for e in train_text], [encode(e) for e in val_text]
    unk = sum(t == UNK for s in val for t in s) / sum(len(s) for s in val)
    print(f"examples {len(train)}/{len(val)}, tokens {sum(map(len, train))}/{sum(map(len, val))}, vocab {len(vocab)},"
          f" validation <unk> {unk:.3f}; {vars(a)}", flush=True)
    train_stream = [t for s in train for t in s]
    val_stream = [t for s in val for t in s]
    for kind in a.models.split(","):
        for seed in map(int, a.seeds.split(",")):
            torch.manual_seed(seed)
            model = Model(kind, len(vocab), a.embedding, a.hidden, a.window)
            opt = torch.optim.Adam(model.parameters(), lr=a.lr)
            g = torch.Generator().manual_seed(seed)
            start = time.time()
            curve = []
            for epoch in range(a.epochs):
                if a.stream:
                    state = None
                    for x, y, before in stream_batches(train_stream, a.stream, a.batch, a.window):
                        logits, state = model(x, carried(state, x.shape[1]), before)
                        loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
                        opt.zero_grad()
                        loss.backward()
                        nn.utils.clip_grad_norm_(model.parameters(), a.clip)
                        opt.step()
                    curve.append(math.exp(evaluate_stream(model, val_stream, a.stream, a.batch, a.window)))
                    continue
                order = torch.randperm(len(train), generator=g).tolist()
                for i in range(0, len(order), a.batch):
                    x, y = batch([train[j] for j in order[i:i + a.batch]])
                    logits, _ = model(x)
                    loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                                       ignore_index=-100)
                    opt.zero_grad()
                    loss.backward()
                    nn.utils.clip_grad_norm_(model.parameters(), a.clip)
                    opt.step()
                curve.append(math.exp(evaluate(model, val, 64)))
            params = sum(q.numel() for q in model.parameters())
            print(f"{kind:13s} seed {seed}: val perplexity by epoch " + " ".join(f"{c:.1f}" for c in curve)
                  + f"  ({params} parameters, {time.time() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
