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
# JAVA, JVM_OPTS, PORT, CPUs, BUILD; die, log, load_avg, require_tools, build_modules,
# start_server, stop_server (+ traps), run_wrk, parse_wrk
# shellcheck source=benchmarks/lib.sh
. "$BENCH/lib.sh"
WRK_THREADS=1

SERVERS="${SERVERS:-rowan-orm rowan-jdbc jooby javalin}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
TESTS="${TESTS:-/db /queries?queries=20 /fortunes /updates?queries=20}"
ORM_EXTRA="${ORM_EXTRA-/queries-plain?queries=20}"
export DB_POOL="${DB_POOL:-16}"
export DB_HOST="${DB_HOST:-127.0.0.1}"
SETUP="${SETUP:-1}"
OUT="${OUT:-$BENCH/results/db-latest.md}"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RAW="$BENCH/results/raw/db-$STAMP"   # wrk outputs and server logs; git-ignored
PSQL=(psql -h "$DB_HOST" -U postgres -q -v ON_ERROR_STOP=1)


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
    require_tools psql
    refuse_while_running run.sh
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
    local s modules=()
    for s in $SERVERS; do modules+=("$(module_of "$s")"); done
    build_modules "${modules[@]}"
}

# ------------------------------------------------------------------ one server

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

slug() { tr -c 'a-zA-Z0-9\n' '_' <<<"${1#/}"; }

bench_server() {
    local name="$1" checks path conns max=0 c rps p99 errors load tests="$TESTS"
    if [[ "$name" == rowan-orm ]]; then tests="$TESTS $ORM_EXTRA"; fi
    for c in $CONNECTIONS; do if ((c > max)); then max=$c; fi; done
    start_server "$name" "$(module_of "$name")" "$RAW/$name.log" ROWAN_DB_MODE="$(mode_of "$name")"
    checks="$(check_responses)"
    log "$name: checks $checks; load $(load_avg)"
    if [[ "$checks" != ok ]]; then
        printf '%s\t%s\n' "$name" "$checks" >>"$RAW/checks.tsv"
        stop_server
        log "$name: responses do not follow the rules; not loading it"
        return
    fi
    printf '%s\tok\n' "$name" >>"$RAW/checks.tsv"
    for path in $tests; do run_wrk "$RAW/$name-warmup-$(slug "$path").txt" "$max" "$WARMUP" "$path" >/dev/null || true; done
    for path in $tests; do
        for conns in $CONNECTIONS; do
            load="$(load_avg)"
            run_wrk "$RAW/$name-$(slug "$path")-c$conns.txt" "$conns" "$DURATION" "$path" >/dev/null || true
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
