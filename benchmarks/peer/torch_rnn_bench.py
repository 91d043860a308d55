#!/usr/bin/env python3
# Copied from the rnnlab project's shared peer benchmark, peers/torch_rnn_bench.py, so that the comparison
# runs without the shared folder; extended here with the optional ninth argument "bidirectional".
"""Peer benchmark: training throughput of PyTorch's CPU RNN/LSTM/GRU on a char-LM step.

Workload (same as the project's benchmark): embedding(V,E) -> cell(H) -> linear(H,V) -> cross-entropy,
batch B, sequence T, Adam update, full BPTT over T. Prints tokens/s (B*T per step).
Usage: torch_rnn_bench.py CELL H [B T V E STEPS THREADS [bidirectional]]
With "bidirectional": cell(H, bidirectional=True) -> linear(2H,V), the cell's FLOPs counted twice.
"""
import sys, time, torch
cell, H = sys.argv[1], int(sys.argv[2])
B, T, V, E, STEPS, THREADS = (int(x) for x in (sys.argv[3:9] + ["32", "64", "65", "64", "30", "1"][len(sys.argv[3:9]):]))
BI = len(sys.argv) > 9 and sys.argv[9] == "bidirectional"
D = 2 if BI else 1
torch.set_num_threads(THREADS)
torch.manual_seed(0)
emb = torch.nn.Embedding(V, E)
rnn = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](E, H, batch_first=True, bidirectional=BI)
head = torch.nn.Linear(D * H, V)
params = list(emb.parameters()) + list(rnn.parameters()) + list(head.parameters())
opt = torch.optim.Adam(params, lr=1e-3)
x = torch.randint(0, V, (B, T)); y = torch.randint(0, V, (B, T))
def step():
    opt.zero_grad()
    out, _ = rnn(emb(x))
    loss = torch.nn.functional.cross_entropy(head(out).reshape(B * T, V), y.reshape(B * T))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 5.0)
    opt.step()
for _ in range(5): step()
t0 = time.perf_counter()
for _ in range(STEPS): step()
dt = time.perf_counter() - t0
gates = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
flops_per_token = 2 * 3 * (D * gates * H * (E + H) + D * H * V)  # fwd+bwd ~ 3x fwd GEMM flops
tok_s = STEPS * B * T / dt
print(f"torch {torch.__version__} {cell}{' bidirectional' if BI else ''} H={H} B={B} T={T} V={V} E={E} threads={THREADS}: "
      f"{tok_s:,.0f} tokens/s, {tok_s*flops_per_token/1e9:.1f} GFLOP/s")
