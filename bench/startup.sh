#!/usr/bin/env bash
# Startup and memory of the JVM build: time from launching the jar to the first successful recorded
# validation (migrations, reference tables and the JIT's first pass included), and the resident set
# size after a warm-up load. Runs 3 cold starts on a fresh database each.
# Usage: bench/startup.sh [warm-up seconds]
source "$(dirname "$0")/common.sh"
WARMUP="${1:-30}"
ensure_postgres
build_service
RESULT="$OUT/startup.txt"
echo "JVM build, $(nproc) cores, $(java -version 2>&1 | head -1), ${RADPAIR_BENCH_JAVA_OPTS:--Xms512m -Xmx1g}" | tee "$RESULT"
TOKEN=$(token bench claims:validate)
for run in 1 2 3; do
  fresh_database
  started=$(date +%s%N)
  start_service
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data @"$ROOT/docs/examples/claim.json" "$BASE/v1/claims/validate")" = 200 ]; do
    sleep 0.02
  done
  first=$(( ($(date +%s%N) - started) / 1000000 ))
  rss_idle=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVICE_PID/status")
  if [ "$run" = 3 ]; then
    RADPAIR_TOKEN="$TOKEN" wrk -t2 -c32 -d"${WARMUP}s" -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate" > /dev/null
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVICE_PID/status")
    echo "run $run: first recorded validation after ${first} ms; RSS ${rss_idle} MB then, ${rss} MB after ${WARMUP} s of load (wrk -c32)" | tee -a "$RESULT"
  else
    echo "run $run: first recorded validation after ${first} ms; RSS ${rss_idle} MB" | tee -a "$RESULT"
  fi
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
done
