#!/usr/bin/env bash
# TechEmpower database endpoints (/db, /queries, /fortunes, /updates) on PostgreSQL: the Rowan ORM,
# hand-written JDBC on the same engine, Jooby and Javalin, one server at a time, with wrk.
#
#   benchmarks/run-db.sh                                   # setup + build + full run
#   SERVERS="rowan-orm rowan-jdbc" DURATION=5 WARMUP=3 OUT=/tmp/db.md benchmarks/run-db.sh   # smoke run
#
# Servers (name -> module, mode): rowan-orm -> benchmarks/rowan-db ROWAN_DB_MODE=orm,
# rowan-jdbc -> benchmarks/rowan-db ROWAN_DB_MODE=jdbc, jooby -> benchmarks/jooby-db,
# javalin -> benchmarks/javalin-db. Each serves on env PORT and reads DB_HOST / DB_POOL.
# The server is pinned to CPU $SERVER_CPU, wrk and curl to $LOAD_CPU; PostgreSQL is not pinned (it
# runs wherever the kernel puts it), which is the same for every server.
#
# Environment overrides (defaults in brackets):
#   SERVERS      servers to run, in order                     [rowan-orm rowan-jdbc jooby javalin]
#   DURATION     seconds per measured wrk run                 [15]
#   WARMUP       seconds of warm-up per endpoint              [10]
#   CONNECTIONS  wrk connection counts                        ["64"]   (add 256: CONNECTIONS="64 256")
#   TESTS        endpoints (paths)                            ["/db /queries?queries=20 /fortunes /updates?queries=20"]
#   ORM_EXTRA    extra paths measured on rowan-orm only, compared with rowan-jdbc's path without
#                "-plain"                                     ["/queries-plain?queries=20"]
#   DB_POOL      JDBC connections per server (same for all)   [16]
#   DB_HOST      PostgreSQL host (user postgres, trust auth)  [127.0.0.1]
#   SETUP        1 = (re)create database hello_world first    [1]
#   BUILD        1 = build the jars first                     [1]
#   PORT         server port                                  [8080]
#   SERVER_CPU / LOAD_CPU                                     [0 / 1]
#   JVM_OPTS     identical JVM flags for every server         [-Xmx512m -XX:+UseParallelGC]
#   OUT          markdown report                              [benchmarks/results/db-latest.md]
#
# It refuses to run while benchmarks/run.sh runs (two load generators would distort both).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"

SERVERS="${SERVERS:-rowan-orm rowan-jdbc jooby javalin}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
TESTS="${TESTS:-/db /queries?queries=20 /fortunes /updates?queries=20}"
ORM_EXTRA="${ORM_EXTRA-/queries-plain?queries=20}"
export DB_POOL="${DB_POOL:-16}"
export DB_HOST="${DB_HOST:-127.0.0.1}"
SETUP="${SETUP:-1}"
BUILD="${BUILD:-1}"
PORT="${PORT:-8080}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
JVM_OPTS="${JVM_OPTS:--Xmx512m -XX:+UseParallelGC}"
OUT="${OUT:-$BENCH/results/db-latest.md}"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RAW="$BENCH/results/raw/db-$STAMP"   # wrk outputs and server logs; git-ignored
BASE_URL="http://127.0.0.1:$PORT"
PSQL=(psql -h "$DB_HOST" -U postgres -q -v ON_ERROR_STOP=1)
SERVER_PID=""

die() { echo "run-db.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

module_of() {
    case "$1" in
    rowan-orm | rowan-jdbc) echo rowan-db ;;
    jooby | javalin) echo "$1-db" ;;
    *) die "unknown server '$1' (known: rowan-orm rowan-jdbc jooby javalin)" ;;
    esac
}
mode_of() { case "$1" in rowan-jdbc) echo jdbc ;; *) echo orm ;; esac; }

# ------------------------------------------------------------------ preparation

preflight() {
    local tool
    for tool in wrk curl taskset psql; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
    [[ -x "$JAVA" ]] || die "no JDK at $JAVA_HOME"
    if pgrep -f benchmarks/run.sh >/dev/null; then
        die "benchmarks/run.sh is running (pid $(pgrep -f benchmarks/run.sh | tr '\n' ' ')); wait for it to finish"
    fi
    local s
    for s in $SERVERS; do module_of "$s" >/dev/null; done
    mkdir -p "$RAW" "$(dirname "$OUT")"
}

setup_db() {
    [[ "$SETUP" == 1 ]] || { log "SETUP=0: using database hello_world as it is"; return; }
    log "creating database hello_world (benchmarks/db/setup.sql)"
    "${PSQL[@]}" -f "$BENCH/db/setup.sql" 2>&1 | grep -v 'does not exist, skipping' || true
    local rows
    rows="$("${PSQL[@]}" -d hello_world -tAc "SELECT (SELECT count(*) FROM world) || ' ' || (SELECT count(*) FROM fortune)")"
    [[ "$rows" == "10000 12" ]] || die "setup.sql did not create 10000 worlds and 12 fortunes (got '$rows')"
}

build() {
    [[ "$BUILD" == 1 ]] || { log "BUILD=0: using the jars already built"; return; }
    local modules
    modules="$(for s in $SERVERS; do module_of "$s"; done | sort -u | sed 's#^#benchmarks/#' | paste -sd,)"
    log "building $modules"
    (cd "$ROOT" && ./mvnw -q -Pbench -pl "$modules" -am package -Dmaven.test.skip=true) ||
        die "build failed; rerun: ./mvnw -Pbench -pl $modules -am package -Dmaven.test.skip=true"
}

# ------------------------------------------------------------------ one server

port_busy() { (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    for i in $(seq 1 100); do port_busy || return 0; sleep 0.1; done
    die "port $PORT is still in use after stopping the server"
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

start_server() {
    local name="$1" jar
    jar="$BENCH/$(module_of "$name")/target/server.jar"
    [[ -f "$jar" ]] || die "$jar is missing; build it (BUILD=1) first"
    port_busy && die "port $PORT is busy before starting $name; set PORT"
    # shellcheck disable=SC2086  # JVM_OPTS is a list of flags
    PORT="$PORT" ROWAN_DB_MODE="$(mode_of "$name")" taskset -c "$SERVER_CPU" "$JAVA" $JVM_OPTS -jar "$jar" \
        >"$RAW/$name.log" 2>&1 &
    SERVER_PID=$!
    local t0=$SECONDS
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/" || true)" == 200 ]]; do
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$RAW/$name.log" >&2; die "$name exited during start-up"; }
        ((SECONDS - t0 < 60)) || die "$name did not answer GET / within 60 s (log: $RAW/$name.log)"
        sleep 0.2
    done
}

# Number of World objects in a JSON body.
worlds_in() { grep -o '"id":[0-9]*,"randomNumber":[0-9]*' <<<"$1" | wc -l; }

# TechEmpower's response rules, checked with curl before any load. Prints "ok" or the problems.
check_responses() {
    local p=() h b id num stored
    h="$(curl -s -D - -o /dev/null "$BASE_URL/db" | tr -d '\r')"
    b="$(curl -s "$BASE_URL/db")"
    grep -qi '^server:' <<<"$h" || p+=("no Server header")
    grep -qi '^date:' <<<"$h" || p+=("no Date header")
    grep -qiE '^content-type: application/json' <<<"$h" || p+=("/db content-type")
    [[ "$b" =~ ^\{\"id\":[0-9]+,\"randomNumber\":[0-9]+\}$ ]] || p+=("/db body '$b'")
    [[ "$(worlds_in "$(curl -s "$BASE_URL/queries?queries=20")")" == 20 ]] || p+=("/queries?queries=20 count")
    [[ "$(worlds_in "$(curl -s "$BASE_URL/queries?queries=foo")")" == 1 ]] || p+=("/queries?queries=foo != 1")
    [[ "$(worlds_in "$(curl -s "$BASE_URL/queries?queries=0")")" == 1 ]] || p+=("/queries?queries=0 != 1")
    [[ "$(worlds_in "$(curl -s "$BASE_URL/queries?queries=501")")" == 500 ]] || p+=("/queries?queries=501 != 500")
    [[ "$(worlds_in "$(curl -s "$BASE_URL/queries")")" == 1 ]] || p+=("/queries without parameter != 1")
    [[ "$(curl -s "$BASE_URL/queries?queries=2")" == \[*\] ]] || p+=("/queries is not a JSON array")
    h="$(curl -s -D - -o /dev/null "$BASE_URL/fortunes" | tr -d '\r')"
    b="$(curl -s "$BASE_URL/fortunes")"
    grep -qiE '^content-type: text/html; ?charset=utf-8' <<<"$h" || p+=("/fortunes content-type")
    [[ "$(grep -o '<tr><td>' <<<"$b" | wc -l)" == 13 ]] || p+=("/fortunes rows != 13")
    grep -qF '<td>Additional fortune added at request time.</td>' <<<"$b" || p+=("/fortunes no added fortune")
    grep -qF '&lt;script&gt;' <<<"$b" || p+=("/fortunes <script> not escaped")
    grep -qF 'フレームワークのベンチマーク' <<<"$b" || p+=("/fortunes UTF-8")
    # Sorted by message: the escaped <script> fortune first, the Japanese one last.
    [[ "$(grep -o '<tr><td>[0-9]*</td>' <<<"$b" | grep -o '[0-9]*' | paste -sd' ')" == "11 4 5 2 8 0 3 7 10 6 9 1 12" ]] ||
        p+=("/fortunes order")
    [[ "$(worlds_in "$(curl -s "$BASE_URL/updates?queries=20")")" == 20 ]] || p+=("/updates?queries=20 count")
    # The value /updates answers is the value now stored.
    b="$(curl -s "$BASE_URL/updates?queries=1")"
    id="$(grep -o '"id":[0-9]*' <<<"$b" | grep -o '[0-9]*' || true)"
    num="$(grep -o '"randomNumber":[0-9]*' <<<"$b" | grep -o '[0-9]*' || true)"
    stored="$("${PSQL[@]}" -d hello_world -tAc "SELECT randomnumber FROM world WHERE id = ${id:-0}")"
    [[ -n "$num" && "$stored" == "$num" ]] || p+=("/updates not stored (answered $num, stored $stored)")
    if ((${#p[@]} == 0)); then echo ok; else (IFS=';'; echo "${p[*]}"); fi
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

run_wrk() {
    local path="$1" conns="$2" seconds="$3" out="$4"
    taskset -c "$LOAD_CPU" wrk --latency -t 1 -c "$conns" -d "${seconds}s" --timeout 8 \
        -H 'Connection: keep-alive' "$BASE_URL$path" >"$out" 2>&1 || true
}

slug() { tr -c 'a-zA-Z0-9\n' '_' <<<"${1#/}"; }

bench_server() {
    local name="$1" checks path conns max=0 c rps p99 errors load tests="$TESTS"
    if [[ "$name" == rowan-orm ]]; then tests="$TESTS $ORM_EXTRA"; fi
    for c in $CONNECTIONS; do if ((c > max)); then max=$c; fi; done
    start_server "$name"
    checks="$(check_responses)"
    log "$name: checks $checks; load $(load_avg)"
    if [[ "$checks" != ok ]]; then
        printf '%s\t%s\n' "$name" "$checks" >>"$RAW/checks.tsv"
        stop_server
        log "$name: responses do not follow the rules; not loading it"
        return
    fi
    printf '%s\tok\n' "$name" >>"$RAW/checks.tsv"
    for path in $tests; do run_wrk "$path" "$max" "$WARMUP" "$RAW/$name-warmup-$(slug "$path").txt"; done
    for path in $tests; do
        for conns in $CONNECTIONS; do
            load="$(load_avg)"
            run_wrk "$path" "$conns" "$DURATION" "$RAW/$name-$(slug "$path")-c$conns.txt"
            read -r rps p99 errors < <(parse_wrk "$RAW/$name-$(slug "$path")-c$conns.txt")
            log "$name $path c=$conns: $rps req/s, p99 $p99 ms, errors $errors (load before: $load)"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$path" "$conns" "$rps" "$p99" "$errors" "$load" >>"$RAW/runs.tsv"
        done
    done
    stop_server
}

# ------------------------------------------------------------------ report

report() {
    local load_before="$1" load_after="$2"
    {
        echo "# Database endpoints (TechEmpower) — $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "- machine: $(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo) ($(nproc --all) CPUs), $(uname -sr)"
        echo "- PostgreSQL: $("${PSQL[@]}" -tAc 'SHOW server_version') on $DB_HOST (not pinned); pool $DB_POOL connections per server"
        echo "- JDK: $("$JAVA" -version 2>&1 | sed -n 2p); flags $JVM_OPTS; server on CPU $SERVER_CPU, wrk (-t 1) on CPU $LOAD_CPU"
        echo "- warm-up ${WARMUP}s per endpoint, then ${DURATION}s per run; load average before $load_before, after $load_after"
        echo "- response checks: $(awk -F'\t' '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}' "$RAW/checks.tsv")"
        echo "- raw data: benchmarks/results/raw/db-$STAMP (not committed)"
        echo
        awk -F'\t' -v servers="$SERVERS" '
            BEGIN { n = split(servers, order, " ") }
            { key = $2 SUBSEP $3; rps[$1, key] = $4; p99[$1, key] = $5; err[$1, key] = $6
              if (!(key in seen)) { seen[key] = 1; keys[++k] = key } }
            function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "–" : sprintf("%.2f", a / b) }
            END {
                printf "| endpoint | conns |"
                for (i = 1; i <= n; i++) printf " %s req/s (p99 ms) |", order[i]
                print " ORM/JDBC | ORM ×jooby | ORM ×javalin |"
                printf "|---|---:|"
                for (i = 1; i <= n; i++) printf "---:|"
                print "---:|---:|---:|"
                for (j = 1; j <= k; j++) {
                    split(keys[j], kc, SUBSEP)
                    printf "| `%s` | %s |", kc[1], kc[2]
                    for (i = 1; i <= n; i++) {
                        s = order[i]
                        if ((s, keys[j]) in rps) printf " %s (%s)%s |", rps[s, keys[j]], p99[s, keys[j]], (err[s, keys[j]] > 0 ? " " err[s, keys[j]] " errors" : "")
                        else printf " – |"
                    }
                    o = rps["rowan-orm", keys[j]]
                    base = keys[j]; sub("-plain", "", base)   # an ORM-only variant is compared with the plain path
                    printf " %s | %s | %s |\n", ratio(o, rps["rowan-jdbc", base]), ratio(o, rps["jooby", base]), ratio(o, rps["javalin", base])
                }
            }' "$RAW/runs.tsv"
        echo
        echo "\`/queries-plain\` (rowan-orm only): the N reads without an \`atomic\` block, one pool hand-off per"
        echo "query; its ratios are against the other servers' \`/queries\`."
        echo
        echo "Targets: ORM ≥ 0.90 of rowan-jdbc on every endpoint; ORM ≥ 1.00 × jooby on /db and /fortunes."
    } >"$OUT"
}

main() {
    preflight
    setup_db
    build
    : >"$RAW/runs.tsv"
    : >"$RAW/checks.tsv"
    local before s
    before="$(load_avg)"
    log "load before: $before"
    for s in $SERVERS; do bench_server "$s"; done
    report "$before" "$(load_avg)"
    cat "$OUT"
    log "report written to $OUT; raw data in $RAW"
}

main "$@"
