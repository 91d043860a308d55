#!/usr/bin/env bash
# compare-with-pytorch.sh: rnnlab's training throughput against PyTorch's on the same workload, the same
# number of threads each (one unless THREADS says otherwise), measured side by side in one run.
#
#   benchmarks/compare-with-pytorch.sh [ROUNDS]        (default 3 rounds)
#
# For every cell and hidden size it runs `./lab bench --cell C --hidden H --json` and the peer
# benchmark benchmarks/peer/torch_rnn_bench.py (OPENBLAS_NUM_THREADS=THREADS, torch.set_num_threads(THREADS))
# one after the other, ROUNDS times, interleaved so that both see the same machine load, then prints
# the median of each row as a markdown table. ratio = rnnlab tokens/s / PyTorch tokens/s (wall clock,
# as the peer measures it), taken per round (the pair ran back to back) and then the median over the
# rounds; the CPU-time ratio divides tokens per second of process CPU time instead, which moves less
# when other programs share the machine. Progress goes to stderr, the table to stdout.
#
# Environment: CELLS (default "rnn lstm gru"), HIDDEN (default "128 512"), PYTHON (default
# /usr/bin/python3, needs PyTorch), SIZES (the peer's "B T V E STEPS", default "32 64 65 64 30"),
# THREADS (default 1: `lab bench --threads`, and the peer's thread count and OPENBLAS_NUM_THREADS; above 1,
# `lab bench` then alternates the same model between one thread and N for a few rounds, and the table gains
# rnnlab's own speed-up over one thread, the median of those rounds, by wall clock (bold) and by the
# training thread's CPU time).
# BIDIRECTIONAL=1 (both sides bidirectional: `lab bench --bidirectional` and PyTorch's bidirectional=True).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
CELLS="${CELLS:-rnn lstm gru}"
HIDDEN="${HIDDEN:-128 512}"
PYTHON="${PYTHON:-/usr/bin/python3}"
THREADS="${THREADS:-1}"
read -r B T V E STEPS <<<"${SIZES:-32 64 65 64 30}"
PEER="$ROOT/benchmarks/peer/run_with_cpu_time.py"
OURS_BI=()
PEER_BI=()
if [[ "${BIDIRECTIONAL:-0}" == 1 ]]; then
    OURS_BI=(--bidirectional)
    PEER_BI=(bidirectional)
fi

. "$ROOT/benchmarks/preflight.sh" # ROUNDS checked, PyTorch present, rnnlab built

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT

echo "threads: $THREADS each; load before: $(uptime)" >&2
for ((round = 1; round <= ROUNDS; round++)); do
    for cell in $CELLS; do
        for h in $HIDDEN; do
            ours="$("$ROOT/lab" bench --cell "$cell" --hidden "$h" --batch "$B" --seq "$T" --vocab "$V" --embed "$E" \
                --steps "$STEPS" --threads "$THREADS" "${OURS_BI[@]}" --json 2>/dev/null | tail -n 1)"
            # above one thread, lab bench then alternated the model between one thread and N: its own speed-up
            read -r ours_wall ours_cpu one_wall speedup speedup_cpu < <("$PYTHON" -c \
                'import json,sys; r=json.loads(sys.argv[1]); print(r["tokens_per_second"], r["tokens_per_cpu_second"] or "nan", r.get("one_thread_tokens_per_second", r["tokens_per_second"]), r.get("speedup_over_one_thread", 1), r.get("speedup_by_thread_cpu") or "nan")' "$ours")
            peer="$(OPENBLAS_NUM_THREADS="$THREADS" "$PYTHON" "$PEER" "$cell" "$h" "$B" "$T" "$V" "$E" "$STEPS" "$THREADS" "${PEER_BI[@]}")"
            peer_wall="$(sed -n 's/.*: \([0-9,]*\) tokens\/s,.*/\1/p' <<<"$peer" | tr -d ,)"
            peer_cpu="$(sed -n 's/^cpu tokens\/s: \([0-9.]*\)$/\1/p' <<<"$peer")"
            if [[ -z "$peer_wall" || -z "$peer_cpu" ]]; then
                echo "could not read the peer's output for $cell H=$h:" >&2
                echo "$peer" >&2
                exit 1
            fi
            echo "$cell $h $ours_wall $peer_wall $ours_cpu $peer_cpu $one_wall $speedup $speedup_cpu" >>"$RESULTS"
            printf 'round %d/%d %-4s H=%-4s rnnlab %8.0f  PyTorch %8.0f tokens/s  (rnnlab 1 thread %8.0f; load %s)\n' \
                "$round" "$ROUNDS" "$cell" "$h" "$ours_wall" "$peer_wall" "$one_wall" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
        done
    done
done
echo "load after: $(uptime)" >&2

"$PYTHON" - "$RESULTS" "$CELLS" "$HIDDEN" "$THREADS" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    cell, h, ow, pw, oc, pc, one, sw, su = line.split()
    rows.setdefault((cell, int(h)), []).append((float(ow), float(pw), float(oc), float(pc), float(one), float(sw), float(su)))
threads = int(sys.argv[4])
extra = (f" | rnnlab 1 thread tokens/s | rnnlab {threads} threads / 1 thread | the same by training-thread CPU time |"
         if threads > 1 else " |")
print(f"| cell | H | rnnlab tokens/s | PyTorch tokens/s | ratio | ratio (CPU time){extra}")
print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|---:|" if threads > 1 else ""))
for cell in sys.argv[2].split():
    for h in (int(x) for x in sys.argv[3].split()):
        runs = rows[(cell, h)]
        ours, peer = (statistics.median(r[i] for r in runs) for i in range(2))
        # the ratio of each round's pair (run back to back, under the same load), median over rounds
        ratio = statistics.median(r[0] / r[1] for r in runs)
        cpu_ratio = statistics.median(r[2] / r[3] for r in runs)
        # rnnlab's own speed-up: lab bench's median over rounds alternating one thread and N on the same model
        speedup = (f" {statistics.median(r[4] for r in runs):,.0f} | **{statistics.median(r[5] for r in runs):.2f}** |"
                   f" {statistics.median(r[6] for r in runs):.2f} |") if threads > 1 else ""
        print(f"| {cell} | {h} | {ours:,.0f} | {peer:,.0f} | {ratio:.2f} | {cpu_ratio:.2f} |{speedup}")
EOF
