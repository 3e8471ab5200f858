#!/usr/bin/env bash
# Rowan HTTP benchmark: TechEmpower-style plaintext, JSON and pipelined plaintext on Rowan, the raw
# engines and peers, one server at a time on the same machine, with wrk.
#
#   benchmarks/run.sh                                 # full run (about 2 min per server)
#   SERVERS="raw-netty jooby" DURATION=3 WARMUP=2 OUT=/tmp/smoke.md benchmarks/run.sh   # smoke run
#
# Each server is a submodule benchmarks/<name> that builds target/server.jar and listens on env PORT.
# Adding a server = adding such a submodule, its <module> line in benchmarks/pom.xml and its name in
# DEFAULT_SERVERS below. The server runs pinned to CPU $SERVER_CPU, wrk to CPU $LOAD_CPU.
# Some servers are a module started in another mode (see module_of / mode_of below):
#   rowan-inline  benchmarks/rowan with ROWAN_MODE=inline (non-blocking handlers on the event loop;
#                 plain rowan gets ROWAN_MODE=default: handlers on virtual threads, NIO transport)
#   rowan-epoll   benchmarks/rowan with ROWAN_TRANSPORT=epoll (server.transport=epoll, native access
#                 enabled through JDK_JAVA_OPTIONS since Rowan's jar, like a user's, does not enable it)
#   rowan-inline-epoll  both: the like-for-like counterpart of jooby (event loop, epoll)
#   jooby-worker  benchmarks/jooby with JOOBY_MODE=worker (Jooby's worker mode for blocking handlers;
#                 plain jooby gets JOOBY_MODE=event-loop: handlers on Netty's I/O threads)
#
# Endpoints (TESTS): plaintext = GET /plaintext, json = GET /json, one request per write as in
# TechEmpower's json test; pipelined = GET /plaintext with PIPELINE_DEPTH requests per write
# (benchmarks/pipeline.lua), TechEmpower's plaintext method. One wrk core cannot saturate the fastest
# servers one request at a time; pipelined moves that limit much further out. pipelined gets the
# plaintext response checks plus a response-order check (pipelined_in_order below).
#
# Environment overrides (defaults in brackets):
#   SERVERS       servers to run, in order                      [$DEFAULT_SERVERS]
#   DURATION      seconds per measured wrk run                  [15]   (TechEmpower's duration)
#   WARMUP        seconds of warm-up per endpoint               [10]
#   CONNECTIONS   wrk connection counts                         ["64 256"]
#   TESTS         endpoints: plaintext, json, pipelined         ["plaintext json pipelined"]
#   PIPELINE_DEPTH  requests per write for pipelined            [16]   (TechEmpower's depth)
#   WRK_THREADS   wrk threads                                   [1]    (wrk has one CPU)
#   PORT          server port                                   [8080]
#   SERVER_CPU / LOAD_CPU   CPUs for the server / for wrk and curl   [0 / 1]
#   JVM_OPTS      identical JVM flags for every server          [-Xmx512m -XX:+UseParallelGC]
#   BASELINE_RAW  the raw engine ratios are taken against       [raw-netty]
#   BUILD         1 = build the jars first, 0 = use what is built  [1]
#   START_RUNS    start-ups timed per server (median reported)  [3]
#   IDLE_MIN      % of the machine that should be idle before a start or a run   [80]
#   QUIET_WAIT    at most this many seconds are spent waiting for that, per wait  [60]
#   NOISE_MAX     % of one core other processes may take during a run; above it
#                 the run is repeated (up to RETRIES times) and the least
#                 disturbed one is kept                          [20]
#   RETRIES       extra attempts per run                         [2]
#   OUT           markdown report                               [benchmarks/results/latest.md]
#   KEEP_FROM     earlier result folders (benchmarks/results/raw/<stamp>) whose servers that are
#                 not re-measured now are carried into the report, to redo one noisy server:
#                 SERVERS=rowan KEEP_FROM=benchmarks/results/raw/20261127T205223Z benchmarks/run.sh
#
# It refuses to run while benchmarks/run-db.sh runs (two load generators would distort both).
set -euo pipefail

DEFAULT_SERVERS="rowan rowan-inline rowan-epoll rowan-inline-epoll raw-netty raw-helidon raw-jetty jooby jooby-worker javalin"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
# JAVA, JVM_OPTS, PORT, CPUs, BUILD, quiet-machine settings; die, log, load_avg, require_tools,
# build_modules, start_server, stop_server (+ traps), run_wrk, parse_wrk; module_of, mode_of,
# path_of, accept_header, wrk_test
# shellcheck source=benchmarks/lib.sh
. "$BENCH/lib.sh"

SERVERS="${SERVERS:-$DEFAULT_SERVERS}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-64 256}"
TESTS="${TESTS:-plaintext json pipelined}"
PIPELINE_DEPTH="${PIPELINE_DEPTH:-16}"
BASELINE_RAW="${BASELINE_RAW:-raw-netty}"
NOISE_MAX="${NOISE_MAX:-20}"
RETRIES="${RETRIES:-2}"
START_RUNS="${START_RUNS:-3}"
OUT="${OUT:-$BENCH/results/latest.md}"
KEEP_FROM="${KEEP_FROM:-}"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RAW="$BENCH/results/raw/$STAMP"   # wrk outputs and server logs; git-ignored
CLK_TCK="$(getconf CLK_TCK)"
RUN=""

# ------------------------------------------------------------------ preflight

preflight() {
    require_tools
    refuse_while_running run-db.sh
    require_known_tests
    [[ "$PIPELINE_DEPTH" =~ ^[1-9][0-9]*$ ]] || die "PIPELINE_DEPTH must be a positive integer, got '$PIPELINE_DEPTH'"
    [[ -f "$BENCH/pipeline.lua" ]] || die "$BENCH/pipeline.lua is missing"
    local selected=() s
    for s in $SERVERS; do
        if [[ -f "$BENCH/$(module_of "$s")/pom.xml" ]]; then
            selected+=("$s")
        else
            log "skipping $s: no benchmarks/$(module_of "$s") module yet"
        fi
    done
    ((${#selected[@]} > 0)) || die "no server to run (SERVERS=\"$SERVERS\")"
    SERVERS="${selected[*]}"
    mkdir -p "$RAW" "$(dirname "$OUT")"
}

build() {
    local s modules=()
    for s in $SERVERS; do modules+=("$(module_of "$s")"); done
    build_modules "${modules[@]}"
}

# ------------------------------------------------------------------ one server

# TechEmpower's response checks, reported (not fatal) so a peer's deviation is visible in the table.
# pipelined drives /plaintext, so it gets the plaintext checks (once, also when both are measured).
check_responses() {
    local problems=() test headers body checked=" " round
    for test in $TESTS; do
        if [[ "$test" == pipelined ]]; then test=plaintext; fi
        [[ "$checked" != *" $test "* ]] || continue
        checked+="$test "
        headers="$(curl -s -D - -o /dev/null "$BASE_URL$(path_of "$test")" | tr -d '\r')"
        body="$(curl -s "$BASE_URL$(path_of "$test")")"
        grep -q '^HTTP/1.1 200' <<<"$headers" || problems+=("$test status")
        grep -qi '^server:' <<<"$headers" || problems+=("$test no Server")
        grep -qi '^date:' <<<"$headers" || problems+=("$test no Date")
        grep -qiE '^(content-length|transfer-encoding):' <<<"$headers" || problems+=("$test no length")
        case "$test" in
        plaintext)
            grep -qiE '^content-type: text/plain(; ?charset=(UTF|utf)-8)?$' <<<"$headers" || problems+=("plaintext content-type")
            [[ "$body" == "Hello, World!" ]] || problems+=("plaintext body")
            ;;
        json)
            grep -qiE '^content-type: application/json(; ?charset=(UTF|utf)-8)?$' <<<"$headers" || problems+=("json content-type")
            [[ "$body" == '{"message":"Hello, World!"}' ]] || problems+=("json body")
            ;;
        esac
    done
    if [[ " $TESTS " == *" pipelined "* ]]; then
        for round in $(seq 1 10); do
            pipelined_in_order || { problems+=("pipelined responses out of order"); break; }
        done
    fi
    if ((${#problems[@]} == 0)); then echo "checks ok"; else (IFS=,; echo "CHECK FAILED: ${problems[*]}"); fi
}

# Not one of TechEmpower's checks: HTTP/1.1 requires responses to pipelined requests in request order
# (RFC 9112, 9.3.2), and wrk cannot see identical /plaintext responses reordered. Sends PIPELINE_DEPTH
# (at least 2) alternating GET /json and GET /plaintext in one write, the last with Connection: close,
# and compares the order of the bodies that come back. A reordering depends on timing, so
# check_responses tries ten times.
pipelined_in_order() {
    local i depth=$((PIPELINE_DEPTH < 2 ? 2 : PIPELINE_DEPTH)) request="" expected="" got="" path close fd
    for ((i = 1; i <= depth; i++)); do
        if ((i % 2)); then path=/json expected+=J; else path=/plaintext expected+=P; fi
        close=""
        if ((i == depth)); then close=$'Connection: close\r\n'; fi
        request+="GET $path HTTP/1.1"$'\r\n'"Host: 127.0.0.1:$PORT"$'\r\n'"$close"$'\r\n'
    done
    exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" || return 1
    printf '%s' "$request" >&"$fd" || { exec {fd}>&-; return 1; }
    got="$(timeout 5 cat <&"$fd" | grep -aoE '\{"message":"Hello, World!"\}|Hello, World!' |
        sed -e 's/^{.*/J/' -e 's/^Hello.*/P/' | tr -d '\n')" || true
    exec {fd}>&-
    [[ "$got" == "$expected" ]]
}

# One measured wrk run against the running server; sets RUN to
# "req/s p99_ms errors server_cpu% wrk_cpu% others_cpu%".
measure_run() {
    local test="$1" conns="$2" out="$3" b1 b2 s1 s2 t1 t2 wrk_cpu rps p99 errors
    read -r b1 _ < <(cpu_jiffies)
    s1="$(proc_jiffies "$SERVER_PID")"
    t1="$(date +%s%N)"
    wrk_cpu="$(wrk_test "$test" "$conns" "$DURATION" "$out")"
    t2="$(date +%s%N)"
    s2="$(proc_jiffies "$SERVER_PID")"
    read -r b2 _ < <(cpu_jiffies)
    read -r rps p99 errors < <(parse_wrk "$out")
    # "others" = all busy CPU time on the machine minus the server's and wrk's, as % of one core.
    RUN="$rps $p99 $errors $(awk -v ns=$((t2 - t1)) -v hz="$CLK_TCK" -v busy=$((b2 - b1)) \
        -v srv=$((s2 - s1)) -v wrk="$wrk_cpu" 'BEGIN {
            ticks = ns / 1e9 * hz; o = (busy - srv - wrk * hz) / ticks * 100; if (o < 0) o = 0
            printf "%.0f %.0f %.0f", srv / ticks * 100, wrk * hz / ticks * 100, o }')"
}

# Measures test x conns; when other processes took more than NOISE_MAX % of a core, measures again
# (up to RETRIES times) and keeps the least disturbed run. Appends one row to runs.tsv.
measure_point() {
    local name="$1" test="$2" conns="$3" attempt best="" best_other=999999 rps p99 errors srv wrk other
    for attempt in $(seq 1 $((RETRIES + 1))); do
        wait_until_quiet >/dev/null
        measure_run "$test" "$conns" "$RAW/$name-$test-c$conns-$attempt.txt"
        read -r rps p99 errors srv wrk other <<<"$RUN"
        log "$name $test c=$conns (attempt $attempt): $rps req/s, p99 ${p99} ms, errors $errors, CPU: server ${srv}%, wrk ${wrk}%, others ${other}%"
        if ((other < best_other)); then best="$RUN"; best_other=$other; fi
        if ((other <= NOISE_MAX)); then break; fi
    done
    read -r rps p99 errors srv wrk other <<<"$best"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$test" "$conns" "$rps" "$p99" "$errors" \
        "$srv" "$wrk" "$other" "$attempt" >>"$RAW/runs.tsv"
}

# Starts the server START_RUNS times (keeping the last one running), then warms up and measures
# every endpoint x connection count; appends one row to servers.tsv.
bench_server() {
    local name="$1" idle load checks rss hwm test conns max_conns=0 c i starts=() mode=()
    for c in $CONNECTIONS; do
        if ((c > max_conns)); then max_conns=$c; fi
    done
    idle="$(wait_until_quiet)"
    load="$(load_avg)"
    read -ra mode <<<"$(mode_of "$name")"
    log "$name: load $load, idle ${idle}%; starting it $START_RUNS times${mode[*]:+ with ${mode[*]}}"
    for i in $(seq 1 "$START_RUNS"); do
        if ((i > 1)); then stop_server; wait_until_quiet >/dev/null; fi
        start_server "$name" "$(module_of "$name")" "$RAW/$name-$i.log" "${mode[@]}"
        starts+=("$START_MS")
    done
    checks="$(check_responses)"
    log "$name: first response after ${starts[*]} ms; $checks; warming up ${WARMUP}s per endpoint"
    for test in $TESTS; do wrk_test "$test" "$max_conns" "$WARMUP" "$RAW/$name-warmup-$test.txt" >/dev/null; done
    for test in $TESTS; do
        for conns in $CONNECTIONS; do measure_point "$name" "$test" "$conns"; done
    done
    rss="$(awk '/^VmRSS:/{printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
    hwm="$(awk '/^VmHWM:/{printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
    stop_server
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(printf '%s\n' "${starts[@]}" | sort -n | tr '\n' ' ')" \
        "$rss" "$hwm" "$load" "$idle" "$checks" >>"$RAW/servers.tsv"
}

# ------------------------------------------------------------------ report

write_facts() {
    local pipelining="no pipelining"
    if [[ " $TESTS " == *" pipelined "* ]]; then
        pipelining="pipelined: GET /plaintext, $PIPELINE_DEPTH requests per write (benchmarks/pipeline.lua); plaintext and json: one request at a time"
    fi
    {
        echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "cpu	$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo) ($(nproc --all) CPUs)"
        echo "memory	$(awk '/^MemTotal:/{printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
        echo "kernel	$(uname -sr)"
        echo "jdk	$("$JAVA" -version 2>&1 | sed -n 2p)"
        echo "jvm flags	$JVM_OPTS (server pinned with taskset -c $SERVER_CPU)"
        echo "wrk	$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2) -t $WRK_THREADS --latency --timeout 8, pinned with taskset -c $LOAD_CPU; keep-alive; $pipelining"
        echo "durations	warm-up ${WARMUP}s per endpoint at the highest connection count, then ${DURATION}s per run"
        echo "load before run	$(load_avg)"
        echo "raw data	benchmarks/results/raw/$STAMP (not committed)"
    } >"$RAW/facts.tsv"
}

main() {
    preflight
    build
    write_facts
    : >"$RAW/runs.tsv"
    : >"$RAW/servers.tsv"
    local s
    for s in $SERVERS; do bench_server "$s"; done
    echo "load after run	$(load_avg)" >>"$RAW/facts.tsv"
    # shellcheck disable=SC2086  # KEEP_FROM is a list of folders
    "$JAVA" "$BENCH/Report.java" "$RAW" "$BASELINE_RAW" $KEEP_FROM >"$OUT"
    cat "$OUT"
    log "report written to $OUT; raw data in $RAW"
}

main "$@"
