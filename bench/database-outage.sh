#!/usr/bin/env bash
# Fault run: PostgreSQL is stopped in the middle of a load of recorded validations and started again.
# Checks that recording answers 503 problem+json with Retry-After (never a 500, never a hang), that
# persist=false keeps answering and readiness goes DOWN meanwhile, that the service recovers by itself,
# and that every claim acknowledged with a 200 and an auditId is in the audit table afterwards.
# Usage: bench/database-outage.sh [seconds before the stop] [seconds down] [seconds after]
# Stops and starts the machine's PostgreSQL cluster: do not run it while anything else uses that server.
source "$(dirname "$0")/common.sh"
BEFORE="${1:-10}"
DOWN="${2:-10}"
AFTER="${3:-15}"
need_wrk
CLUSTER="$(ls /etc/postgresql | head -n 1)"

start_bench
export RADPAIR_ACKED_DIR="$OUT/outage"
rm -rf "$RADPAIR_ACKED_DIR" && mkdir -p "$RADPAIR_ACKED_DIR"
TOTAL=$((BEFORE + DOWN + AFTER))
FAILED=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAILED: $1"; FAILED=1; fi; }
what_if() {
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $RADPAIR_TOKEN" -H 'Content-Type: application/json' \
    --data @"$ROOT/docs/examples/claim.json" "$BASE/v1/claims/validate?persist=false"
}

{
  echo "database outage: ${BEFORE}s of load, PostgreSQL stopped for ${DOWN}s, ${AFTER}s after; wrk -t2 -c16 (bench/outage.lua)"
  wrk -t2 -c16 -d"${TOTAL}s" --timeout 10s -s "$ROOT/bench/outage.lua" "$BASE/v1/claims/validate" > "$OUT/outage-wrk.txt" 2> "$OUT/outage-unexpected.txt" &
  WRK=$!
  sleep "$BEFORE"
  STOPPED_AT=$(date +%s.%N)
  pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main stop -m fast
  sleep 2
  echo "while PostgreSQL is down:"
  check "readiness is DOWN (503)" '[ "$(curl -s -o /dev/null -w "%{http_code}" "$MANAGEMENT/q/health/ready")" = 503 ]'
  check "persist=false still answers 200" '[ "$(what_if)" = 200 ]'
  RECORD=$(curl -s -D - -o "$OUT/outage-503.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $RADPAIR_TOKEN" \
    -H 'Content-Type: application/json' --data @"$ROOT/docs/examples/claim.json" "$BASE/v1/claims/validate")
  check "persist=true answers 503 problem+json with Retry-After, in under 5 s" \
    'echo "$RECORD" | grep -qi "^retry-after:" && echo "$RECORD" | grep -qi "application/problem+json" && echo "$RECORD" | tail -1 | awk "{exit !(\$1 == 503 && \$2 < 5)}"'
  sleep $((DOWN - 2))
  pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start
  STARTED_AT=$(date +%s.%N)
  for _ in $(seq 1 60); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT/q/health/ready")" = 200 ] && break
    sleep 0.5
  done
  echo "after PostgreSQL is back:"
  echo "  readiness UP again $(echo "$(date +%s.%N) - $STARTED_AT" | bc | xargs printf '%.1f') s after the start (outage lasted $(echo "$STARTED_AT - $STOPPED_AT" | bc | xargs printf '%.1f') s)"
  wait $WRK
  echo "  wrk: $(tail -1 "$OUT/outage-wrk.txt")"
  check "no status other than 200 and 503" '[ ! -s "$OUT/outage-unexpected.txt" ]'
  check "every 503 carried Retry-After and every 200 an auditId" '! grep -q "without" "$OUT/outage-wrk.txt"'
  cat "$RADPAIR_ACKED_DIR"/acked-*.txt | sort -u > "$OUT/outage-acked.txt"
  ACKED=$(wc -l < "$OUT/outage-acked.txt")
  psql_bench -c "create table outage_acked (audit_id uuid primary key)"
  psql_bench -c "\\copy outage_acked from '$OUT/outage-acked.txt'"
  FOUND=$(psql_bench -At -c "select count(*) from outage_acked a join audit_claim c using (audit_id)")
  STORED=$(psql_bench -At -c "select count(*) from audit_claim")
  echo "  acknowledged with a 200 and an auditId: $ACKED; found in audit_claim: $FOUND; rows in audit_claim: $STORED"
  check "no acknowledged claim lost" '[ "$ACKED" -gt 0 ] && [ "$ACKED" = "$FOUND" ]'
  check "recording works again" '[ "$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $RADPAIR_TOKEN" -H "Content-Type: application/json" --data @"$ROOT/docs/examples/claim.json" "$BASE/v1/claims/validate")" = 200 ]'
  [ "$FAILED" = 0 ] && echo "PASSED" || echo "FAILED"
} | tee "$OUT/database-outage.txt"
grep -q '^PASSED' "$OUT/database-outage.txt"
