#!/usr/bin/env bash
# Slow clients: slowhttptest holds 1,000 slowloris, slow-body and slow-read connections against the
# plain Rowan server (benchmarks/rowan) while wrk measures normal traffic, one attack at a time.
# Prints, per attack, the share of wrk's baseline throughput kept, how many slow connections were
# still open at the end (slowhttptest's view) and how many the server itself still held (ss), and
# writes a markdown report.
#
#   benchmarks/slow-clients.sh                         # build + full run (about 4 minutes)
#   BUILD=0 ATTACKS="slowloris" benchmarks/slow-clients.sh
#
# Environment overrides (defaults in brackets):
#   ATTACKS      attacks to run, in order                     [slowloris slow-body slow-read]
#   CONNECTIONS  slow connections per attack                  [1000]
#   LENGTH       seconds each attack lasts                    [45; slow-read 75, past server.idle-timeout]
#   WRK_SECONDS  seconds of wrk during an attack (after the   [20]
#                connections are opened) and for the baseline
#   WRK_CONNS    wrk connections                              [64]
#   OUT          markdown report                              [benchmarks/results/slow-clients.md]
# The server runs on CPU $SERVER_CPU and wrk on $LOAD_CPU (benchmarks/lib.sh); slowhttptest is not
# pinned, so the attacker shares both cores, as a real one on the same machine would.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
# shellcheck source=benchmarks/lib.sh
. "$BENCH/lib.sh"

ATTACKS="${ATTACKS:-slowloris slow-body slow-read}"
CONNECTIONS="${CONNECTIONS:-1000}"
LENGTH="${LENGTH:-}"
WRK_SECONDS="${WRK_SECONDS:-20}"
WRK_CONNS="${WRK_CONNS:-64}"
OUT="${OUT:-$BENCH/results/slow-clients.md}"

command -v slowhttptest >/dev/null || { echo "$SCRIPT: slowhttptest is not installed: apt-get install -y slowhttptest" >&2; exit 2; }
require_tools
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
((CONNECTIONS + 200 < $(ulimit -n))) || die "open-file limit $(ulimit -n) is too low for $CONNECTIONS connections; raise it (ulimit -n)"
build_modules rowan
WORK="$(mktemp -d)"

# attack_flags NAME: slowhttptest's mode and its parameters.
attack_flags() {
    case "$1" in
        # A header line every 10 s, never the blank line that ends the head.
        slowloris) echo "-H -i 10 -u $BASE_URL/" ;;
        # A POST announcing 1 MB, then 10 bytes every 10 s (1 B/s).
        slow-body) echo "-B -i 10 -s 1048576 -x 10 -t POST -u $BASE_URL/upload" ;;
        # Ten pipelined GETs, read at 32 bytes every 5 s through a 512-byte receive window.
        slow-read) echo "-X -k 10 -n 5 -z 32 -w 512 -y 1024 -u $BASE_URL/plaintext" ;;
        *) die "unknown attack '$1' (slowloris, slow-body, slow-read)" ;;
    esac
}

# server_sockets STATE: the server port's TCP sockets in that state (ss's state names).
server_sockets() { ss -Htn state "$1" "( sport = :$PORT )" | wc -l; }

# The last row of slowhttptest's CSV: seconds,closed,pending,connected,service available.
final_stats() { tail -n 1 "$1" | awk -F, '{print $2, $3, $4}'; }
max_connected() { awk -F, 'NR > 1 && $4 > m { m = $4 } END { print m + 0 }' "$1"; }

idle="$(wait_until_quiet)"
log "machine ${idle}% idle before the run"
start_server rowan rowan "$WORK/server.log"
# measure_baseline NAME: wrk without an attacker, just before an attack, so that the machine's
# drift between attacks (a third on some days) does not pass for the attack's effect.
measure_baseline() {
    log "baseline before $1: wrk ${WRK_SECONDS}s with $WRK_CONNS connections on /plaintext"
    run_wrk "$WORK/baseline-$1.txt" "$WRK_CONNS" "$WRK_SECONDS" /plaintext >/dev/null
    read -r base_rps base_p99 base_errors < <(parse_wrk "$WORK/baseline-$1.txt")
    log "baseline: $base_rps req/s, p99 $base_p99 ms, $base_errors errors"
}

rows=()
for attack in $ATTACKS; do
    measure_baseline "$attack"
    # A slow reader has its answers already, in the kernel's buffers: it is an idle connection to the
    # server, closed by server.idle-timeout (60 s), so its run lasts past that.
    length="${LENGTH:-$([[ "$attack" == slow-read ]] && echo 75 || echo 45)}"
    log "$attack: $CONNECTIONS connections for ${length}s, wrk after 8 s"
    # The attacker's own CPU time: on two cores, what it burns is taken from wrk or the server.
    (
        TIMEFORMAT='%U %S'
        # shellcheck disable=SC2046  # the flags are a list
        time slowhttptest $(attack_flags "$attack") -c "$CONNECTIONS" -r 200 -l "$length" -p 3 -g -o "$WORK/$attack" \
            >"$WORK/$attack.out" 2>&1
    ) 2>"$WORK/$attack.cpu" &
    attacker=$!
    started=$SECONDS
    sleep 8 # 1,000 connections at 200 a second, and their first slow bytes
    run_wrk "$WORK/$attack-wrk.txt" "$WRK_CONNS" "$WRK_SECONDS" /plaintext >/dev/null || true
    read -r rps p99 errors < <(parse_wrk "$WORK/$attack-wrk.txt")
    # The server's own view, just before the attacker stops: sockets it still holds open, and those
    # it closed whose unread answer the kernel is still delivering (FIN-WAIT-1, no longer Rowan's).
    sleep "$((length - 3 - (SECONDS - started) > 0 ? length - 3 - (SECONDS - started) : 0))"
    held="$(server_sockets established)"
    orphaned="$(server_sockets fin-wait-1)"
    wait "$attacker" || true
    [[ -f "$WORK/$attack.csv" ]] || { tail -n 20 "$WORK/$attack.out" >&2; die "slowhttptest wrote no statistics for $attack"; }
    read -r closed pending connected < <(final_stats "$WORK/$attack.csv")
    peak="$(max_connected "$WORK/$attack.csv")"
    kept="$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.0f", 100 * a / b }')"
    attacker_cpu="$(awk -v l="$length" '{ printf "%.0f", 100 * ($1 + $2) / l }' "$WORK/$attack.cpu")"
    log "$attack: wrk $rps req/s ($kept % of baseline), p99 $p99 ms; slow connections: peak $peak open, $connected still open at ${length}s, $closed closed; server holds $held, kernel delivers $orphaned closed; slowhttptest used $attacker_cpu % of a core"
    rows+=("| $attack | $CONNECTIONS | $length | $peak | $connected | $closed | $held | $orphaned | $attacker_cpu % | $base_rps | $rps | $kept % | $p99 | $errors |")
    sleep 3
done
stop_server

{
    echo "# Slow clients ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -sr), $("$JAVA" -version 2>&1 | head -n 1)."
    echo "Server: benchmarks/rowan (production profile, defaults: server.head-timeout 10s, server.min-body-rate 240 B/s"
    echo "after a 5 s grace), pinned to CPU $SERVER_CPU; wrk -c $WRK_CONNS on CPU $LOAD_CPU; slowhttptest unpinned."
    echo
    echo "Each attack is compared with a wrk baseline without an attacker measured just before it. Machine ${idle}% idle before the run."
    echo
    echo "| attack | slow connections | run s | peak open | open at the end | closed | server holds | closed, still delivering | attacker CPU | baseline req/s | wrk req/s | of baseline | wrk p99 ms | wrk errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
} >"$OUT"
cat "$OUT"
rm -rf "$WORK"
