#!/usr/bin/env bash
# core-speed.sh: does every core of this machine run the same product at the same speed?
#
#   benchmarks/core-speed.sh [ROUNDS]        (default 3 rounds)
#
# Runs GemmCpuTime (register-only FMA ceiling, then the per-step recurrent products of an LSTM at H=512)
# pinned to each CPU in turn with taskset, ROUNDS times, one CPU at a time, and prints GFLOP/s per CPU
# time. A 2-thread run splits each time step in two equal halves, so it waits for the slower core: when
# one core runs these products 20-30 % slower than the other (as on the shared 2-vCPU Zen 5 host of
# 2 Dec 2026, where which of the two was slow changed within minutes), two threads cannot reach 1.7x
# over one thread on the faster core. The FMA ceiling alone does not show it: it stays in registers.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
if ! [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [ROUNDS]   (ROUNDS is a positive number, not '$ROUNDS')" >&2
    exit 2
fi
command -v taskset >/dev/null || { echo "core-speed.sh needs taskset (Debian: util-linux)" >&2; exit 1; }
"$ROOT/lab" --version >/dev/null # builds rnnlab once
(cd "$ROOT" && mvn -q -pl benchmarks -am package -DskipTests >/dev/null)
# a JDK 25 or newer: JAVA, else JAVA_HOME's, else the first in /usr/lib/jvm
JAVA="${JAVA:-}"
for candidate in ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java; do
    [[ -n "$JAVA" ]] && break
    major="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= 25)); then JAVA="$candidate"; fi
done
[[ -n "$JAVA" ]] || { echo "core-speed.sh needs a JDK 25 or newer: set JAVA=/path/to/bin/java" >&2; exit 1; }
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
CPUS="$(taskset -pc $$ | sed 's/.*: //' | tr ',' ' ')"
echo "CPUs: $CPUS; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((round = 1; round <= ROUNDS; round++)); do
    for cpu in $(for r in $CPUS; do if [[ "$r" == *-* ]]; then seq "${r%-*}" "${r#*-}"; else echo "$r"; fi; done); do
        line="$(taskset -c "$cpu" "$JAVA" --add-modules jdk.incubator.vector -cp "$CP" -Drounds=3 \
            org.rnnlab.benchmarks.GemmCpuTime vector recnn-H512-G4 recgrad-H512-G4 2>/dev/null |
            sed -n 's/^register-only FMA throughput: \([0-9.]*\) GFLOP.*/fma \1/p; s/^vector *\([A-Za-z0-9-]*\) .* \([0-9.]*\) GFLOP.*/\1 \2/p' |
            paste -sd' ')"
        echo "round $round cpu $cpu: $line (GFLOP/s per CPU second)"
    done
done
