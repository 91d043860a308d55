#!/usr/bin/env python3
"""Writes reference vectors for rnnlab's encoder-decoder (org.rnnlab...seq2seq.EncoderDecoder), computed
with PyTorch autograd in float64: an nn.GRU encoder (padded sources packed, so each final state is the
last real step's), decoder initial state tanh(bridge(h_S)), an nn.GRUCell decoder reading the previous
target token's embedding (teacher forcing) and, with attention, the context of the previous state,
output layer over [h, context], cross-entropy averaged over the real target steps (<eos> included).

Attention scores, softmax over the real source steps:
  additive  v . tanh(W k + b + U q)   attention.key.weight/bias, attention.query.weight, attention.score.weight
  general   k . (W q)                 attention.weight [K, Q]
  dot       k . q
Ids: 0 <pad>, 1 <unk>, 2 <bos>, 3 <eos>, then tokens. Layout: logits [T*B, Vt] time-major (row t*B + b).
Weights are drawn float32-representable; names are rnnlab's (PyTorch's with encoder./decoder. prefixes).
Usage: seq2seq_reference.py OUT.json SEED   (run with Debian's /usr/bin/python3 and python3-torch)
"""
import json, sys, torch
import torch.nn as nn
torch.set_default_dtype(torch.float64)
out_path, seed = sys.argv[1], int(sys.argv[2])
g = torch.Generator().manual_seed(seed)


def r32(*shape, scale=0.5):
    return (torch.rand(*shape, generator=g) * 2 - 1).mul(scale).float().double()


def lst(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().reshape(-1).tolist()]}


def case(attention, Vs=9, Vt=8, Es=5, Et=4, H=6, A=7, src_lens=(5, 2, 4), tgt_lens=(3, 4, 1)):
    B = len(src_lens)
    ctx = H if attention != "none" else 0
    src = [[4 + int(torch.randint(Vs - 4, (1,), generator=g)) for _ in range(n)] for n in src_lens]
    tgt = [[4 + int(torch.randint(Vt - 4, (1,), generator=g)) for _ in range(n)] for n in tgt_lens]
    p = {
        "encoder.embedding.weight": r32(Vs, Es, scale=1.0),
        "encoder.weight_ih_l0": r32(3 * H, Es), "encoder.weight_hh_l0": r32(3 * H, H),
        "encoder.bias_ih_l0": r32(3 * H), "encoder.bias_hh_l0": r32(3 * H),
        "bridge.weight": r32(H, H), "bridge.bias": r32(H),
        "decoder.embedding.weight": r32(Vt, Et, scale=1.0),
        "decoder.weight_ih_l0": r32(3 * H, Et + ctx), "decoder.weight_hh_l0": r32(3 * H, H),
        "decoder.bias_ih_l0": r32(3 * H), "decoder.bias_hh_l0": r32(3 * H),
    }
    if attention == "additive":
        p.update({"attention.key.weight": r32(A, H), "attention.key.bias": r32(A),
                  "attention.query.weight": r32(A, H), "attention.score.weight": r32(1, A)})
    elif attention == "general":
        p["attention.weight"] = r32(H, H)
    p["output.weight"] = r32(Vt, H + ctx)
    p["output.bias"] = r32(Vt)
    for t in p.values():
        t.requires_grad_(True)

    enc = nn.GRU(Es, H)
    dec = nn.GRUCell(Et + ctx, H)
    with torch.no_grad():
        for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(enc, n + "_l0").copy_(p["encoder." + n + "_l0"])
            getattr(dec, n).copy_(p["decoder." + n + "_l0"])
    # the module copies hold the values; gradients are read from them and from the tensors used directly
    S = max(src_lens)
    x = torch.zeros(S, B, dtype=torch.long)
    for b, s in enumerate(src):
        x[:len(s), b] = torch.tensor(s)
    mask = torch.zeros(S, B, dtype=torch.bool)
    for b, n in enumerate(src_lens):
        mask[:n, b] = True
    packed = nn.utils.rnn.pack_padded_sequence(nn.functional.embedding(x, p["encoder.embedding.weight"]),
                                               torch.tensor(src_lens), enforce_sorted=False)
    out_packed, h_last = enc(packed)
    keys_in, _ = nn.utils.rnn.pad_packed_sequence(out_packed, total_length=S)  # [S, B, H]
    h = torch.tanh(h_last[0] @ p["bridge.weight"].T + p["bridge.bias"])
    T = max(tgt_lens) + 1
    dec_in = torch.zeros(T, B, dtype=torch.long)
    dec_out = torch.zeros(T, B, dtype=torch.long)
    tmask = torch.zeros(T, B)
    for b, t in enumerate(tgt):
        seq_in = [2] + t
        seq_out = t + [3]
        dec_in[:len(seq_in), b] = torch.tensor(seq_in)
        dec_out[:len(seq_out), b] = torch.tensor(seq_out)
        tmask[:len(seq_out), b] = 1
    emb = nn.functional.embedding(dec_in, p["decoder.embedding.weight"])
    if attention == "additive":
        wk = keys_in @ p["attention.key.weight"].T + p["attention.key.bias"]
    logits = []
    for t in range(T):
        if attention == "none":
            h = dec(emb[t], h)
            feat = h
        else:
            if attention == "additive":
                scores = (torch.tanh(wk + (h @ p["attention.query.weight"].T).unsqueeze(0)) @ p["attention.score.weight"].T).squeeze(-1)
            elif attention == "general":
                scores = (keys_in * (h @ p["attention.weight"].T).unsqueeze(0)).sum(-1)
            else:
                scores = (keys_in * h.unsqueeze(0)).sum(-1)
            w = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=0)  # [S, B]
            context = (w.unsqueeze(-1) * keys_in).sum(0)
            h = dec(torch.cat([emb[t], context], 1), h)
            feat = torch.cat([h, context], 1)
        logits.append(feat @ p["output.weight"].T + p["output.bias"])
    logits = torch.stack(logits)  # [T, B, Vt]
    ce = nn.functional.cross_entropy(logits.reshape(T * B, Vt), dec_out.reshape(-1), reduction="none")
    loss = (ce * tmask.reshape(-1)).sum() / tmask.sum()
    loss.backward()
    grads = {}
    for name, t in p.items():
        if name.startswith("encoder.") and name != "encoder.embedding.weight":
            grads[name] = getattr(enc, name[len("encoder."):]).grad
        elif name.startswith("decoder.") and name != "decoder.embedding.weight":
            grads[name] = getattr(dec, name[len("decoder."):-len("_l0")]).grad
        else:
            grads[name] = t.grad
    return {"attention": attention, "Vs": Vs, "Vt": Vt, "Es": Es, "Et": Et, "H": H, "A": A,
            "sources": src, "targets": tgt, "loss": loss.item(),
            "logits": lst(logits.reshape(T * B, Vt)),
            "parameters": {k: lst(v) for k, v in p.items()},
            "gradients": {k: lst(v) for k, v in grads.items()}}


doc = {"generator": "PyTorch " + torch.__version__ + " autograd, float64", "seed": seed,
       "layout": __doc__.strip().splitlines()[0],
       "cases": [case(a) for a in ("none", "additive", "general", "dot")]}
json.dump(doc, open(out_path, "w"))
print(f"wrote {out_path}: " + ", ".join(f"{c['attention']} loss {c['loss']:.6f}" for c in doc["cases"]))
