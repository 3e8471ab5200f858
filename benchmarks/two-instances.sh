#!/usr/bin/env bash
# Two instances behind nginx: Debian's nginx (its own prefix and config in a temp folder, on free
# loopback ports) in front of two Rowan processes (benchmarks/rowan-pair, instances "a" and "b")
# that share one PostgreSQL database and the secret key. A correctness suite, not a throughput one:
# it runs on a busy machine. Prints each check with its figures and exits non-zero when one fails.
#
#   benchmarks/two-instances.sh                  # build + all checks (about 4 minutes)
#   BUILD=0 CHECKS="sessions proxy" benchmarks/two-instances.sh
#
# Checks:
#   sessions  a session started on one instance is valid on the other, directly and through nginx
#   redis-sessions  the same with sessions kept in Redis (127.0.0.1:6379): two more instances with
#             RedisSessions share a session; the cookie is only a key; logout on one ends it on both
#   proxy     server.trust-proxy: the client's address and scheme as nginx forwarded them (plain and
#             TLS); a third instance without trust-proxy ignores the same headers
#   kill      instance a killed (SIGKILL, then SIGTERM) under a write load (POST /writes, unique ids,
#             PostgreSQL), each through nginx's default proxy_next_upstream and with non_idempotent:
#             every id answered 2xx is in the table, and the statuses the client saw are counted
#             (it must see no error except after SIGKILL with the default retries: with
#             non_idempotent, as POST /writes is idempotent by its id; after SIGTERM, as the stopping
#             instance finishes what it accepted and answers on its idle pooled connections for
#             server.shutdown-idle-grace)
#   framing   core's request-smuggling corpus (FramingTest) replayed through nginx in front of
#             Rowan (core's NginxFramingTest): nginx and Rowan agree on every request boundary
#
# Environment overrides (defaults in brackets):
#   CHECKS         checks to run, in order                          [sessions redis-sessions proxy kill framing]
#   LOAD_SECONDS   seconds of write load per kill round             [12]
#   KILL_AFTER     seconds into the load when instance a is killed  [4]
#   WORKERS        concurrent writers                               [8]
#   NGINX          nginx binary                                     [/usr/sbin/nginx]
#   DB_HOST        PostgreSQL (user postgres, trust auth)           [127.0.0.1]
#   BUILD          1 = build benchmarks/rowan-pair first            [1]
#   KEEP           1 = keep the temp folder (configs, logs) and the [0]
#                  database rowan_two_instances (kept anyway when a check fails)
#   JVM_OPTS       JVM flags of each instance                       [-Xmx256m -XX:+UseSerialGC]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
JVM_OPTS="${JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
# JAVA, die, log, build_modules
# shellcheck source=benchmarks/lib.sh
. "$BENCH/lib.sh"

CHECKS="${CHECKS:-sessions redis-sessions proxy kill framing}"
LOAD_SECONDS="${LOAD_SECONDS:-12}"
KILL_AFTER="${KILL_AFTER:-4}"
WORKERS="${WORKERS:-8}"
NGINX="${NGINX:-/usr/sbin/nginx}"
DB_HOST="${DB_HOST:-127.0.0.1}"
KEEP="${KEEP:-0}"
DB=rowan_two_instances
JAR="$BENCH/rowan-pair/target/server.jar"
PSQL=(psql -h "$DB_HOST" -U postgres -qAt -v ON_ERROR_STOP=1)

[[ -x "$NGINX" ]] || { echo "$SCRIPT: no nginx at $NGINX: apt-get install -y nginx (or set NGINX)" >&2; exit 2; }
for tool in curl psql openssl; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[[ -x "$JAVA" ]] || die "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK 21+)"
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null 2>&1 || die "PostgreSQL is not reachable on $DB_HOST:5432 as user postgres"

WORK="$(mktemp -d /tmp/rowan-two-instances.XXXXXX)"
chmod 755 "$WORK" # nginx's workers (user nobody) reach their temp folders through it
declare -A PID=() APP_PORT=()
NGINX_PID=""
FAILED=0

cleanup() {
    local name
    for name in "${!PID[@]}"; do stop_instance "$name"; done
    if [[ -n "$NGINX_PID" ]]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
    if [[ "$KEEP" == 1 ]]; then
        log "kept $WORK and database $DB"
    else
        rm -rf "$WORK"
        "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- helpers ---------------------------------------------------------------------------------

# A loopback port nothing listens on (and none handed out before in this run).
USED_PORTS=" "
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        [[ "$USED_PORTS" == *" $p "* ]] && continue
        (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
        USED_PORTS+="$p "
        echo "$p"
        return
    done
}

# check NAME CONDITION_OUTPUT...: prints PASS/FAIL for one figure; a failure makes the run fail.
pass() { echo "  PASS  $*"; }
fail() { echo "  FAIL  $*"; FAILED=$((FAILED + 1)); }
expect() { # expect WHAT ACTUAL EXPECTED
    if [[ "$2" == "$3" ]]; then pass "$1: $2"; else fail "$1: got '$2', expected '$3'"; fi
}

# start_instance NAME TRUST_PROXY [cookie|redis]: a Rowan process in the production profile on a free port,
# loopback only, sharing the database and SECRET_KEY with its peers.
start_instance() {
    local name="$1" trust="$2" sessions="${3:-cookie}" port="${APP_PORT[$1]:-$(free_port)}" i
    APP_PORT[$name]="$port"
    # shellcheck disable=SC2086  # JVM_OPTS is a list of flags
    env SESSIONS="$sessions" ROWAN_PROFILE=prod SECRET_KEY="$SECRET_KEY" ROWAN_ALLOWED_HOSTS=127.0.0.1,localhost \
        DATABASE_URL="postgresql://postgres@$DB_HOST:5432/$DB" ROWAN_SERVER_HOST=127.0.0.1 PORT="$port" \
        ROWAN_SERVER_TRUST_PROXY="$trust" INSTANCE="$name" \
        "$JAVA" $JVM_OPTS -jar "$JAR" >>"$WORK/$name.log" 2>&1 &
    PID[$name]=$!
    for i in $(seq 1 600); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/")" == 200 ]] && return 0
        kill -0 "${PID[$name]}" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; KEEP=1; die "instance $name exited during start-up"; }
        sleep 0.1
    done
    KEEP=1
    die "instance $name did not answer GET / within 60 s (log: $WORK/$name.log)"
}

stop_instance() {
    local pid="${PID[$1]:-}"
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "PID[$1]"
}

setup_database() {
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    "${PSQL[@]}" -d "$DB" -c "CREATE TABLE pair_write (id bigint PRIMARY KEY, instance varchar(16) NOT NULL)"
}

# --- nginx -----------------------------------------------------------------------------------

# The proxy settings every server block shares: the ones docs/topics/deployment.md recommends.
proxy_common() {
    cat <<EOF
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
EOF
}

write_nginx_conf() {
    mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$WORK/nginx/key.pem" \
        -out "$WORK/nginx/cert.pem" >/dev/null 2>&1
    cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 512; }
http {
    log_format upstream '\$server_port \$remote_addr "\$request" \$status upstream=\$upstream_addr:\$upstream_status';
    access_log $WORK/nginx/logs/access.log upstream;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;

    upstream rowan {
        server 127.0.0.1:${APP_PORT[a]} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:${APP_PORT[b]} max_fails=1 fail_timeout=10s;
        keepalive 16;
    }
    upstream rowan_untrusting {
        server 127.0.0.1:${APP_PORT[c]};
    }
    # nginx's default: a request is passed to the other instance after a connection error or
    # timeout, but a POST only when it had not been sent yet.
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://rowan;
$(proxy_common)
        }
    }
    # Also a POST that was sent and got no answer (the instance died) goes to the other instance:
    # right only because POST /writes is idempotent (the client's id is the key).
    server {
        listen 127.0.0.1:$NGINX_RETRY_PORT;
        location / {
            proxy_pass http://rowan;
            proxy_next_upstream error timeout non_idempotent;
$(proxy_common)
        }
    }
    server {
        listen 127.0.0.1:$NGINX_TLS_PORT ssl;
        ssl_certificate $WORK/nginx/cert.pem;
        ssl_certificate_key $WORK/nginx/key.pem;
        location / {
            proxy_pass http://rowan;
$(proxy_common)
        }
    }
    # The same headers to an instance without server.trust-proxy.
    server {
        listen 127.0.0.1:$NGINX_UNTRUSTING_PORT;
        location / {
            proxy_pass http://rowan_untrusting;
$(proxy_common)
        }
    }
}
EOF
}

start_nginx() {
    "$NGINX" -t -q -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" ||
        die "nginx refused its config: $(tail -n 5 "$WORK/nginx/logs/error.log")"
    "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
    NGINX_PID=$!
    local i
    for i in $(seq 1 100); do
        (: <"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && return 0
        sleep 0.1
    done
    die "nginx did not listen on $NGINX_PORT: $(tail -n 5 "$WORK/nginx/logs/error.log")"
}

# --- checks ----------------------------------------------------------------------------------

check_sessions() {
    echo "sessions: one secret key, signed-cookie sessions"
    local a="http://127.0.0.1:${APP_PORT[a]}" b="http://127.0.0.1:${APP_PORT[b]}" jar="$WORK/jar" i out seen_a=0 seen_b=0 ok=0 reads=20
    curl -s -c "$jar.1" -d user=alice "$a/login" >/dev/null
    expect "logged in on a, read on b" "$(curl -s -b "$jar.1" -w ' %{http_code}' "$b/me")" "alice 200"
    curl -s -c "$jar.2" -d user=bob "$b/login" >/dev/null
    expect "logged in on b, read on a" "$(curl -s -b "$jar.2" -w ' %{http_code}' "$a/me")" "bob 200"
    expect "no session cookie, read on a" "$(curl -s -o /dev/null -w '%{http_code}' "$a/me")" "401"
    sed 's/\(rowan_session\t\)\(.\)/\1x\2/' "$jar.1" >"$jar.tampered"
    expect "tampered session cookie, read on b" "$(curl -s -o /dev/null -b "$jar.tampered" -w '%{http_code}' "$b/me")" "401"
    curl -s -c "$jar.3" -d user=carol "http://127.0.0.1:$NGINX_PORT/login" >/dev/null
    for i in $(seq 1 "$reads"); do
        out="$(curl -s -D - -b "$jar.3" "http://127.0.0.1:$NGINX_PORT/me" | tr -d '\r')"
        [[ "$out" == *$'\n'carol ]] && ok=$((ok + 1))
        [[ "$out" == *"X-Instance: a"* ]] && seen_a=$((seen_a + 1))
        [[ "$out" == *"X-Instance: b"* ]] && seen_b=$((seen_b + 1))
    done
    expect "logged in through nginx, $reads reads through nginx saw the user" "$ok" "$reads"
    if ((seen_a > 0 && seen_b > 0)); then pass "those reads were answered by a: $seen_a, b: $seen_b"; else fail "reads answered by a: $seen_a, b: $seen_b (both should serve)"; fi
}

# whoami URL [curl options]: Rowan's view of the client, without the origin.
whoami() { local url="$1"; shift; curl -s "$@" "$url/whoami" | sed 's/ origin=.*//'; }

check_proxy() {
    echo "proxy: server.trust-proxy on instances a and b, off on c; the client connects from 127.0.0.2/.3, nginx from 127.0.0.1"
    local n="http://127.0.0.1:$NGINX_PORT" tls="https://127.0.0.1:$NGINX_TLS_PORT" spoof=(-H 'X-Forwarded-For: 203.0.113.66' -H 'X-Forwarded-Proto: https')
    expect "through nginx (http)" "$(whoami "$n" --interface 127.0.0.2)" "client=127.0.0.2 peer=127.0.0.1 scheme=http secure=false"
    expect "through nginx (TLS)" "$(whoami "$tls" -k --interface 127.0.0.3)" "client=127.0.0.3 peer=127.0.0.1 scheme=https secure=true"
    expect "through nginx with a client's own X-Forwarded-For/-Proto" "$(whoami "$n" --interface 127.0.0.2 "${spoof[@]}")" \
        "client=127.0.0.2 peer=127.0.0.1 scheme=http secure=false"
    local cookie
    cookie="$(curl -sk -D - -o /dev/null -d user=dave "$tls/login" | tr -d '\r' | grep -i '^set-cookie: rowan_session' | grep -ic '; secure' || true)"
    expect "session cookie set through TLS is Secure" "$cookie" "1"
    cookie="$(curl -s -D - -o /dev/null -d user=dave "$n/login" | tr -d '\r' | grep -i '^set-cookie: rowan_session' | grep -ic '; secure' || true)"
    expect "session cookie set through plain http is not Secure" "$cookie" "0"
    sleep 0.5 # the access log line is written after the response
    local logged
    logged="$(cat "$WORK/a.log" "$WORK/b.log" | grep -c 'rowan.access: 127\.0\.0\.3 "GET /whoami"' || true)"
    expect "access log lines naming the TLS client 127.0.0.3 (a + b)" "$logged" "1"
    expect "c (no trust-proxy) through nginx" "$(whoami "http://127.0.0.1:$NGINX_UNTRUSTING_PORT" --interface 127.0.0.2)" \
        "client=127.0.0.1 peer=127.0.0.1 scheme=http secure=false"
    expect "c (no trust-proxy), forwarded headers sent directly" "$(whoami "http://127.0.0.1:${APP_PORT[c]}" "${spoof[@]}")" \
        "client=127.0.0.1 peer=127.0.0.1 scheme=http secure=false"
    # Why the app's port must be reachable by the proxy only: a trusting instance believes anyone.
    expect "a (trust-proxy), forwarded headers sent directly, bypassing nginx" "$(whoami "http://127.0.0.1:${APP_PORT[a]}" "${spoof[@]}")" \
        "client=203.0.113.66 peer=127.0.0.1 scheme=https secure=true"
}

# kill_round NAME PORT FIRST_ID SIGNAL: the write load through nginx on PORT, instance a sent
# SIGNAL KILL_AFTER seconds in; then the table is compared with what the client was told.
kill_round() {
    local name="$1" port="$2" first="$3" signal="$4" out="$WORK/load-$1.txt"
    "$JAVA" -cp "$JAR" dev.rowan.bench.pair.WriteLoad "http://127.0.0.1:$port" "$LOAD_SECONDS" "$WORKERS" "$first" "$out" >"$out.summary" 2>&1 &
    local load=$!
    sleep "$KILL_AFTER"
    kill "-$signal" "${PID[a]}"
    wait "${PID[a]}" 2>/dev/null || true
    unset "PID[a]"
    wait "$load" || { cat "$out.summary" >&2; die "the write load failed"; }
    local total acked errors statuses stored missing unacked by_a by_b
    total="$(wc -l <"$out")"
    statuses="$(awk '{ c[$2]++ } END { for (s in c) printf "%s %s, ", s, c[s] }' "$out" | sed 's/, $//')"
    awk '$2 ~ /^2/ { print $1 }' "$out" | sort >"$out.acked"
    acked="$(wc -l <"$out.acked")"
    errors=$((total - acked))
    by_a="$(awk '$2 ~ /^2/ && $3 == "a"' "$out" | wc -l)"
    by_b="$(awk '$2 ~ /^2/ && $3 == "b"' "$out" | wc -l)"
    "${PSQL[@]}" -d "$DB" -c "SELECT id FROM pair_write WHERE id >= $first AND id < $((first + 100000000))" | sort >"$out.stored"
    stored="$(wc -l <"$out.stored")"
    missing="$(comm -23 "$out.acked" "$out.stored" | wc -l)"
    unacked="$(comm -13 "$out.acked" "$out.stored" | wc -l)"
    local retried
    retried="$(grep -c "^$port .*\"POST /writes [^ ]*\" .* upstream=[^ ]*, " "$WORK/nginx/logs/access.log" || true)"
    echo "  $name: $total POSTs in ${LOAD_SECONDS}s by $WORKERS clients, SIG$signal to a at ${KILL_AFTER}s; statuses: $statuses"
    echo "        2xx answered by a: $by_a, by b: $by_b; passed on to b after a failed (nginx): $retried"
    echo "        rows in the table: $stored (stored but not acknowledged: $unacked)"
    expect "$name: acknowledged writes missing from the table" "$missing" "0"
    # A SIGKILL with nginx's default retries is the one round where the client may see errors.
    if [[ "$name" != default ]]; then
        expect "$name: requests the client saw fail (non-2xx or no answer)" "$errors" "0"
    else
        echo "        requests the client saw fail: $errors (nginx does not pass a POST it already sent on to the other instance)"
    fi
    grep -c 'upstream prematurely closed\|Connection reset\|Connection refused' "$WORK/nginx/logs/error.log" |
        xargs -I{} echo "        nginx error log lines about the dead instance so far: {}"
}

check_kill() {
    echo "kill: kill -9 of instance a under POST /writes (PostgreSQL), every 2xx id must be in the table"
    kill_round default "$NGINX_PORT" 1000000 KILL
    start_instance a true
    sleep 11 # nginx's fail_timeout (10 s): a is taken back into the rotation
    kill_round non-idempotent "$NGINX_RETRY_PORT" 2000000 KILL
    start_instance a true
    sleep 11
    # A rolling restart: SIGTERM lets requests in flight finish and writes their answers out.
    kill_round sigterm-default "$NGINX_PORT" 3000000 TERM
    start_instance a true
    sleep 11
    kill_round sigterm-non-idempotent "$NGINX_RETRY_PORT" 4000000 TERM
    start_instance a true
}

check_redis_sessions() {
    echo "redis-sessions: two more instances keep sessions in Redis (127.0.0.1:6379)"
    if ! (: <"/dev/tcp/127.0.0.1/6379") 2>/dev/null; then
        expect "Redis is reachable on 127.0.0.1:6379" "no" "yes"
        return
    fi
    start_instance ra true redis
    start_instance rb true redis
    local ra="http://127.0.0.1:${APP_PORT[ra]}" rb="http://127.0.0.1:${APP_PORT[rb]}" jar="$WORK/redis-cookies" value
    curl -s -c "$jar" -d user=erin "$ra/login" >/dev/null
    expect "logged in on ra, read on rb" "$(curl -s -b "$jar" -w ' %{http_code}' "$rb/me")" "erin 200"
    value="$(awk '$6 == "rowan_session" { print $7 }' "$jar")"
    expect "the cookie is a 43-character key, not the data" "${#value}:$([[ "$value" == *erin* ]] && echo data || echo key)" "43:key"
    sed 's/\(rowan_session\t\)\(.\)/\1x\2/' "$jar" >"$jar.tampered"
    expect "tampered key, read on ra" "$(curl -s -o /dev/null -b "$jar.tampered" -w '%{http_code}' "$ra/me")" "401"
    curl -s -b "$jar" -d x=1 "$rb/logout" >/dev/null
    expect "logged out on rb, the old cookie on ra" "$(curl -s -o /dev/null -b "$jar" -w '%{http_code}' "$ra/me")" "401"
    stop_instance ra
    stop_instance rb
}

check_framing() {
    echo "framing: core's smuggling corpus (FramingTest.corpus()) through an nginx of its own in front of a Rowan test server (NginxFramingTest)"
    local out="$WORK/framing.log" status=0
    (cd "$ROOT" && ./mvnw -o -q -pl core test -Dtest=NginxFramingTest -Drowan.nginx="$NGINX" -Dsurefire.failIfNoSpecifiedTests=false) >"$out" 2>&1 || status=$?
    grep '^\[nginx-framing\]' "$out" | sed 's/^/  /' || true
    if ((status == 0)) && [[ "$(grep -c '^\[nginx-framing\].*disagreements: 0$' "$out")" == 2 ]]; then
        pass "nginx and Rowan agree on every request boundary"
    else
        grep -E 'FAIL|ERROR|expected' "$out" | head -n 30 >&2 || true
        fail "NginxFramingTest failed (exit $status); log: $out"
        KEEP=1
    fi
}

# --- run -------------------------------------------------------------------------------------

build_modules rowan-pair
[[ -f "$JAR" ]] || die "$JAR is missing; build it (BUILD=1) first"
SECRET_KEY="$(openssl rand -hex 32)"
setup_database
log "starting instances a, b (trust-proxy) and c (no trust-proxy) on one database"
start_instance a true
start_instance b true
start_instance c false
NGINX_PORT="$(free_port)"
NGINX_RETRY_PORT="$(free_port)"
NGINX_TLS_PORT="$(free_port)"
NGINX_UNTRUSTING_PORT="$(free_port)"
write_nginx_conf
start_nginx
log "nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on 127.0.0.1:$NGINX_PORT (default retries), :$NGINX_RETRY_PORT (non_idempotent), :$NGINX_TLS_PORT (TLS), :$NGINX_UNTRUSTING_PORT (to c); a on ${APP_PORT[a]}, b on ${APP_PORT[b]}, c on ${APP_PORT[c]}"

for check in $CHECKS; do
    case "$check" in
    sessions | proxy | kill | framing) "check_$check" ;;
    redis-sessions) check_redis_sessions ;;
    *) die "unknown check '$check' (sessions, redis-sessions, proxy, kill, framing)" ;;
    esac
done
if ((FAILED > 0)); then echo "$SCRIPT: $FAILED check(s) failed"; KEEP=1; exit 1; fi
echo "$SCRIPT: all checks passed"
