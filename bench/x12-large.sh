#!/usr/bin/env bash
# A 10,000-claim 837P interchange posted to /v1/x12/837p (persist=false, then persist=true) on a fresh
# database: wall time and the heap the service used, from jstat sampled during the call.
# Usage: bench/x12-large.sh [claims]
source "$(dirname "$0")/common.sh"
CLAIMS="${1:-10000}"
FILE="$OUT/claims-${CLAIMS}.x12"

ensure_postgres
fresh_database
build_service
java "$ROOT/bench/X12Generate.java" "$CLAIMS" "$FILE"
start_service
TOKEN=$(token bench claims:validate)
# Heap in use (survivor, eden and old generation, MB) from jstat on the service's JVM.
heap() {
  jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'
}
sample_heap() {
  local max=0 now
  while kill -0 "$1" 2>/dev/null; do
    now=$(heap); [ "${now:-0}" -gt "$max" ] && max=$now
    sleep 0.2
  done
  echo "$max"
}
run() {
  local query="$1" start end pid peak
  start=$(date +%s.%N)
  curl -s -o "$OUT/x12-answer.json" -w "%{http_code}" -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: application/edi-x12" --data-binary @"$FILE" "$BASE/v1/x12/837p$query" > "$OUT/x12-status" &
  pid=$!
  peak=$(sample_heap $pid)
  wait $pid
  end=$(date +%s.%N)
  echo "POST /v1/x12/837p$query: HTTP $(cat "$OUT/x12-status"), $(grep -o '"claimId"' "$OUT/x12-answer.json" | wc -l) claims answered in $(echo "$end - $start" | bc) s; heap used peaked at ${peak} MB (before: ${2} MB)"
}
# Warm-up on a small interchange.
java "$ROOT/bench/X12Generate.java" 500 "$OUT/claims-500.x12" > /dev/null
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/edi-x12" \
  --data-binary @"$OUT/claims-500.x12" "$BASE/v1/x12/837p?persist=false"
{
  echo "$(ls -l "$FILE" | awk '{print $5}') bytes, ${CLAIMS} claims (bench/X12Generate.java)"
  run "?persist=false" "$(heap)"
  run "" "$(heap)"
  echo "audit rows written: $(psql_bench -At -c 'select count(*) from audit_claim')"
} | tee "$OUT/x12-large.txt"
