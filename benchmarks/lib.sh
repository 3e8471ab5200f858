# Functions shared by benchmarks/run.sh, run-db.sh and startup.sh; sourced, not run. The caller sets
# `set -euo pipefail`, ROOT and BENCH, sources this first, then its own settings. Starting a server
# sets SERVER_PID; the traps below stop it on exit, error and Ctrl-C.

# Machine and JVM settings every script uses the same way; each can be set from the environment.
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JVM_OPTS="${JVM_OPTS:--Xmx512m -XX:+UseParallelGC}"
PORT="${PORT:-8080}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
WRK_THREADS="${WRK_THREADS:-1}"
BUILD="${BUILD:-1}"
IDLE_MIN="${IDLE_MIN:-80}"
QUIET_WAIT="${QUIET_WAIT:-60}"

SCRIPT="$(basename "$0")"
BASE_URL="http://127.0.0.1:$PORT"
SERVER_PID=""
START_MS=0

die() { echo "$SCRIPT: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
port_busy() { (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# Machine state. wait_until_quiet uses the caller's IDLE_MIN and QUIET_WAIT.

# "busy total" jiffies summed over all CPUs.
cpu_jiffies() { awk '/^cpu /{b=$2+$3+$4+$7+$8+$9; print b, b+$5+$6}' /proc/stat; }

# Percentage of the machine that is idle over one second.
idle_percent() {
    local b1 t1 b2 t2
    read -r b1 t1 < <(cpu_jiffies)
    sleep 1
    read -r b2 t2 < <(cpu_jiffies)
    awk -v b=$((b2 - b1)) -v t=$((t2 - t1)) 'BEGIN{idle = (t > 0) ? 100 * (t - b) / t : 0; printf "%.0f", idle}'
}

# utime + stime of a process (all its threads), in jiffies.
proc_jiffies() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

# Waits (polling) up to QUIET_WAIT seconds for the machine to be at least IDLE_MIN % idle; prints
# the last idle percentage seen. Other users' builds share this machine, so this is best effort.
wait_until_quiet() {
    local idle waited=0
    idle="$(idle_percent)"
    while ((idle < IDLE_MIN && waited < QUIET_WAIT)); do
        if ((waited == 0)); then log "machine busy (idle ${idle}% < ${IDLE_MIN}%, load $(load_avg)); waiting up to ${QUIET_WAIT}s"; fi
        sleep 4
        waited=$((waited + 5))
        idle="$(idle_percent)"
    done
    echo "$idle"
}

# Tools, JDK and CPUs every run needs; extra tools as arguments. Without wrk: the install hint, exit 2.
require_tools() {
    if ! command -v wrk >/dev/null; then
        echo "$SCRIPT: wrk is not installed. Install it with:  apt-get install -y wrk" >&2
        exit 2
    fi
    command -v curl >/dev/null || die "curl is not installed (apt-get install -y curl)"
    command -v taskset >/dev/null || die "taskset is not installed (apt-get install -y util-linux)"
    local tool
    for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
    [[ -x "$JAVA" ]] || die "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK 21+)"
    local cpus
    cpus="$(nproc --all)"
    ((SERVER_CPU < cpus && LOAD_CPU < cpus)) || die "SERVER_CPU=$SERVER_CPU / LOAD_CPU=$LOAD_CPU but only $cpus CPUs"
    [[ "$SERVER_CPU" != "$LOAD_CPU" ]] || log "warning: server and wrk share CPU $SERVER_CPU; figures will be lower"
}

# Refuses to start while the other load script runs (two load generators would distort both).
refuse_while_running() {
    local pids
    pids="$(pgrep -f "(^|[ /])$1( |\$)" | tr '\n' ' ' || true)"
    [[ -z "$pids" ]] || die "benchmarks/$1 is running (pid $pids); wait for it to finish"
}

# Builds benchmarks/<module> for each module argument (duplicates allowed), unless BUILD=0.
build_modules() {
    [[ "$BUILD" == 1 ]] || { log "BUILD=0: using the jars already built"; return 0; }
    local modules
    modules="$(printf '%s\n' "$@" | sort -u | sed 's#^#benchmarks/#' | paste -sd,)"
    log "building $modules (this is the only step that uses the network: Maven Central)"
    (cd "$ROOT" && ./mvnw -q -Pbench -pl "$modules" -am package -Dmaven.test.skip=true) ||
        die "build failed; rerun: ./mvnw -Pbench -pl $modules -am package -Dmaven.test.skip=true"
}

stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    local i
    for i in $(seq 1 100); do port_busy || return 0; sleep 0.1; done
    die "port $PORT is still in use after stopping the server"
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

# start_server NAME MODULE LOGFILE [VAR=value...]: starts benchmarks/MODULE/target/server.jar with
# env PORT and the given variables, pinned to SERVER_CPU; sets SERVER_PID and START_MS (process
# start to the first 200 on GET /, curl polling from LOAD_CPU). Not to be called in a subshell, so
# the EXIT trap always sees the server's pid.
start_server() {
    local name="$1" jar="$BENCH/$2/target/server.jar" logfile="$3"
    shift 3
    [[ -f "$jar" ]] || die "$jar is missing; build it (BUILD=1) first"
    port_busy && die "port $PORT is busy before starting $name; stop what listens there or set PORT"
    local t0 t1 code cpus
    # The polling shell moves to LOAD_CPU for the start: its forks on SERVER_CPU would slow the start it times.
    cpus="$(taskset -cp $$ | awk '{print $NF}')"
    taskset -cp "$LOAD_CPU" $$ >/dev/null
    t0="${EPOCHREALTIME/./}" # microseconds, without forking `date`
    # shellcheck disable=SC2086  # JVM_OPTS is a list of flags
    env PORT="$PORT" "$@" taskset -c "$SERVER_CPU" "$JAVA" $JVM_OPTS -jar "$jar" >"$logfile" 2>&1 &
    SERVER_PID=$!
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/" || true)"
        [[ "$code" == 200 ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "$name exited during start-up (log: $logfile)"; }
        ((${EPOCHREALTIME/./} - t0 < 60000000)) || die "$name did not answer GET / within 60 s (log: $logfile)"
    done
    t1="${EPOCHREALTIME/./}"
    taskset -cp "$cpus" $$ >/dev/null
    START_MS=$(((t1 - t0) / 1000))
}

# run_wrk OUT CONNS SECONDS PATH [wrk options...] [-- script args...]: wrk pinned to LOAD_CPU,
# keep-alive, output in OUT; prints wrk's user+sys CPU seconds and returns wrk's exit status. wrk
# options go before the URL; a `--` and the script arguments after it go after the URL, where wrk
# expects them (`wrk -s pipeline.lua URL -- 16`).
run_wrk() {
    local out="$1" conns="$2" seconds="$3" path="$4" timing status=0 options=() script_args=()
    shift 4
    while (($# > 0)); do
        if [[ "$1" == -- ]]; then script_args=("$@"); break; fi
        options+=("$1")
        shift
    done
    timing="$(mktemp)"
    {
        TIMEFORMAT='%U %S'
        time taskset -c "$LOAD_CPU" wrk --latency -t "$WRK_THREADS" -c "$conns" -d "${seconds}s" --timeout 8 \
            -H 'Connection: keep-alive' "${options[@]}" "$BASE_URL$path" "${script_args[@]}" >"$out" 2>&1
    } 2>"$timing" || status=$?
    awk '{print $1 + $2}' "$timing"
    rm -f "$timing"
    return "$status"
}

# wrk output -> "req/s p99_ms errors"
parse_wrk() {
    awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000
            if (v ~ /s$/) return v * 1000; return v + 0
        }
        /^Requests\/sec:/ { rps = $2 }
        /^ +99%/ { p99 = ms($2) }
        /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { errors += $5 }
        END { printf "%.0f %.2f %d\n", rps, p99, errors }' "$1"
}

# Servers and endpoints, shared by run.sh and pairs.sh (wrk_test needs the caller's PIPELINE_DEPTH).

# A server name -> the module it runs (benchmarks/<module>) and the VAR=value that selects its mode
# (nothing for modules with a single mode). rowan-inline and jooby-worker are the rowan and jooby
# modules in their other mode.
module_of() { case "$1" in rowan-*) echo rowan ;; jooby-worker) echo jooby ;; *) echo "$1" ;; esac; }
mode_of() {
    case "$1" in
    rowan) echo ROWAN_MODE=default ;;
    rowan-inline) echo ROWAN_MODE=inline ;;
    rowan-epoll) echo ROWAN_TRANSPORT=epoll JDK_JAVA_OPTIONS=--enable-native-access=ALL-UNNAMED ;;
    rowan-inline-epoll) echo ROWAN_MODE=inline ROWAN_TRANSPORT=epoll JDK_JAVA_OPTIONS=--enable-native-access=ALL-UNNAMED ;;
    jooby) echo JOOBY_MODE=event-loop ;;
    jooby-worker) echo JOOBY_MODE=worker ;;
    esac
}

# Stops with a clear message unless every word of TESTS is an endpoint this suite knows.
require_known_tests() {
    local test
    for test in $TESTS; do
        case "$test" in plaintext | json | pipelined) ;; *) die "unknown endpoint '$test' in TESTS (plaintext, json, pipelined)" ;; esac
    done
}

# An endpoint name -> the path wrk and the checks drive (pipelined drives /plaintext).
path_of() { case "$1" in pipelined) echo /plaintext ;; *) echo "/$1" ;; esac; }

# TechEmpower's Accept header for an endpoint.
accept_header() {
    case "$1" in
    json) echo 'application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7' ;;
    *) echo 'text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7' ;;
    esac
}

# Runs wrk on one endpoint with TechEmpower's Accept header (pipelined: the plaintext one, and
# PIPELINE_DEPTH requests per write through benchmarks/pipeline.lua, whose argument goes after the
# URL); prints wrk's user+sys CPU seconds.
wrk_test() {
    local test="$1" conns="$2" seconds="$3" out="$4" script=()
    if [[ "$test" == pipelined ]]; then script=(-s "$BENCH/pipeline.lua" -- "$PIPELINE_DEPTH"); fi
    run_wrk "$out" "$conns" "$seconds" "$(path_of "$test")" -H "Accept: $(accept_header "$test")" "${script[@]}"
}
