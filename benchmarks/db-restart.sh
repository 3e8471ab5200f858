#!/usr/bin/env bash
# A database server stopped and started again under a running Rowan app that takes writes.
#
#   benchmarks/db-restart.sh                      # PostgreSQL, then MariaDB
#   benchmarks/db-restart.sh postgresql           # one of them
#   DOWN=10 WORKERS=16 benchmarks/db-restart.sh mariadb
#
# For each server it creates the database rowan_faults, starts benchmarks/db-faults (a Rowan app with
# atomic requests whose POST /entries inserts one row with an id the client chose), drives WORKERS
# writers with unique ids, stops the server after WARM seconds, starts it again after DOWN seconds,
# keeps writing for AFTER seconds, and then checks (FaultsReport):
#   - every acknowledged (2xx) write is in the table;
#   - every other answer is a 503 (no 500s, no hung or dropped requests); how many, and the slowest;
#   - the time from the server being back (accepting connections) to the first successful write.
# It exits 1 when a check fails. The server is ALWAYS started again on exit, error or Ctrl-C.
#
# It needs root on the machine that runs the servers: PostgreSQL is restarted with pg_ctlcluster
# (Debian's cluster of $(ls /etc/postgresql)), MariaDB by signalling mariadbd and starting it again with
# start-stop-daemon, as it was started. Nothing here is a throughput measurement.
#
# Environment overrides (defaults in brackets):
#   WORKERS                concurrent writers, one request at a time each      [8]
#   PAUSE_MS               pause between a writer's requests                   [10]
#   WARM / DOWN / AFTER    seconds of writes before the stop, of outage, after  [5 / 5 / 5]
#   DB_POOL                the app's database.max-pool-size                    [10]
#   DB_CONNECTION_TIMEOUT  the app's database.connection-timeout               [10s]
#   PORT                   the app's port                                      [18431]
#   BUILD                  1 = build benchmarks/db-faults first                [1]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
PORT="${PORT:-18431}"
# JAVA, JVM_OPTS, PORT, BUILD; die, log, build_modules, start_server, stop_server
# shellcheck source=benchmarks/lib.sh
. "$BENCH/lib.sh"

WORKERS="${WORKERS:-8}"
PAUSE_MS="${PAUSE_MS:-10}"
WARM="${WARM:-5}"
DOWN="${DOWN:-5}"
AFTER="${AFTER:-5}"
export DB_POOL="${DB_POOL:-10}"
export DB_CONNECTION_TIMEOUT="${DB_CONNECTION_TIMEOUT:-10s}"
ENGINES="${*:-postgresql mariadb}"
JAR="$BENCH/db-faults/target/server.jar"
RAW="$BENCH/results/raw/db-restart-$(date -u +%Y%m%dT%H%M%SZ)"   # git-ignored
LOAD_PID=""
PG_VERSION=""

now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }

# ------------------------------------------------------------------ the servers

pg_cluster() { pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main "$@"; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432; }
pg_stop() { pg_cluster stop; }   # fast mode: open sessions are ended
pg_start() { pg_cluster start; }
pg_sql() { psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 "$@"; }
pg_prepare() {
    pg_sql -d postgres -c "DROP DATABASE IF EXISTS rowan_faults" -c "CREATE DATABASE rowan_faults"
    pg_sql -d rowan_faults -c "CREATE TABLE faults_entry (id BIGINT PRIMARY KEY, worker INTEGER NOT NULL)"
}
pg_ids() { pg_sql -d rowan_faults -At -c "SELECT id FROM faults_entry"; }
pg_drop() { pg_sql -d postgres -c "DROP DATABASE IF EXISTS rowan_faults"; }

maria_ready() { mysqladmin -h 127.0.0.1 -u root --connect-timeout=2 ping >/dev/null 2>&1; }
maria_stop() {
    local pid
    pid="$(pidof mariadbd)" || die "no mariadbd process is running"
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}
maria_start() { start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd; }
maria_sql() { mariadb -h 127.0.0.1 -u root "$@"; }
maria_prepare() {
    maria_sql -e "DROP DATABASE IF EXISTS rowan_faults; CREATE DATABASE rowan_faults;
        CREATE TABLE rowan_faults.faults_entry (id BIGINT PRIMARY KEY, worker INT NOT NULL) ENGINE=InnoDB"
}
maria_ids() { maria_sql -N -B -e "SELECT id FROM rowan_faults.faults_entry"; }
maria_drop() { maria_sql -e "DROP DATABASE IF EXISTS rowan_faults"; }

# The engine's function prefix and URL.
prefix_of() { case "$1" in postgresql) echo pg ;; mariadb) echo maria ;; *) die "unknown engine '$1' (postgresql, mariadb)" ;; esac; }
url_of() {
    case "$1" in
    postgresql) echo "postgresql://postgres@127.0.0.1:5432/rowan_faults" ;;
    mariadb) echo "mariadb://root@127.0.0.1:3306/rowan_faults" ;;
    esac
}

# Waits until the server accepts connections (60 s at most).
await_ready() {
    local p="$1" i
    for i in $(seq 1 1200); do "${p}_ready" && return 0; sleep 0.05; done
    return 1
}

# Starts every server this script may have stopped; runs on every exit.
restore_servers() {
    local status=$?
    [[ -z "$LOAD_PID" ]] || kill "$LOAD_PID" 2>/dev/null || true
    if [[ -n "$PG_VERSION" ]] && ! pg_ready; then
        log "starting PostgreSQL again"
        pg_start || log "could not start PostgreSQL: run pg_ctlcluster --skip-systemctl-redirect $PG_VERSION main start"
    fi
    if [[ " $ENGINES " == *" mariadb "* ]] && ! pidof mariadbd >/dev/null; then
        log "starting MariaDB again"
        maria_start || log "could not start MariaDB: run start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
    fi
    # Last: stop_server may stop the script itself when the port stays busy.
    stop_server
    exit "$status"
}
trap restore_servers EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ one run

run_engine() {
    local engine="$1" p dir down up verdict=0
    p="$(prefix_of "$engine")"
    dir="$RAW/$engine"
    mkdir -p "$dir"
    "${p}_ready" || die "$engine is not accepting connections on 127.0.0.1 before the run"
    "${p}_prepare"
    start_server "db-faults ($engine)" db-faults "$dir/server.log" DATABASE_URL="$(url_of "$engine")"

    log "$engine: $WORKERS writers; the server stops after ${WARM}s, for ${DOWN}s"
    rm -f "$dir/stop"
    "$JAVA" -cp "$JAR" dev.rowan.bench.dbfaults.WriteLoad "$BASE_URL" "$WORKERS" "$PAUSE_MS" "$dir/stop" "$dir/load.csv" &
    LOAD_PID=$!
    sleep "$WARM"
    down="$(now_ms)"
    log "$engine: stopping"
    "${p}_stop"
    sleep "$DOWN"
    log "$engine: starting"
    "${p}_start"
    await_ready "$p" || die "$engine did not accept connections within 60 s of its start"
    up="$(now_ms)"
    log "$engine: back after $(((up - down) / 1000)) s; writing for ${AFTER}s more"
    sleep "$AFTER"
    touch "$dir/stop"
    wait "$LOAD_PID"
    LOAD_PID=""
    stop_server
    "${p}_ids" >"$dir/ids.txt"

    echo "== $engine (pool $DB_POOL, connection timeout $DB_CONNECTION_TIMEOUT)"
    "$JAVA" -cp "$JAR" dev.rowan.bench.dbfaults.FaultsReport "$dir/load.csv" "$dir/ids.txt" "$down" "$up" || verdict=1
    sed 's/^/first answer with status /' "$dir/load.csv.bodies"
    "${p}_drop"
    return "$verdict"
}

main() {
    [[ "$(id -u)" == 0 ]] || die "needs root to stop and start the database servers"
    [[ -x "$JAVA" ]] || die "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK 21+)"
    local engine failed=0
    for engine in $ENGINES; do
        case "$engine" in
        postgresql)
            command -v pg_ctlcluster >/dev/null || die "pg_ctlcluster is not installed (Debian's postgresql-common)"
            PG_VERSION="$(ls /etc/postgresql)"
            ;;
        mariadb) command -v start-stop-daemon mysqladmin mariadb >/dev/null || die "start-stop-daemon, mysqladmin and mariadb are needed" ;;
        *) die "unknown engine '$engine' (postgresql, mariadb)" ;;
        esac
    done
    build_modules db-faults
    for engine in $ENGINES; do
        run_engine "$engine" || failed=1
    done
    log "raw files: $RAW"
    return "$failed"
}

main
