#!/usr/bin/env bash
# Seeds one million audit rows across five tenants into a fresh database, starts the service on it and
# measures the latency of the audit queries (list, filters, CSV, stats, patient view) with curl.
# Usage: bench/audit-queries.sh [rows] [requests per query]
source "$(dirname "$0")/common.sh"
ROWS="${1:-1000000}"
REQUESTS="${2:-200}"

ensure_postgres
fresh_database
build_service
# Roll up audit stats every 2 s (instead of 10 min), so that the seeded days are rolled up before timing.
export RADPAIR_AUDIT_STATS_ROLLUP_INTERVAL=PT2S
start_service   # Flyway creates the schema

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

TOKEN=$(token bench-t1 audit:read)
measure() {
  local name="$1" path="$2" accept="${3:-application/json}" field="${4:-time_total}"
  local status
  status=$(curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" -w "%{http_code}" "$BASE$path")
  [ "$status" = 200 ] || { echo "${name}: HTTP ${status} for ${path}" >&2; exit 1; }
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" -w "%{${field}}\n" "$BASE$path"
  done | percentiles | sed "s|^|${name}: |"
}
{
  echo "audit rows: ${ROWS} (5 tenants, ~$((ROWS / 5)) each); ${REQUESTS} sequential requests per query"
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
  start=$(date +%s.%N)
  rows=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Accept: text/csv" "$BASE/v1/audit/claims?cpt=72148" | wc -l)
  echo "CSV export of every cpt=72148 row of the tenant: $((rows - 1)) rows in $(echo "$(date +%s.%N) - $start" | bc) s"
} | tee "$OUT/audit-queries.txt"

echo "query plans:" > "$OUT/audit-explain.txt"
for sql in \
  "select * from audit_claim where tenant = 'bench-t1' order by received_at desc, audit_id desc limit 51" \
  "select * from audit_claim where tenant = 'bench-t1' and cpts @> array['72148'] order by received_at desc, audit_id desc limit 51" \
  "select * from audit_claim where tenant = 'bench-t1' and rules @> array['MED-001'] and date_of_service >= '2026-03-01' and date_of_service <= '2026-03-31' order by received_at desc, audit_id desc limit 51" \
  "select verdict, count(*) from audit_claim where tenant = 'bench-t1' and received_at >= '2026-10-01' and received_at < '2026-11-01' group by verdict"; do
  { echo; echo "$sql"; psql_bench -c "explain (analyze, buffers, costs off, timing on) $sql"; } >> "$OUT/audit-explain.txt"
done
echo "plans in $OUT/audit-explain.txt"
