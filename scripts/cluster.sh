#!/usr/bin/env bash
# A Motcua cluster on one machine: a real PostgreSQL server (Debian's packages, 15 or newer), three application
# nodes against it and HAProxy in front, all on 127.0.0.1. State lives under $MOTCUA_CLUSTER_DIR (./cluster).
#
#   scripts/cluster.sh up        start what is not running; prints the load balancer's URL once every node is healthy
#   scripts/cluster.sh down      stop everything it started
#   scripts/cluster.sh status    one line per part
#   scripts/cluster.sh kill N    kill -9 node N (1-3), as a crash would
#   scripts/cluster.sh start N   start node N again and wait until it is healthy
#   scripts/cluster.sh restart-db  restart PostgreSQL (fast shutdown), as an operator or a crash would
#   scripts/cluster.sh psql ...  psql on the cluster's database
#
# Settings (environment): MOTCUA_CLUSTER_DIR, MOTCUA_LB_PORT (8080), MOTCUA_NODE_PORTS ("8081 8082 8083"),
# MOTCUA_PG_PORT (54329), MOTCUA_JAR (built with ./mvnw package when absent), MOTCUA_CLASSPATH (instead of a jar: run
# vn.motcua.MotcuaApplication from this class path; ClusterFaultTest runs the build's classes so), MOTCUA_NODE_HEAP (768m),
# MOTCUA_NODE_JAVA_OPTS (more JVM options for the nodes), MOTCUA_HEALTH_TIMEOUT (seconds, 900: the first start loads
# the reference data).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(mkdir -p "${MOTCUA_CLUSTER_DIR:-$ROOT/cluster}" && cd "${MOTCUA_CLUSTER_DIR:-$ROOT/cluster}" && pwd)"
LB_PORT="${MOTCUA_LB_PORT:-8080}"
read -r -a NODE_PORTS <<< "${MOTCUA_NODE_PORTS:-8081 8082 8083}"
PG_PORT="${MOTCUA_PG_PORT:-54329}"
HEAP="${MOTCUA_NODE_HEAP:-768m}"
HEALTH_TIMEOUT="${MOTCUA_HEALTH_TIMEOUT:-900}"
PGDATA="$DIR/pg"

# PostgreSQL refuses to run as root; as root (a CI container) its tools run in a user namespace of their own.
as_pg() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

pg_bin() {
  local best=""
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] || continue
    local v; v="$(basename "$(dirname "$d")")"
    if [ "${v%%.*}" -ge 15 ] 2>/dev/null && { [ -z "$best" ] || [ "${v%%.*}" -gt "$(basename "$(dirname "$best")")" ]; }; then
      best="$d"
    fi
  done
  [ -n "$best" ] || die "PostgreSQL 15 or newer from Debian's packages is needed (apt-get install postgresql-15)"
  echo "$best"
}

pg_password() {
  if [ ! -s "$DIR/pg.password" ]; then
    umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$DIR/pg.password"
  fi
  cat "$DIR/pg.password"
}

jar() {
  if [ -n "${MOTCUA_JAR:-}" ]; then echo "$MOTCUA_JAR"; return; fi
  local j; j="$(ls -t "$ROOT"/target/motcua-*.jar 2>/dev/null | grep -v original | head -1 || true)"
  if [ -z "$j" ]; then
    log "Building the application jar (./mvnw -DskipTests package) ..."
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package) >&2
    j="$(ls -t "$ROOT"/target/motcua-*.jar | grep -v original | head -1)"
  fi
  echo "$j"
}

launch() {
  if [ -n "${MOTCUA_CLASSPATH:-}" ]; then echo "-cp $MOTCUA_CLASSPATH vn.motcua.MotcuaApplication"; else echo "-jar $(jar)"; fi
}

db_running() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

db_up() {
  local bin; bin="$(pg_bin)"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster with $bin in $PGDATA"
    local pw="$DIR/.pwfile"; pg_password > "$pw"
    as_pg "$bin/initdb" -D "$PGDATA" -U postgres -A scram-sha-256 --pwfile="$pw" -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
      || die "initdb failed, see $DIR/initdb.log"
    rm -f "$pw"
    cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
max_connections = 200
shared_buffers = 512MB
max_wal_size = 4GB
unix_socket_directories = '$DIR'
CONF
  fi
  if ! db_running; then
    log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$PGDATA" -l "$DIR/pg.log" -w -t 60 start >/dev/null || die "PostgreSQL did not start, see $DIR/pg.log"
  fi
  PGPASSWORD="$(pg_password)" "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
    "select 1 from pg_database where datname = 'motcua'" | grep -q 1 \
    || PGPASSWORD="$(pg_password)" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres motcua
}

node_pid() { local f="$DIR/node$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }

node_healthy() {
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${NODE_PORTS[$(( $1 - 1 ))]}/actuator/health/readiness"
}

node_start() {
  local n="$1" port="${NODE_PORTS[$(( $1 - 1 ))]}" seed="false"
  if node_pid "$n" >/dev/null; then return; fi
  # The first node migrates and loads the reference and demo data; the others find them there.
  [ "$n" = 1 ] && seed="true"
  mkdir -p "$DIR/node$n"
  log "Starting node $n on 127.0.0.1:$port"
  MOTCUA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/motcua" MOTCUA_DB_USER=postgres \
  MOTCUA_DB_PASSWORD="$(pg_password)" PORT="$port" MOTCUA_DATA_DIR="$DIR/node$n" \
  MOTCUA_SEED_ON_START="$seed" MOTCUA_TRUSTED_PROXIES=127.0.0.1 \
    nohup java -Xmx"$HEAP" -XX:+UseSerialGC ${MOTCUA_NODE_JAVA_OPTS:-} $(launch) --server.address=127.0.0.1 \
      --server.forward-headers-strategy=native --logging.file.name="$DIR/node$n/motcua.log" \
      --motcua.privacy.kek-file="$DIR/kek.json" --motcua.cluster.node-name="node$n" \
      >"$DIR/node$n/stdout.log" 2>&1 &
  echo $! > "$DIR/node$n.pid"
}

# Live: started (schema migrated), maybe still loading data before it is ready.
wait_live() {
  local n="$1" deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${NODE_PORTS[$(( n - 1 ))]}/actuator/health/liveness"; do
    node_pid "$n" >/dev/null || die "node $n exited, see $DIR/node$n/stdout.log"
    [ "$(date +%s)" -lt "$deadline" ] || die "node $n not live within ${HEALTH_TIMEOUT}s, see $DIR/node$n/motcua.log"
    sleep 1
  done
}

wait_healthy() {
  local n="$1" deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
  until node_healthy "$n"; do
    node_pid "$n" >/dev/null || die "node $n exited, see $DIR/node$n/stdout.log"
    [ "$(date +%s)" -lt "$deadline" ] || die "node $n not healthy within ${HEALTH_TIMEOUT}s, see $DIR/node$n/motcua.log"
    sleep 1
  done
  log "Node $n is healthy"
}

lb_up() {
  command -v haproxy >/dev/null || die "HAProxy is needed (apt-get install haproxy)"
  {
    cat <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    # A request waits at most this long for its node (and the fault test checks nobody waited longer).
    timeout server 30s
    # A node that refuses the connection (crashed) is skipped for the next one; nothing else is re-sent.
    retries 2
    option redispatch
    retry-on conn-failure
    option forwardfor
frontend motcua
    bind 127.0.0.1:$LB_PORT
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
CFG
    local i=1
    for p in "${NODE_PORTS[@]}"; do echo "    server node$i 127.0.0.1:$p check"; i=$(( i + 1 )); done
  } > "$DIR/haproxy.cfg"
  if [ -f "$DIR/haproxy.pid" ] && kill -0 "$(cat "$DIR/haproxy.pid")" 2>/dev/null; then
    return
  fi
  log "Starting HAProxy on 127.0.0.1:$LB_PORT"
  haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid" || die "HAProxy did not start"
}

up() {
  db_up
  # Node 1 migrates the schema; once it is live (migrated, started) the others start while it loads the reference and
  # demo data (the starts are most of the time this takes). Every node wraps the data keys with the same
  # key-encryption key, $DIR/kek.json: in demo mode the first node to need it writes it (atomically: a node that
  # finds it written meanwhile uses it), and a node whose keyset does not hold the database's keys refuses to start.
  # Production sets MOTCUA_PRIVACY_KEK instead.
  node_start 1; wait_live 1
  for n in $(seq 2 "${#NODE_PORTS[@]}"); do node_start "$n"; done
  for n in $(seq 1 "${#NODE_PORTS[@]}"); do wait_healthy "$n"; done
  lb_up
  local deadline=$(( $(date +%s) + 30 ))
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$LB_PORT/actuator/health/readiness"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "the load balancer does not answer"
    sleep 1
  done
  echo "http://127.0.0.1:$LB_PORT"
}

down() {
  if [ -f "$DIR/haproxy.pid" ]; then kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true; rm -f "$DIR/haproxy.pid"; fi
  for n in $(seq 1 "${#NODE_PORTS[@]}"); do
    local pid; pid="$(node_pid "$n" || true)"
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$DIR/node$n.pid"
  done
  if db_running; then as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; fi
  log "Cluster stopped"
}

status() {
  if db_running; then echo "postgresql  up    127.0.0.1:$PG_PORT"; else echo "postgresql  down"; fi
  for n in $(seq 1 "${#NODE_PORTS[@]}"); do
    local state="down"
    if node_pid "$n" >/dev/null; then state="starting"; node_healthy "$n" && state="up"; fi
    echo "node$n       $state  127.0.0.1:${NODE_PORTS[$(( n - 1 ))]}"
  done
  if [ -f "$DIR/haproxy.pid" ] && kill -0 "$(cat "$DIR/haproxy.pid")" 2>/dev/null; then
    echo "haproxy     up    http://127.0.0.1:$LB_PORT"
  else
    echo "haproxy     down"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill) pid="$(node_pid "${2:?node number}")" && kill -9 "$pid" && log "Killed node $2 (pid $pid)" ;;
  start) node_start "${2:?node number}"; wait_healthy "$2" ;;
  restart-db) log "Restarting PostgreSQL"; as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w -t 60 restart -l "$DIR/pg.log" >/dev/null ;;
  psql) shift; PGPASSWORD="$(pg_password)" "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d motcua "$@" ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
