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
seed_audit_rows "$ROWS"
psql_bench -c "vacuum analyze audit_claim"
rewind_stats_watermark
wait_for_roll_up 120
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
