#!/usr/bin/env python3
"""Turns a JMH JSON result of GemmBenchmark (-rf json) into GFLOP/s per shape and kernel set.

Usage: python3 benchmarks/gflops.py jmh-result.json [peak GFLOP/s of one core]
"""
import json
import sys

ROWS, BATCH, EMBED, VOCAB = 2048, 32, 64, 65


def shape(name):
    p = name.lower().split("-")
    h = int(p[1][1:])
    g = int(p[2][1:]) if len(p) > 2 else 1
    return {
        "proj": ("NT", ROWS, g * h, EMBED),
        "rec": ("NT", BATCH, g * h, h),
        "recnn": ("NN", BATCH, g * h, h),
        "head": ("NT", ROWS, VOCAB, h),
        "recgrad": ("NN", BATCH, h, g * h),
        "recgradnt": ("NT", BATCH, h, g * h),
        "wgrad": ("TN", g * h, h, ROWS),
    }[p[0]]


results = json.load(open(sys.argv[1]))
peak = float(sys.argv[2]) if len(sys.argv) > 2 else None
print(f"{'shape':18} {'form':4} {'m':>5} {'n':>5} {'k':>5} {'kernels':8} {'us/op':>10} {'GFLOP/s':>8}" + ("  share" if peak else ""))
for r in results:
    prm = r["params"]
    form, m, n, k = shape(prm["shape"])
    us = r["primaryMetric"]["score"]
    gflops = 2.0 * m * n * k / (us * 1e3)
    line = f"{prm['shape']:18} {form:4} {m:5} {n:5} {k:5} {prm['kernels']:8} {us:10.1f} {gflops:8.1f}"
    if peak:
        line += f"  {100 * gflops / peak:4.0f}%"
    print(line)
