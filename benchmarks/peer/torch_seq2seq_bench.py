#!/usr/bin/env python3
"""Peer benchmark: training throughput of a PyTorch GRU encoder-decoder (the model of rnnlab's
EncoderDecoder and of cells-plugin/tools/seq2seq_reference.py), extended from torch_rnn_bench.py.

Workload: embedding(Vs,Es) -> nn.GRU(H) encoder over S steps -> decoder state tanh(Linear(h_S)) ->
nn.GRUCell(H) decoder over T steps with teacher forcing, reading embedding(Vt,Et) of the previous token
and, with ATTENTION=additive, the context of Bahdanau attention (scores v.tanh(W k + b + U q) of the
previous state, softmax over the source) -> linear([h, context]) over Vt -> cross-entropy over all B*T
target tokens; global-norm clip 5, Adam 1e-3, on a fixed random batch. Prints tokens/s, counting the
B*(S+T) source and target tokens of a step.
Usage: torch_seq2seq_bench.py none|additive H [B S T Vs Vt Es Et STEPS THREADS]
"""
import sys, time, torch
import torch.nn as nn
attention, H = sys.argv[1], int(sys.argv[2])
B, S, T, Vs, Vt, Es, Et, STEPS, THREADS = (int(x) for x in (
    sys.argv[3:12] + ["64", "30", "11", "40", "15", "32", "16", "30", "1"][len(sys.argv[3:12]):]))
torch.set_num_threads(THREADS)
torch.manual_seed(0)
ctx = H if attention == "additive" else 0
src_emb, tgt_emb = nn.Embedding(Vs, Es), nn.Embedding(Vt, Et)
enc, dec = nn.GRU(Es, H), nn.GRUCell(Et + ctx, H)
bridge, out = nn.Linear(H, H), nn.Linear(H + ctx, Vt)
key, query, score = nn.Linear(H, H), nn.Linear(H, H, bias=False), nn.Linear(H, 1, bias=False)
modules = [src_emb, tgt_emb, enc, dec, bridge, out] + ([key, query, score] if ctx else [])
params = [p for m in modules for p in m.parameters()]
opt = torch.optim.Adam(params, lr=1e-3)
x = torch.randint(4, Vs, (S, B)); y_in = torch.randint(4, Vt, (T, B)); y_out = torch.randint(4, Vt, (T, B))


def step():
    opt.zero_grad()
    keys, h_last = enc(src_emb(x))
    h = torch.tanh(bridge(h_last[0]))
    emb = tgt_emb(y_in)
    wk = key(keys) if ctx else None
    logits = []
    for t in range(T):
        if ctx:
            w = torch.softmax(score(torch.tanh(wk + query(h).unsqueeze(0))).squeeze(-1), dim=0)
            c = (w.unsqueeze(-1) * keys).sum(0)
            h = dec(torch.cat([emb[t], c], 1), h)
            logits.append(out(torch.cat([h, c], 1)))
        else:
            h = dec(emb[t], h)
            logits.append(out(h))
    loss = nn.functional.cross_entropy(torch.stack(logits).reshape(T * B, Vt), y_out.reshape(-1))
    loss.backward()
    nn.utils.clip_grad_norm_(params, 5.0)
    opt.step()


for _ in range(5):
    step()
t0 = time.perf_counter()
c0 = time.process_time()
for _ in range(STEPS):
    step()
dt = time.perf_counter() - t0
cpu = time.process_time() - c0
tok = STEPS * B * (S + T)
print(f"torch {torch.__version__} seq2seq attention={attention} H={H} B={B} S={S} T={T} threads={THREADS}: "
      f"{tok / dt:,.0f} tokens/s")
print(f"cpu tokens/s: {tok / cpu:.1f}")
