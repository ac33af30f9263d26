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
seed_audit_rows "$ROWS"
psql_bench -c "vacuum analyze audit_claim"
rewind_stats_watermark
wait_for_roll_up 120
echo "seeded in $(( $(date +%s) - seed_start )) s; $(psql_bench -At -c 'select count(*) from audit_claim') rows"

TOKEN=$(token bench-t1 audit:read)
{
  echo "audit rows: ${ROWS} (5 tenants, ~$((ROWS / 5)) each); ${REQUESTS} sequential requests per query"
  audit_query_set
  start=$(date +%s.%N)
  rows=$(curl -s -H "Authorization: Bearer $TOKEN" -H "Accept: text/csv" "$BASE/v1/audit/claims?cpt=72148" | wc -l)
  echo "CSV export of every cpt=72148 row of the tenant: $((rows - 1)) rows in $(echo "$(date +%s.%N) - $start" | bc) s"
} | tee "$OUT/audit-queries.txt"

explain_audit_queries "$OUT/audit-explain.txt"
