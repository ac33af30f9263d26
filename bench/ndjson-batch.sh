#!/usr/bin/env bash
# A 10,000-line NDJSON batch posted to /v1/claims/validate-batch (persist=false, then persist=true) on a
# fresh database: time to the first answer line, total time, and the heap the service used meanwhile.
# Usage: bench/ndjson-batch.sh [lines]
source "$(dirname "$0")/common.sh"
LINES="${1:-10000}"
FILE="$OUT/claims-${LINES}.ndjson"

ensure_postgres
fresh_database
build_service
awk -v n="$LINES" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "{\"claimId\":\"ND%d-%d\",\"patient\":{\"id\":\"MRN-%d\",\"sex\":\"F\",\"birthDate\":\"1961-04-02\"},\"payer\":{\"id\":\"MEDICARE-JL\",\"type\":\"MEDICARE\"},\"dateOfService\":\"2026-03-02\",\"diagnoses\":[\"R91.8\",\"R05.9\"],\"lines\":[{\"cpt\":\"71260\",\"modifiers\":[\"26\"],\"diagnosisPointers\":[1,2]}]}\n", i, int(rand() * 1e9), i % 3000 }' > "$FILE"
start_service
TOKEN=$(token bench claims:validate)
heap() { jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'; }
run() {
  local query="$1" before peak=0 now start first="" end
  before=$(heap)
  start=$(date +%s.%N)
  # --no-buffer: lines are timed as they arrive; -T sends the file as a chunked upload.
  curl -s --no-buffer -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" -T "$FILE" -X POST \
    "$BASE/v1/claims/validate-batch$query" > "$OUT/ndjson-answers.txt" &
  local pid=$!
  while kill -0 $pid 2>/dev/null; do
    [ -z "$first" ] && [ -s "$OUT/ndjson-answers.txt" ] && first=$(echo "$(date +%s.%N) - $start" | bc)
    now=$(heap); [ "${now:-0}" -gt "$peak" ] && peak=$now
    sleep 0.05
  done
  end=$(date +%s.%N)
  echo "POST /v1/claims/validate-batch$query: $(wc -l < "$OUT/ndjson-answers.txt") answers ($(grep -c '"problem"' "$OUT/ndjson-answers.txt") problems); first after ${first:-?} s, all after $(echo "$end - $start" | bc) s; heap used peaked at ${peak} MB (before: ${before} MB)"
}
head -n 500 "$FILE" | curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" \
  --data-binary @- "$BASE/v1/claims/validate-batch?persist=false"
{
  echo "$(wc -c < "$FILE") bytes, ${LINES} lines"
  run "?persist=false"
  run ""
  echo "audit rows written: $(psql_bench -At -c 'select count(*) from audit_claim')"
} | tee "$OUT/ndjson-batch.txt"
