#!/usr/bin/env bash
# Soak: recorded validations at a fixed rate (default 1,000/s, about half of the measured maximum) for
# 10 minutes; the old generation after a full GC is sampled every 2 minutes, and wrk reports latency.
# Usage: bench/soak.sh [minutes] [requests/s]
source "$(dirname "$0")/common.sh"
MINUTES="${1:-10}"
export RADPAIR_RATE="${2:-1000}"
export RADPAIR_CONNECTIONS=16
export RADPAIR_BENCH_DIR="$ROOT/bench"
need_wrk

start_bench
# Old generation in use after a full GC, MB (jstat OU).
old_after_gc() {
  jcmd "$SERVICE_PID" GC.run > /dev/null
  jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f\n", $8 / 1024 }'
}
wrk -t2 -c32 -d40s -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate" > /dev/null
{
  echo "soak: ${MINUTES} min of recorded validations at ${RADPAIR_RATE}/s (wrk -t2 -c16, bench/paced.lua); $(java -version 2>&1 | head -1), ${RADPAIR_BENCH_JAVA_OPTS:--Xms512m -Xmx1g}"
  echo "old generation after full GC, MB: minute 0: $(old_after_gc)"
  wrk -t2 -c16 -d"${MINUTES}m" --latency -s "$ROOT/bench/paced.lua" "$BASE/v1/claims/validate" > "$OUT/soak-wrk.txt" &
  WRK=$!
  for minute in $(seq 2 2 "$MINUTES"); do
    sleep 120
    echo "old generation after full GC, MB: minute ${minute}: $(old_after_gc); RSS $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVICE_PID/status") MB"
  done
  wait $WRK
  echo "wrk: $(tail -1 "$OUT/soak-wrk.txt")"
  echo "audit rows written: $(psql_bench -At -c 'select count(*) from audit_claim')"
  # Where a recorded claim waited, over the whole run (warm-up included): for a transaction to start, and in it.
  curl -s "$MANAGEMENT/q/metrics" | awk '/^radpair_audit_recording_claims_total/ {c = $2} /^radpair_audit_recording_transactions_total/ {t = $2}
    /^radpair_audit_recording_wait_seconds_total/ {w = $2} /^radpair_audit_recording_transaction_seconds_total/ {x = $2}
    END {printf "recording: %.2f claims a transaction, mean wait for one %.2f ms, mean transaction %.2f ms\n", c / t, 1000 * w / c, 1000 * x / t}'
} | tee "$OUT/soak.txt"
