#!/usr/bin/env bash
# Shared by the benchmark scripts: PostgreSQL on 127.0.0.1:5432 (started if down), a fresh database,
# the service built and started from its jar against it, development tokens. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RADPAIR_BENCH_PORT:-8089}"
DB="${RADPAIR_BENCH_DB:-radpair_bench}"
BASE="http://127.0.0.1:${PORT}"
# Health and metrics live on the management interface, its own port (docs/operations.md).
MANAGEMENT_PORT="${RADPAIR_BENCH_MANAGEMENT_PORT:-9089}"
MANAGEMENT="http://127.0.0.1:${MANAGEMENT_PORT}"
OUT="${RADPAIR_BENCH_OUT:-${ROOT}/bench/results}"
mkdir -p "$OUT"

need_wrk() {
  command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
}

ensure_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
}

psql_bench() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q "$@"; }

fresh_database() {
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists ${DB} with (force)"
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "create database ${DB}"
}

build_service() {
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
}

# Starts a service jar on its own database and ports and waits until it is ready; its pid in LAUNCHED_PID. A service
# that does not become ready is stopped, and the script ends.
launch_service() {
  local jar="$1" db="$2" port="$3" management="$4" home="$5" log="$6"
  (cd "$ROOT" && QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${db}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${db}" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" QUARKUS_LOG_CONSOLE_LEVEL=WARN RADPAIR_HOME="$home" RADPAIR_RATE_LIMIT_REQUESTS_PER_SECOND=0 \
    exec java ${RADPAIR_BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Dquarkus.profile=dev -jar "$jar" > "$log" 2>&1) &
  LAUNCHED_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:${management}/q/health/ready" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  kill "$LAUNCHED_PID" 2> /dev/null || true
  echo "the service on port ${port} did not become ready; see $log" >&2
  exit 1
}

start_service() {
  if curl -s -o /dev/null "$BASE/" || curl -s -o /dev/null "$MANAGEMENT/q/health/live"; then
    echo "port ${PORT} or ${MANAGEMENT_PORT} is already taken: stop what runs there first" >&2
    exit 1
  fi
  launch_service api/target/quarkus-app/quarkus-run.jar "$DB" "$PORT" "$MANAGEMENT_PORT" "$OUT/home" "$OUT/${SERVICE_LOG:-service.log}"
  SERVICE_PID=$LAUNCHED_PID
  trap stop_service EXIT
}

# CPU ticks (1/100 s, user and system) of the given processes, summed.
ticks_of() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || echo 0)))
  done
  echo "$total"
}

# What every load script starts with: a fresh database, the service built and started on it, a token to call it.
start_bench() {
  ensure_postgres
  fresh_database
  build_service
  start_service
  export RADPAIR_TOKEN=$(token bench claims:validate)
}

stop_service() {
  kill "${SERVICE_PID:-}" 2>/dev/null || true
  wait "${SERVICE_PID:-}" 2>/dev/null || true
}

token() { (cd "$ROOT" && java tools/DevToken.java --tenant "$1" "${@:2}"); }

# p50/p95/p99 in milliseconds of a command's timings (seconds, one per line on stdin).
percentiles() {
  sort -n | awk '{ v[NR] = $1 * 1000 } END {
    p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p95 = v[int(NR * 0.95)]; p99 = v[int(NR * 0.99)];
    printf "n=%d p50=%.1fms p95=%.1fms p99=%.1fms\n", NR, p50, p95, p99 }'
}

# Seeds audit rows across five tenants (bench-t0 … bench-t4, 50,000 patients), the newest received at
# 2026-11-01 and each `seconds apart` before the last. The patient keys are the service's (HMAC-SHA-256 of
# tenant, 0x00, patient id with its secret), computed once per patient rather than once per row.
seed_audit_rows() {
  local rows="$1" seconds_apart="${2:-1}"
  local secret
  secret=$(cat "$OUT/home/patient-key.secret")
  psql_bench <<SQL
create extension if not exists pgcrypto;
create temporary table seed_patient (patient integer primary key, tenant text, patient_key text);
insert into seed_patient
select p, 'bench-t' || (p % 5),
       encode(hmac(convert_to('bench-t' || (p % 5), 'UTF8') || '\\x00'::bytea || convert_to('patient-' || p, 'UTF8'),
                   convert_to('${secret}', 'UTF8'), 'sha256'), 'hex')
from generate_series(0, 49999) as p;
insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at, date_of_service,
                         payer_id, payer_type, cpts, diagnoses, verdict, ruleset_version, request, result, rules, categories)
select md5('a' || i)::uuid,
       s.tenant,
       'BENCH-' || i,
       1,
       s.patient_key,
       md5('r' || i),
       timestamptz '2026-11-01 00:00:00+00' - make_interval(secs => i * ${seconds_apart}::double precision),
       date '2026-01-01' + (i % 300),
       (array['MEDICARE-JL','MEDICAID-TX','AETNA','BCBS-IL'])[1 + i % 4],
       (array['MEDICARE','MEDICAID','COMMERCIAL','COMMERCIAL'])[1 + i % 4],
       string_to_array((array['70450','71260,74178','77067','72148','71046,71275','73721,73721'])[1 + i % 6], ','),
       string_to_array((array['R51.9','R91.8,R10.9','Z12.31','M54.50','R07.9,R06.02','M25.561,M25.562'])[1 + i % 6], ','),
       (array['PASS','WARN','FAIL'])[1 + i % 3],
       'seed',
       '{}'::jsonb,
       case i % 3
         when 0 then '{"claimId":"x","verdict":"PASS","edits":[],"lines":[],"followUp":{"openFindings":[],"closedFindings":[]},"rulesetVersion":"seed"}'::jsonb
         when 1 then '{"claimId":"x","verdict":"WARN","edits":[{"rule":"SYM-001","category":"SYMPTOM_INTEGRAL","severity":"WARNING","line":null,"codes":["R05.9"],"message":"seeded","suggestion":null,"reference":"seed"}],"lines":[],"followUp":{"openFindings":[],"closedFindings":[]},"rulesetVersion":"seed"}'::jsonb
         else '{"claimId":"x","verdict":"FAIL","edits":[{"rule":"MED-001","category":"MEDICAL_NECESSITY","severity":"ERROR","line":1,"codes":["R51.9"],"message":"seeded","suggestion":null,"reference":"seed"}],"lines":[],"followUp":{"openFindings":[],"closedFindings":[]},"rulesetVersion":"seed"}'::jsonb
       end,
       case i % 3 when 0 then '{}'::text[] when 1 then array['SYM-001'] else array['MED-001'] end,
       case i % 3 when 0 then '{}'::text[] when 1 then array['SYMPTOM_INTEGRAL'] else array['MEDICAL_NECESSITY'] end
from generate_series(1, ${rows}) as i join seed_patient s on s.patient = i % 50000;
SQL
}

# The seeded days lie behind the roll-up watermark: move it back, as after a backfill, for the service to roll
# them up (once: a service that has not rolled up the empty table yet would count them twice after this).
rewind_stats_watermark() {
  psql_bench -c "update audit_stats_rollup set rolled_before = date '1970-01-01'"
}

# Waits (up to `seconds`) for the service, started with RADPAIR_AUDIT_STATS_ROLLUP_INTERVAL=PT2S, to roll up
# the seeded days.
wait_for_roll_up() {
  local seconds="${1:-120}"
  for _ in $(seq 1 "$seconds"); do
    [ "$(psql_bench -At -c "select rolled_before > date '2026-11-01' from audit_stats_rollup")" = t ] && break
    sleep 1
  done
  psql_bench -c "vacuum analyze audit_daily_stats"
  echo "stats rolled up: $(psql_bench -At -c 'select count(*) from audit_daily_stats') daily rows"
}

# p50/p95/p99 of `REQUESTS` sequential calls of one audit query as tenant bench-t1 (TOKEN). TARGETS, when set
# ("label=url label=url"), names several services: one request to each in turn, so that a change of load on a
# shared machine falls on all of them alike, and one line per service.
measure() {
  local name="$1" path="$2" accept="${3:-application/json}" field="${4:-time_total}"
  local targets=(${TARGETS:-"-=$BASE"}) target status timings
  for target in "${targets[@]}"; do
    status=$(curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" -w "%{http_code}" "${target#*=}$path")
    [ "$status" = 200 ] || { echo "${name}: HTTP ${status} for ${target#*=}${path}" >&2; exit 1; }
  done
  timings=$(for _ in $(seq 1 "$REQUESTS"); do
    for target in "${targets[@]}"; do
      curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" -w "${target%%=*} %{${field}}\n" "${target#*=}$path"
    done
  done)
  for target in "${targets[@]}"; do
    awk -v label="${target%%=*}" '$1 == label { print $2 }' <<< "$timings" | percentiles \
      | sed "s|^|${name}$([ "${target%%=*}" = - ] || echo " [${target%%=*}]"): |"
  done
}

# The audit queries a billing manager runs: list, filters, CSV, stats, patient view.
audit_query_set() {
  measure "list, first page (50)"        "/v1/audit/claims"
  measure "list, page of 500"            "/v1/audit/claims?limit=500"
  measure "filter verdict=FAIL"          "/v1/audit/claims?verdict=FAIL"
  measure "filter cpt=72148"             "/v1/audit/claims?cpt=72148"
  measure "filter rule=MED-001 + dates"  "/v1/audit/claims?rule=MED-001&dosFrom=2026-03-01&dosTo=2026-03-31"
  measure "filter payer + category"      "/v1/audit/claims?payer=AETNA&category=SYMPTOM_INTEGRAL"
  measure "patient view (20 claims)"     "/v1/audit/patients/patient-6/claims"
  REQUESTS=10 measure "CSV export cpt=72148, first byte" "/v1/audit/claims?cpt=72148" "text/csv" "time_starttransfer"
  measure "stats, one month"             "/v1/audit/stats?from=2026-10-01&to=2026-10-31"
  measure "stats, whole history"         "/v1/audit/stats?from=2025-01-01&to=2026-12-31"
}

# The plans of the main audit queries, into a file.
explain_audit_queries() {
  local file="$1"
  echo "query plans:" > "$file"
  for sql in \
    "select * from audit_claim where tenant = 'bench-t1' order by received_at desc, audit_id desc limit 51" \
    "select * from audit_claim where tenant = 'bench-t1' and cpts @> array['72148'] order by received_at desc, audit_id desc limit 51" \
    "select * from audit_claim where tenant = 'bench-t1' and rules @> array['MED-001'] and date_of_service >= '2026-03-01' and date_of_service <= '2026-03-31' order by received_at desc, audit_id desc limit 51" \
    "select verdict, count(*) from audit_claim where tenant = 'bench-t1' and received_at >= '2026-10-01' and received_at < '2026-11-01' group by verdict"; do
    { echo; echo "$sql"; psql_bench -c "explain (analyze, buffers, costs off, timing on) $sql"; } >> "$file"
  done
  echo "plans in $file"
}
