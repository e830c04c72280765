#!/usr/bin/env bash
# OneSeal fault tests against real processes (the fast ones run in the test suite). Exits non-zero on any
# loss. Starts its own PostgreSQL (Debian's postgresql package) and platform processes, stops them after.
#   1. kill -9 of the platform during 200 concurrent idempotent submissions, restart, clients retry
#   2. PostgreSQL restarted under load: not-ready, recovery without manual action, nothing lost, no 500s
#   3. two nodes on one database: each scheduled job once per tick, sessions survive a switch, a killed
#      node's work is finished by the other
# KEEP_WORK=1 keeps the scratch directory (logs).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/oneseal-faults.XXXXXX)"
chmod 755 "$WORK"
source "$ROOT/bench/lib.sh"
trap cleanup EXIT
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xms512m -Xmx1g}"
CLIENTS="${CLIENTS:-200}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }
value_of() { awk -v n="$1" '$1 == "RESULT" && $2 == n {print $3}' "$2" | tail -1; }

build
start_pg

# ---------------------------------------------------------------- 1. kill -9 during submissions
echo "== 1. kill -9 during $CLIENTS concurrent idempotent submissions"
create_db kill
PORT="$(free_port)"; BASE="http://127.0.0.1:$PORT"
start_app kill "$PORT" kill; NODE=$APP_PID
wait_http "$BASE/" 180 >/dev/null && wait_demo "$BASE"
client submit "$BASE" "$CLIENTS" 60 "$WORK/kill.acks" >"$WORK/kill.out" 2>&1 &
CLIENT=$!
# registration and sign-in of the clients come first; kill once submissions are flowing
for _ in $(seq 1 300); do
  n="$(psql_db kill -Atc "select count(*) from oneseal.idempotent_submission")"
  [ "$n" -ge 50 ] && break; sleep 0.5
done
before="$(psql_db kill -Atc "select count(*) from oneseal.case_file")"
log "killing the platform with SIGKILL ($before cases so far) ..."
kill -9 "$NODE"; sleep 2
start_app kill "$PORT" kill
wait_http "$BASE/" 180 >/dev/null
log "restarted; clients retry with the same keys ..."
wait "$CLIENT" || true
cat "$WORK/kill.out" | grep -E '^(#|RESULT)'
client count "$BASE" "$WORK/kill.acks" | tee "$WORK/kill.count"
keys="$(psql_db kill -Atc "select count(*) from oneseal.idempotent_submission")"
cases="$(psql_db kill -Atc "select count(*) from oneseal.case_file where applicant_name like '压测用户%'")"
unbound="$(psql_db kill -Atc "select count(*) from oneseal.idempotent_submission where case_id is null")"
dupes="$(psql_db kill -Atc "select count(*) from (select case_id from oneseal.idempotent_submission where case_id is not null group by case_id having count(*) > 1) d")"
echo "# keys $keys, cases of the clients $cases, keys without a case $unbound, cases with two keys $dupes"
if [ "$(value_of lost_submissions "$WORK/kill.count")" = 0 ] && [ "$(value_of duplicated_submissions "$WORK/kill.count")" = 0 ] \
   && [ "$dupes" = 0 ] && [ "$unbound" = 0 ] && [ "$cases" = "$keys" ]; then
  pass "every acknowledged submission exists exactly once; no key made two cases; no case without its key"
else
  fail "submissions lost or duplicated after kill -9"
fi
stop_pid "$APP_PID"

# ---------------------------------------------------------------- 2. database restart under load
echo "== 2. PostgreSQL restarted while clients submit"
create_db restart
PORT="$(free_port)"; BASE="http://127.0.0.1:$PORT"
start_app restart "$PORT" restart
wait_http "$BASE/" 180 >/dev/null && wait_demo "$BASE"
client submit "$BASE" 20 45 "$WORK/restart.acks" >"$WORK/restart.out" 2>&1 &
CLIENT=$!
for _ in $(seq 1 300); do
  n="$(psql_db restart -Atc "select count(*) from oneseal.idempotent_submission")"
  [ "$n" -ge 30 ] && break; sleep 0.5
done
log "restarting PostgreSQL (fast shutdown, 5 s down) ..."
as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
down_ready="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/actuator/health/readiness")"
down_live="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/actuator/health/liveness")"
sleep 5
pg_ctl_start
recovered=""
for i in $(seq 1 60); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/actuator/health/readiness")" = 200 ]; then recovered="$i"; break; fi
  sleep 0.5
done
wait "$CLIENT" || true
grep -E '^(#|RESULT)' "$WORK/restart.out"
echo "# while down: readiness $down_ready, liveness $down_live; ready again after ${recovered:-never} checks of 0.5 s"
client count "$BASE" "$WORK/restart.acks" | tee "$WORK/restart.count"
if [ "$down_ready" = 503 ] && [ "$down_live" = 200 ] && [ -n "$recovered" ] \
   && [ "$(value_of lost_submissions "$WORK/restart.count")" = 0 ] && [ "$(value_of duplicated_submissions "$WORK/restart.count")" = 0 ] \
   && [ "$(value_of server_errors "$WORK/restart.out")" = 0 ]; then
  pass "not ready while the database was away, ready again by itself, no acknowledged write lost, no 500"
else
  fail "database restart: readiness $down_ready/$down_live, recovered ${recovered:-never}, 500s $(value_of server_errors "$WORK/restart.out")"
fi
stop_pid "$APP_PID"

# ---------------------------------------------------------------- 3. two nodes, one database
echo "== 3. two nodes on one database"
create_db twonodes
JOBS=(--oneseal.casework.overdue-cron="*/3 * * * * *" --oneseal.audit.head-export-cron="*/3 * * * * *"
      --oneseal.notification.resubmit-cron="*/3 * * * * *"
      --oneseal.casework.overdue-lock-at-least-for=PT2S --oneseal.audit.head-export-lock-at-least-for=PT2S
      --oneseal.notification.resubmit-lock-at-least-for=PT2S
      --oneseal.casework.overdue-lock-at-most-for=PT10S --oneseal.audit.head-export-lock-at-most-for=PT10S
      --oneseal.notification.resubmit-lock-at-most-for=PT10S)
PORT_A="$(free_port)"; PORT_B="$(free_port)"
start_app node-a "$PORT_A" twonodes --oneseal.node.id=node-a "${JOBS[@]}"; NODE_A=$APP_PID
wait_http "http://127.0.0.1:$PORT_A/" 180 >/dev/null && wait_demo "http://127.0.0.1:$PORT_A"
start_app node-b "$PORT_B" twonodes --oneseal.node.id=node-b "${JOBS[@]}"; NODE_B=$APP_PID
wait_http "http://127.0.0.1:$PORT_B/" 180 >/dev/null
sleep 20
client switch "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" window01 | tee "$WORK/switch.out" || true
runs="$(psql_db twonodes -Atc "select count(*) from oneseal.job_run")"
twice="$(psql_db twonodes -Atc "select count(*) from (select job_name, tick from oneseal.job_run group by 1, 2 having count(*) > 1) t")"
nodes="$(psql_db twonodes -Atc "select string_agg(distinct node_id, ',') from oneseal.job_run")"
echo "# job runs $runs on nodes $nodes; ticks run twice: $twice"
[ "$runs" -gt 0 ] && [ "$twice" = 0 ] && pass "each scheduled job ran once per tick across both nodes" || fail "a tick ran twice (or no job ran)"
[ "$(value_of session_switch "$WORK/switch.out")" = ok ] && pass "a session begun on node A works on node B; signing out there ends it" || fail "session switch"
log "killing node A with SIGKILL ..."
kill -9 "$NODE_A"
killed_at="$(psql_db twonodes -Atc "select now()")"
sleep 25
after_b="$(psql_db twonodes -Atc "select count(*) from oneseal.job_run where node_id = 'node-b' and started_at > '$killed_at' and outcome = 'SUCCEEDED'")"
jobs_b="$(psql_db twonodes -Atc "select count(distinct job_name) from oneseal.job_run where node_id = 'node-b' and started_at > '$killed_at' and outcome = 'SUCCEEDED'")"
left="$(psql_db twonodes -Atc "select count(*) from oneseal.job_run where node_id = 'node-a' and outcome = 'RUNNING' and started_at < now() - interval '15 seconds'")"
twice="$(psql_db twonodes -Atc "select count(*) from (select job_name, tick from oneseal.job_run group by 1, 2 having count(*) > 1) t")"
echo "# after node A was killed: node B ran $after_b jobs ($jobs_b kinds); runs of A left RUNNING: $left; ticks run twice: $twice"
[ "$jobs_b" = 3 ] && [ "$left" = 0 ] && [ "$twice" = 0 ] && pass "node B carries on every job after node A died; A's unfinished runs were taken over" \
  || fail "after the kill of node A"
stop_pid "$NODE_B"

echo
if [ "$failures" -gt 0 ]; then echo "$failures fault test(s) FAILED"; exit 1; fi
echo "all fault tests passed"
