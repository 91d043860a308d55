#!/usr/bin/env bash
# compare-word2vec-with-pytorch.sh: skip-gram training throughput (pairs per second) of rnnlab's word2vec
# against a PyTorch implementation of the same model, one thread each, side by side in one run.
#
#   benchmarks/compare-word2vec-with-pytorch.sh [ROUNDS]        (default 3 rounds)
#
# Each round runs rnnlab's Word2VecBenchmark (org.rnnlab.experiments.bench, what the word2vec task runs: one
# example at a time, sparse rows, Vector API kernels) and then benchmarks/peer/torch_word2vec_bench.py (sparse
# nn.Embedding tables, mini-batches of BATCH pairs, SGD; torch.set_num_threads(1), OMP/OPENBLAS_NUM_THREADS=1) on
# the same corpus file (tiny-shakespeare's training words, lower-cased, min_count 5, which rnnlab writes) with
# the same DIM, WINDOW, NEGATIVES and sub-sampling, EPOCHS timed epochs after one untimed. rnnlab's time includes
# making the pairs (sub-sampling, windows, negatives); the peer makes them with numpy beforehand, untimed.
# ratio = rnnlab pairs/s / PyTorch pairs/s per round, median over rounds; the CPU-time ratio moves less when
# other programs share the machine. Environment: DIM (100), WINDOW (5), NEGATIVES (5), EPOCHS (2), SAMPLE (1e-3),
# BATCH (1024), PYTHON (/usr/bin/python3), JAVA (the JDK 25 lab uses). Progress to stderr, the table to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
DIM="${DIM:-100}"
WINDOW="${WINDOW:-5}"
NEGATIVES="${NEGATIVES:-5}"
EPOCHS="${EPOCHS:-2}"
SAMPLE="${SAMPLE:-1e-3}"
BATCH="${BATCH:-1024}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAVA="${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}"
PEER="$ROOT/benchmarks/peer/torch_word2vec_bench.py"

. "$ROOT/benchmarks/preflight.sh" # ROUNDS checked, PyTorch present, rnnlab built
TARGET="$ROOT/experiments/target"
JAR="$(ls -t "$TARGET"/rnnlab-experiments-*.jar | head -n 1)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "load before: $(uptime)" >&2
for ((round = 1; round <= ROUNDS; round++)); do
    ours="$(OMP_NUM_THREADS=1 "$JAVA" -XX:+UseParallelGC -XX:ActiveProcessorCount=1 -Dguice_bytecode_gen_option=DISABLED \
        --add-modules jdk.incubator.vector -p "$JAR:$TARGET/lib" \
        -m org.rnnlab.experiments/org.rnnlab.experiments.bench.Word2VecBenchmark \
        "$WORK/corpus.txt" "$DIM" "$WINDOW" "$NEGATIVES" "$EPOCHS" "$SAMPLE" 2>/dev/null | tail -n 1)"
    read -r ours_wall ours_cpu < <("$PYTHON" -c \
        'import json,sys; r=json.loads(sys.argv[1]); print(r["pairs_per_second"], r["pairs_per_cpu_second"])' "$ours")
    peer="$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "$PYTHON" "$PEER" "$WORK/corpus.txt" "$DIM" \
        "$WINDOW" "$NEGATIVES" "$EPOCHS" "$SAMPLE" "$BATCH" 1)"
    peer_wall="$(sed -n 's/^pairs\/s: \([0-9]*\)$/\1/p' <<<"$peer")"
    peer_cpu="$(sed -n 's/^cpu pairs\/s: \([0-9]*\)$/\1/p' <<<"$peer")"
    if [[ -z "$peer_wall" || -z "$peer_cpu" ]]; then
        echo "could not read the peer's output:" >&2
        echo "$peer" >&2
        exit 1
    fi
    echo "$ours_wall $peer_wall $ours_cpu $peer_cpu" >>"$WORK/results"
    echo "round $round/$ROUNDS rnnlab: $ours" >&2
    echo "round $round/$ROUNDS PyTorch: $(head -n 1 <<<"$peer")" >&2
done
echo "load after: $(uptime)" >&2

"$PYTHON" - "$WORK/results" "$DIM" "$WINDOW" "$NEGATIVES" "$BATCH" <<'PY'
import statistics, sys
runs = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
ours, peer = (statistics.median(r[i] for r in runs) for i in range(2))
print(f"skip-gram, dim {sys.argv[2]}, window {sys.argv[3]}, {sys.argv[4]} negatives, PyTorch batch {sys.argv[5]}, one thread each")
print("| rnnlab pairs/s | PyTorch pairs/s | ratio | ratio (CPU time) |")
print("|---:|---:|---:|---:|")
print(f"| {ours:,.0f} | {peer:,.0f} | {statistics.median(r[0] / r[1] for r in runs):.2f} "
      f"| {statistics.median(r[2] / r[3] for r in runs):.2f} |")
PY
