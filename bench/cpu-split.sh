#!/usr/bin/env bash
# Where the two cores go under load: CPU ticks (1/100 s) of the service, of PostgreSQL's processes and of the whole
# machine while wrk drives (b) persist=false and then (c) persist=true, after the same warm-up as
# validate-throughput.sh. Divided by the requests, a tick count is the CPU each claim costs on each side.
# Usage: bench/cpu-split.sh [seconds per run]
source "$(dirname "$0")/common.sh"
SECONDS_PER_RUN="${1:-20}"
need_wrk

start_bench
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }
recording_counts() {
  curl -s "$MANAGEMENT/q/metrics" | awk '/^radpair_audit_recording_claims_total/ {c = $2} /^radpair_audit_recording_transactions_total/ {t = $2}
    END {printf "%d %d\n", c, t}'
}
for persist in false true; do
  wrk -t2 -c32 -d40s -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate?persist=$persist" > /dev/null
done
{
  echo "wrk -t2 -c32 -d${SECONDS_PER_RUN}s (bench/claims.lua); ticks of 1/100 s; $(nproc) cores"
  for persist in false true; do
    read -r claims_before transactions_before <<< "$(recording_counts)"
    service_before=$(ticks_of "$SERVICE_PID"); postgres_before=$(ticks_of $(pgrep postgres)); machine_before=$(machine_ticks)
    result=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate?persist=$persist" | tail -1)
    service=$(( $(ticks_of "$SERVICE_PID") - service_before )); postgres=$(( $(ticks_of $(pgrep postgres)) - postgres_before ))
    machine=$(( $(machine_ticks) - machine_before ))
    read -r claims_after transactions_after <<< "$(recording_counts)"
    rate=$(sed 's/.*requests\/s=\([0-9]*\).*/\1/' <<< "$result")
    echo "persist=$persist: $result"
    awk -v s="$service" -v p="$postgres" -v m="$machine" -v r="$rate" -v d="$SECONDS_PER_RUN" 'BEGIN {
      printf "  service %d ticks (%.0f %% of the machine, %.0f us a claim); PostgreSQL %d ticks (%.0f %%, %.0f us a claim)\n",
        s, 100 * s / m, 1e4 * s / (r * d), p, 100 * p / m, 1e4 * p / (r * d) }'
    if [[ $persist == true ]]; then
      echo "  $((claims_after - claims_before)) claims recorded in $((transactions_after - transactions_before)) transactions"
    fi
  done
} | tee "$OUT/cpu-split.txt"
