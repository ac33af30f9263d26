#!/usr/bin/env bash
# The console's dashboard over one million audit rows (five tenants): seeds them as bench/audit-queries.sh
# does, starts the service (dev profile: the development sign-in), signs in as tenant bench-t1 and
# measures the dashboard's server time (curl's time to first byte) for a month and for a year.
# Usage: bench/console-dashboard.sh [rows] [requests per period]
source "$(dirname "$0")/common.sh"
ROWS="${1:-1000000}"
REQUESTS="${2:-200}"

ensure_postgres
fresh_database
build_service
export RADPAIR_AUDIT_STATS_ROLLUP_INTERVAL=PT2S
start_service

echo "seeding ${ROWS} audit rows ..."
seed_start=$(date +%s)
SECRET=$(cat "$OUT/home/patient-key.secret")
psql_bench <<SQL
create extension if not exists pgcrypto;
insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at, date_of_service,
                         payer_id, payer_type, cpts, diagnoses, verdict, ruleset_version, request, result, rules, categories)
select md5('a' || i)::uuid,
       'bench-t' || (i % 5),
       'BENCH-' || i,
       1,
       -- the service's patient key: HMAC-SHA-256(secret, tenant || 0x00 || id)
       encode(hmac(convert_to('bench-t' || (i % 5), 'UTF8') || '\\x00'::bytea || convert_to('patient-' || (i % 50000), 'UTF8'),
                   convert_to('${SECRET}', 'UTF8'), 'sha256'), 'hex'),
       md5('r' || i),
       timestamptz '2026-11-01 00:00:00+00' - (i || ' seconds')::interval,
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
from generate_series(1, ${ROWS}) as i;
-- The seeded days lie behind the roll-up watermark (the first roll-up ran on the empty table): move it
-- back, as after a backfill, and let the service roll them up.
update audit_stats_rollup set rolled_before = date '1970-01-01';
vacuum analyze audit_claim;
SQL
for _ in $(seq 1 120); do
  [ "$(psql_bench -At -c "select rolled_before > date '2026-11-01' from audit_stats_rollup")" = t ] && break
  sleep 1
done
psql_bench -c "vacuum analyze audit_daily_stats"
echo "stats rolled up: $(psql_bench -At -c 'select count(*) from audit_daily_stats') daily rows"
echo "seeded in $(( $(date +%s) - seed_start )) s; $(psql_bench -At -c 'select count(*) from audit_claim') rows"


JAR="$OUT/console-cookies.txt"
rm -f "$JAR"
curl -s -o /dev/null -c "$JAR" "$BASE/console/sign-in"
CSRF=$(awk '$6 == "radpair-console-csrf" { print $7 }' "$JAR")
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "tenant=bench-t1" \
  --data-urlencode "role=manager" "$BASE/console/sign-in/dev"
measure() {
  local name="$1" path="$2" status
  status=$(curl -s -o /dev/null -b "$JAR" -w "%{http_code}" "$BASE$path")
  [ "$status" = 200 ] || { echo "${name}: HTTP ${status} for ${path}" >&2; exit 1; }
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -b "$JAR" -w "%{time_starttransfer}\n" "$BASE$path"
  done | percentiles | sed "s|^|${name}: |"
}
{
  echo "audit rows: ${ROWS} (5 tenants, ~$((ROWS / 5)) each); ${REQUESTS} sequential requests per period"
  measure "dashboard, one month" "/console/dashboard?from=2026-10-01&to=2026-10-31"
  measure "dashboard, one year"  "/console/dashboard?from=2025-11-01&to=2026-10-31"
  echo "dashboard page size: $(curl -s -b "$JAR" "$BASE/console/dashboard?from=2026-10-01&to=2026-10-31" | wc -c) bytes;" \
    "scripts: htmx $(curl -s "$BASE/webjars/htmx.org/2.0.4/dist/htmx.min.js" | wc -c), Chart.js" \
    "$(curl -s "$BASE/webjars/chart.js/4.4.7/dist/chart.umd.js" | wc -c), console.js + css" \
    "$(( $(curl -s "$BASE/console-assets/console.js" | wc -c) + $(curl -s "$BASE/console-assets/console.css" | wc -c) )) bytes"
} | tee "$OUT/console-dashboard.txt"
