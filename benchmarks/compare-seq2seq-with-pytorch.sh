#!/usr/bin/env bash
# compare-seq2seq-with-pytorch.sh: rnnlab's encoder-decoder training throughput against PyTorch's on the
# same workload, one thread each, measured side by side in one run.
#
#   benchmarks/compare-seq2seq-with-pytorch.sh [ROUNDS]        (default 3 rounds)
#
# For every attention in ATTENTION (default "none additive") and hidden size in HIDDEN (default "64") it
# runs `./lab bench --workload seq2seq --cell gru ... --json` and benchmarks/peer/torch_seq2seq_bench.py
# (a GRU encoder-decoder with teacher forcing; OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1)) one after
# the other, ROUNDS times, and prints the median of each row as a markdown table: ratio = rnnlab tokens/s
# / PyTorch tokens/s per round (the pair ran back to back), median over the rounds; the CPU-time ratio
# divides tokens per second of process CPU time, which moves less when other programs share the machine.
# SIZES is the peer's "B S T Vs Vt Es Et STEPS" (default the dates lesson's, "64 30 11 40 15 32 16 30");
# PYTHON (default /usr/bin/python3) needs PyTorch. Progress goes to stderr, the table to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
ATTENTION="${ATTENTION:-none additive}"
HIDDEN="${HIDDEN:-64}"
PYTHON="${PYTHON:-/usr/bin/python3}"
read -r B S T Vs Vt Es Et STEPS <<<"${SIZES:-64 30 11 40 15 32 16 30}"
PEER="$ROOT/benchmarks/peer/torch_seq2seq_bench.py"

. "$ROOT/benchmarks/preflight.sh" # ROUNDS checked, PyTorch present, rnnlab built

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
echo "load before: $(uptime)" >&2
for ((round = 1; round <= ROUNDS; round++)); do
    for a in $ATTENTION; do
        for h in $HIDDEN; do
            ours="$("$ROOT/lab" bench --workload seq2seq --cell gru --attention "$a" --hidden "$h" --batch "$B" \
                --sizes "$S,$T,$Vs,$Vt,$Es,$Et" --steps "$STEPS" --threads 1 --json 2>/dev/null | tail -n 1)"
            read -r ours_wall ours_cpu < <("$PYTHON" -c \
                'import json,sys; r=json.loads(sys.argv[1]); print(r["tokens_per_second"], r["tokens_per_cpu_second"] or "nan")' "$ours")
            peer="$(OPENBLAS_NUM_THREADS=1 "$PYTHON" "$PEER" "$a" "$h" "$B" "$S" "$T" "$Vs" "$Vt" "$Es" "$Et" "$STEPS" 1)"
            peer_wall="$(sed -n 's/.*: \([0-9,]*\) tokens\/s$/\1/p' <<<"$peer" | tr -d ,)"
            peer_cpu="$(sed -n 's/^cpu tokens\/s: \([0-9.]*\)$/\1/p' <<<"$peer")"
            if [[ -z "$peer_wall" || -z "$peer_cpu" ]]; then
                echo "could not read the peer's output for attention=$a H=$h:" >&2
                echo "$peer" >&2
                exit 1
            fi
            echo "$a $h $ours_wall $peer_wall $ours_cpu $peer_cpu" >>"$RESULTS"
            printf 'round %d/%d %-8s H=%-4s rnnlab %8.0f  PyTorch %8.0f tokens/s\n' \
                "$round" "$ROUNDS" "$a" "$h" "$ours_wall" "$peer_wall" >&2
        done
    done
done
echo "load after: $(uptime)" >&2

"$PYTHON" - "$RESULTS" "$ATTENTION" "$HIDDEN" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    a, h, ow, pw, oc, pc = line.split()
    rows.setdefault((a, int(h)), []).append((float(ow), float(pw), float(oc), float(pc)))
print("| attention | H | rnnlab tokens/s | PyTorch tokens/s | ratio | ratio (CPU time) |")
print("|---|---:|---:|---:|---:|---:|")
for a in sys.argv[2].split():
    for h in (int(x) for x in sys.argv[3].split()):
        runs = rows[(a, h)]
        ours, peer = (statistics.median(r[i] for r in runs) for i in range(2))
        print(f"| {a} | {h} | {ours:,.0f} | {peer:,.0f} | {statistics.median(r[0] / r[1] for r in runs):.2f} "
              f"| {statistics.median(r[2] / r[3] for r in runs):.2f} |")
EOF
