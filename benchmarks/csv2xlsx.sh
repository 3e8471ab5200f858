#!/usr/bin/env bash
# csv2xlsx at a small heap: uploads a 1,000,000-row (~100 MB) CSV to the demo's converter page with
# curl and measures how long the upload-to-download takes and the server's peak resident memory
# (VmHWM in /proc/<pid>/status), on a fresh server per run. Checks that the download is a workbook
# whose sheet declares A1:K1000000. Writes benchmarks/results/csv2xlsx.md and the figures between the
# csv2xlsx markers in docs/performance.md.
#
#   benchmarks/csv2xlsx.sh                 # builds the demo jar, then about 15 s per run
#   RUNS=5 HEAP=32m benchmarks/csv2xlsx.sh
#
# Environment overrides (defaults in brackets):
#   RUNS   fresh servers, one upload each [3]
#   HEAP   the server's -Xmx [48m]
#   ROWS   lines of the CSV including its header [1000000]
#   JAR    the demo jar [examples/demo/target/rowan-demo.jar]
#   PORT, BUILD (0 uses the jar already built), OUT [benchmarks/results/csv2xlsx.md],
#   DOC [docs/performance.md]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
# JAVA, PORT, BUILD; die, log, port_busy, stop_server (+ traps), SERVER_PID
# shellcheck source=benchmarks/lib.sh
source "$BENCH/lib.sh"
RUNS="${RUNS:-3}"
HEAP="${HEAP:-48m}"
ROWS="${ROWS:-1000000}"
OUT="${OUT:-$BENCH/results/csv2xlsx.md}"
DOC="${DOC:-$ROOT/docs/performance.md}"
JAR="${JAR:-$ROOT/examples/demo/target/rowan-demo.jar}"
WORK="$(mktemp -d)"

trap 'stop_server; rm -rf "$WORK"' EXIT

for tool in curl unzip awk; do command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y $tool)"; done
[[ -x "$JAVA" ]] || die "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK 21+)"

if [[ "$BUILD" == 1 ]]; then
    log "building the demo jar"
    (cd "$ROOT" && ./mvnw -q -pl examples/demo -am package -DskipTests) ||
        die "build failed; rerun: ./mvnw -pl examples/demo -am package -DskipTests"
fi
[[ -f "$JAR" ]] || die "$JAR is missing; build it (BUILD=1) first"

# 11 columns of every kind the converter types: integers, text, decimals, dates, date-times,
# booleans, zip codes that must stay text, and a quoted field with a comma and doubled quotes.
write_csv() {
    awk -v rows="$ROWS" 'BEGIN {
        print "id,name,amount,date,updated,active,zip,city,quantity,price,note"
        for (i = 1; i < rows; i++) {
            printf "%d,Client %d,%d.%02d,2024-%02d-%02d,2024-05-06T07:08:%02d,%s,0%04d,Bern,%d,%d.99,\"Note, \"\"%d\"\"\"\n",
                i, i, i % 10000, i % 100, 1 + i % 12, 1 + i % 28, i % 60, (i % 2 ? "true" : "false"),
                1000 + i % 9000, i % 500, i % 100, i
        }
    }' >"$1"
}

start_demo() {
    port_busy && die "port $PORT is busy; stop what listens there or set PORT"
    # A working directory of its own: the demo keeps its notes store in ./data.
    mkdir -p "$WORK/run"
    (cd "$WORK/run" && exec env ROWAN_SERVER_PORT="$PORT" PORT="$PORT" "$JAVA" -Xmx"$HEAP" -XX:+UseSerialGC \
        --enable-native-access=ALL-UNNAMED -jar "$JAR") >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq 1 600); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/csv2xlsx/" || true)" == 200 ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$WORK/server.log" >&2; die "the demo exited during start-up"; }
        sleep 0.1
    done
    die "the demo did not answer within 60 s (log: $WORK/server.log)"
}

# One upload on a fresh server; sets SECONDS_TAKEN and PEAK_MIB. Not called in a subshell, so the
# EXIT trap always sees the server's pid.
measure() {
    local csv="$1" xlsx="$WORK/out.xlsx" jar="$WORK/cookies" token seconds code hwm
    start_demo
    token="$(curl -s -c "$jar" "$BASE_URL/csv2xlsx/" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
    [[ -n "$token" ]] || die "no CSRF token in the upload form"
    read -r code seconds < <(curl -s -b "$jar" -H "Origin: $BASE_URL" -o "$xlsx" -w '%{http_code} %{time_total}\n' \
        -F "_csrf=$token" -F "header=on" -F "delimiter=auto" -F "csv=@$csv;type=text/csv" "$BASE_URL/csv2xlsx/")
    [[ "$code" == 200 ]] || { tail -n 30 "$WORK/server.log" >&2; die "the upload got HTTP $code"; }
    hwm="$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")"
    stop_server
    check_workbook "$xlsx"
    SECONDS_TAKEN="$(awk -v s="$seconds" 'BEGIN {printf "%.2f", s}')"
    PEAK_MIB="$(awk -v kb="$hwm" 'BEGIN {printf "%.0f", kb / 1024}')"
}

check_workbook() {
    local want="A1:K$ROWS" got
    # head stops reading early, so unzip ends on SIGPIPE: that is not a failure here.
    got="$( (unzip -p "$1" xl/worksheets/sheet1.xml || true) | head -c 2000 | sed -n 's/.*<dimension ref="\([^"]*\)".*/\1/p')"
    [[ "$got" == "$want" ]] || die "the workbook declares <dimension ref=\"$got\"/>, expected $want"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

LOAD_BEFORE="$(load_avg)"
CSV="$WORK/big.csv"
log "writing a $ROWS-row CSV"
write_csv "$CSV"
CSV_MB="$(awk -v b="$(stat -c %s "$CSV")" 'BEGIN {printf "%.1f", b / 1048576}')"

times=() peaks=()
for run in $(seq 1 "$RUNS"); do
    measure "$CSV"
    log "run $run: ${SECONDS_TAKEN} s, peak RSS ${PEAK_MIB} MiB"
    times+=("$SECONDS_TAKEN")
    peaks+=("$PEAK_MIB")
done
T_MED="$(printf '%s\n' "${times[@]}" | median)"
P_MED="$(printf '%s\n' "${peaks[@]}" | median)"
P_MAX="$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)"
CPU="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
JVM="$("$JAVA" -version 2>&1 | sed -n 2p)"
NOW="$(date -u '+%Y-%m-%d %H:%M UTC')"
PROGRESS="$(grep -c 'rows written so far' "$WORK/server.log" || true)"

mkdir -p "$(dirname "$OUT")"
{
    echo "# csv2xlsx: a $ROWS-row CSV at -Xmx$HEAP"
    echo
    echo "Generated by \`benchmarks/csv2xlsx.sh\` on $NOW: $CPU, $(nproc) CPUs, $JVM,"
    echo "the demo jar with \`-Xmx$HEAP -XX:+UseSerialGC\`, one upload per fresh server. CSV: $CSV_MB MB, 11 columns."
    echo "Load average before the first run: $LOAD_BEFORE (other work on the machine makes the times longer, not the memory larger)."
    echo
    echo "| run | upload to download (s) | peak RSS (MiB) |"
    echo "|---:|---:|---:|"
    for i in "${!times[@]}"; do echo "| $((i + 1)) | ${times[$i]} | ${peaks[$i]} |"; done
    echo
    echo "Median $T_MED s, peak RSS median $P_MED MiB (largest $P_MAX MiB). Every workbook declared"
    echo "\`<dimension ref=\"A1:K$ROWS\"/>\`; the last run's log had $PROGRESS progress lines."
} >"$OUT"

SECTION="$(
    echo "Measured $NOW by \`benchmarks/csv2xlsx.sh\` ($CPU, $(nproc) CPUs, $JVM): a $ROWS-row,"
    echo "$CSV_MB MB CSV of 11 columns uploaded to the demo started with \`-Xmx$HEAP\`, $RUNS fresh servers"
    echo "(load average $LOAD_BEFORE before the first run)."
    echo
    echo "| upload to download, median | peak RSS (VmHWM), median | largest peak RSS |"
    echo "|---:|---:|---:|"
    echo "| $T_MED s | $P_MED MiB | $P_MAX MiB |"
    echo
    echo "Every run in \`benchmarks/results/csv2xlsx.md\`."
)"
if grep -q '<!-- csv2xlsx-results:start -->' "$DOC"; then
    awk -v section="$SECTION" '
        /<!-- csv2xlsx-results:start -->/ {print; print section; skip = 1; next}
        /<!-- csv2xlsx-results:end -->/ {skip = 0}
        !skip {print}' "$DOC" >"$WORK/doc" && cat "$WORK/doc" >"$DOC"
    log "updated the csv2xlsx section of $DOC"
else
    log "no csv2xlsx markers in $DOC; figures only in $OUT"
fi
log "wrote $OUT: median $T_MED s, peak RSS $P_MED MiB"
