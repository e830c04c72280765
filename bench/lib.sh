# Shared by bench/run.sh and bench/faults.sh: a scratch PostgreSQL from Debian's postgresql package, the
# platform jar, the Java client programs. Source it after setting ROOT (the repository) and WORK (a scratch
# directory); everything started here is stopped by cleanup (called from an EXIT trap).

JAVA_HOME="$("$ROOT/oneseal" java-home)"
JAVA="$JAVA_HOME/bin/java"
LAUNCH="" # the JVM arguments the launcher starts the platform with (class archive, jar): set by build
PIDS=()
PG_DATA=""
PG_BIN=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

free_port() { # a TCP port nobody listens on
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

pg_binaries() { # Debian's server binaries and pgbench (and curl); installed when missing and we may
  local d need=()
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  { [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pgbench" ]; } || need+=(postgresql postgresql-contrib)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need[*]} ..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  fi
  if [ -z "$d" ] || [ ! -x "$d/initdb" ] || [ ! -x "$d/pgbench" ] || ! command -v curl >/dev/null 2>&1; then
    echo "bench needs PostgreSQL's server binaries, pgbench and curl: apt-get install postgresql curl" >&2
    exit 1
  fi
  echo "$d"
}

as_pg_owner() { # initdb and the server refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_pg: a fresh cluster in $WORK/pg on a free port; sets PG_PORT and PG_URL_BASE
start_pg() {
  PG_BIN="${PG_BIN:-$(pg_binaries)}"
  PG_DATA="$WORK/pg"
  PG_PORT="$(free_port)"
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK" "$PG_DATA"
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_ctl_start
  PG_URL_BASE="jdbc:postgresql://127.0.0.1:$PG_PORT"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT ($PG_DATA)"
}

pg_ctl_start() {
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg.log" -w -t 60 -o "-p $PG_PORT -k $WORK \
    -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB -c fsync=on" start >/dev/null
}

stop_pg() {
  [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ] && as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

psql_db() { # psql_db DB [psql args...]
  local db="$1"; shift
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

create_db() { psql_db postgres -c "create database $1" >/dev/null; }

# start_app NAME PORT DB [extra args...]: the platform jar with demo data against database DB; sets APP_PID
start_app() {
  local name="$1" port="$2" db="$3"; shift 3
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && SPRING_DATASOURCE_URL="$PG_URL_BASE/$db" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD= PORT="$port" exec "$JAVA" ${APP_JAVA_OPTS} $LAUNCH \
    --spring.profiles.active=demo --logging.file.name="$WORK/$name/oneseal.json" "$@" \
    >"$WORK/$name/stdout.log" 2>&1) &
  APP_PID=$!
  PIDS+=("$APP_PID")
}

# wait_http URL SECONDS: until URL answers 200 (prints the seconds waited) or fail
wait_http() {
  local url="$1" limit="$2" start now
  start=$(date +%s%N)
  while true; do
    if curl -sf -o /dev/null --max-time 5 "$url"; then
      now=$(date +%s%N); awk -v d=$(( now - start )) 'BEGIN{printf "%.1f\n", d/1e9}'; return 0
    fi
    now=$(date +%s%N)
    if [ $(( (now - start) / 1000000000 )) -ge "$limit" ]; then return 1; fi
    sleep 0.1
  done
}

# wait_demo BASE: the demo catalogue is loaded once the platform answers; wait for the bench's matter
wait_demo() {
  local i
  for i in $(seq 1 600); do
    curl -sf "$1/api/v1/public/matters?q=%E6%88%B7%E5%A4%96%E5%B9%BF%E5%91%8A" | grep -q matterId && return 0
    sleep 0.2
  done
  echo "the demo data did not appear at $1" >&2; return 1
}

stop_pid() { # stop_pid PID [signal]
  local pid="$1" sig="${2:-TERM}"
  kill -"$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

rss_mb() { awk '/VmRSS/{printf "%.0f\n", $2/1024}' "/proc/$1/status"; }

client() { # the HTTP client (bench/Load.java), no dependencies
  "$JAVA" "$ROOT/bench/Load.java" "$@"
}

build() { # the jar, extracted, with its class archive (as ./oneseal demo starts it)
  PG_BIN="$(pg_binaries)" # and curl: checked (and installed) before anything runs
  log "building the platform (if the sources changed) ..."
  "$ROOT/oneseal" build >&2
  LAUNCH="$("$ROOT/oneseal" launch-args)"
}

libs() { # the platform's libraries (for the baseline and the seeding programs)
  echo "$ROOT/target/app/lib/*"
}

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  stop_pg
  if [ -n "${KEEP_WORK:-}" ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
