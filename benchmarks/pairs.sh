#!/usr/bin/env bash
# Paired comparison, for machines whose speed drifts while you measure (a shared VM): the two servers
# of a pair run at the same time, both pinned to SERVER_CPU, and wrk alternates short runs between
# them (A then B, then B then A, ...), so both see the same machine within seconds of each other.
# run.sh measures one server after the other, minutes apart; where a neighbour on the host changes
# the machine's speed by a third between two runs (as on 2026-11-28), only pairs give ratios.
#
#   benchmarks/pairs.sh                                  # about 4 min per pair
#   PAIRS="rowan:jooby" TESTS=pipelined ROUNDS=20 benchmarks/pairs.sh
#
# A pair "a:b" names two servers of run.sh (benchmarks/<module> plus a mode, e.g. rowan-inline).
# "rowan:rowan" is the control: the same server twice shows the method's own noise, which is why it
# is in the default list. The report gives, per pair and endpoint, both mean req/s, the ratio of the
# totals (a / b), the median of the per-round ratios and how many rounds a was ahead. It does not
# check responses or record latency, start-up or memory: run.sh does.
#
# Environment overrides (defaults in brackets):
#   PAIRS          ["rowan:rowan rowan:jooby rowan:javalin rowan:raw-netty"]
#   TESTS          plaintext, json, pipelined ["plaintext json pipelined"]
#   ROUNDS         rounds per endpoint, each one run of each server [10]
#   ROUND_SECONDS  seconds per wrk run [2]
#   WARMUP         seconds of warm-up per server and endpoint [6]
#   CONNS          connections [256]
#   PIPELINE_DEPTH requests per write for pipelined [16]
#   PORT           a's port; b listens on PORT+1 [8080]
#   JVM_OPTS, SERVER_CPU, LOAD_CPU, BUILD, OUT [benchmarks/results/pairs.md]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
# shellcheck source=benchmarks/lib.sh
. "$BENCH/lib.sh"

PAIRS="${PAIRS:-rowan:rowan rowan:jooby rowan:javalin rowan:raw-netty}"
TESTS="${TESTS:-plaintext json pipelined}"
ROUNDS="${ROUNDS:-10}"
ROUND_SECONDS="${ROUND_SECONDS:-2}"
WARMUP="${WARMUP:-6}"
CONNS="${CONNS:-256}"
PIPELINE_DEPTH="${PIPELINE_DEPTH:-16}"
OUT="${OUT:-$BENCH/results/pairs.md}"
BASE_PORT="$PORT"
RAW="$(mktemp -d)"
PAIR_PIDS=()

stop_pair() {
    local pid
    for pid in "${PAIR_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PAIR_PIDS=()
}
trap 'stop_pair; rm -rf "$RAW"' EXIT
trap 'stop_pair; exit 130' INT TERM

# Points lib.sh's start_server and run_wrk at one port.
use_port() {
    PORT="$1"
    BASE_URL="http://127.0.0.1:$PORT"
}

# start_member NAME PORT: starts a server of the pair; its pid joins PAIR_PIDS.
start_member() {
    local mode=()
    read -ra mode <<<"$(mode_of "$1")"
    use_port "$2"
    start_server "$1" "$(module_of "$1")" "$RAW/$1-$2.log" "${mode[@]}"
    PAIR_PIDS+=("$SERVER_PID")
    SERVER_PID="" # stopped by stop_pair, not by lib.sh's trap
}

# rps PORT TEST SECONDS: one wrk run; prints req/s, and fails on socket errors or wrong statuses.
rps() {
    local out="$RAW/wrk.txt" req p99 errors
    use_port "$1"
    wrk_test "$2" "$CONNS" "$3" "$out" >/dev/null || die "wrk failed on port $1: $(tail -n 3 "$out")"
    read -r req p99 errors < <(parse_wrk "$out")
    ((errors == 0)) || die "$errors errors on port $1 ($2); see $out"
    echo "$req"
}

# compare A B TEST: ROUNDS alternating runs; appends a report row.
compare() {
    local a="$1" b="$2" test="$3" i ra rb ratios=() sum_a=0 sum_b=0 ahead=0
    rps "$BASE_PORT" "$test" "$WARMUP" >/dev/null
    rps "$((BASE_PORT + 1))" "$test" "$WARMUP" >/dev/null
    for i in $(seq 1 "$ROUNDS"); do
        if ((i % 2)); then
            ra="$(rps "$BASE_PORT" "$test" "$ROUND_SECONDS")"; rb="$(rps "$((BASE_PORT + 1))" "$test" "$ROUND_SECONDS")"
        else
            rb="$(rps "$((BASE_PORT + 1))" "$test" "$ROUND_SECONDS")"; ra="$(rps "$BASE_PORT" "$test" "$ROUND_SECONDS")"
        fi
        sum_a=$((sum_a + ra)); sum_b=$((sum_b + rb))
        if ((ra > rb)); then ahead=$((ahead + 1)); fi
        ratios+=("$(awk -v a="$ra" -v b="$rb" 'BEGIN { printf "%.3f", a / b }')")
    done
    local median total
    median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
    total="$(awk -v a="$sum_a" -v b="$sum_b" 'BEGIN { printf "%.2f", a / b }')"
    log "$a vs $b, $test: $((sum_a / ROUNDS)) against $((sum_b / ROUNDS)) req/s, ratio $total (median $median), $a ahead in $ahead of $ROUNDS"
    printf '| %s | %s | %s | %s | %s | %.2f | %d of %d |\n' "$a : $b" "$test" "$((sum_a / ROUNDS))" "$((sum_b / ROUNDS))" \
        "$total" "$median" "$ahead" "$ROUNDS" >>"$RAW/rows.md"
}

main() {
    require_tools
    require_known_tests
    local pair a b modules=() test
    for pair in $PAIRS; do
        [[ "$pair" == *:* ]] || die "a pair is two server names joined by ':', got '$pair'"
        modules+=("$(module_of "${pair%%:*}")" "$(module_of "${pair#*:}")")
    done
    build_modules "${modules[@]}"
    : >"$RAW/rows.md"
    for pair in $PAIRS; do
        a="${pair%%:*}" b="${pair#*:}"
        wait_until_quiet >/dev/null
        start_member "$a" "$BASE_PORT"
        start_member "$b" "$((BASE_PORT + 1))"
        log "$a (port $BASE_PORT) and $b (port $((BASE_PORT + 1))) both on CPU $SERVER_CPU"
        for test in $TESTS; do compare "$a" "$b" "$test"; done
        stop_pair
    done
    {
        echo "# Paired comparison: two servers at once, wrk alternating between them"
        echo
        echo "Generated by \`benchmarks/pairs.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo),"
        echo "$("$JAVA" -version 2>&1 | sed -n 2p), \`$JVM_OPTS\`, both servers pinned with \`taskset -c $SERVER_CPU\`,"
        echo "wrk -t $WRK_THREADS -c $CONNS on CPU $LOAD_CPU, $ROUNDS rounds of ${ROUND_SECONDS} s per server and endpoint after ${WARMUP} s of warm-up each;"
        echo "pipelined = GET /plaintext, $PIPELINE_DEPTH requests per write."
        echo
        echo "| a : b | endpoint | a req/s (mean) | b req/s (mean) | a / b (totals) | a / b (median round) | rounds a ahead |"
        echo "|---|---|---:|---:|---:|---:|---:|"
        cat "$RAW/rows.md"
    } >"$OUT"
    cat "$OUT"
}

main "$@"
