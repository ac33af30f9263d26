#!/usr/bin/env bash
# Validate throughput with persist=false against persist=true, and a trivial endpoint of the same
# service as the floor, in one run on a fresh database, driven by wrk (Debian package wrk).
# and (d) one client calling serially (an adapter's inline call), persist=false, with (e) the same client on the floor.
# Usage: bench/validate-throughput.sh [seconds per run] [connections]
source "$(dirname "$0")/common.sh"
SECONDS_PER_RUN="${1:-20}"
CONNECTIONS="${2:-32}"
need_wrk

start_bench
run() {
  local name="$1" url="$2" script="${3:-$ROOT/bench/claims.lua}"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$script" "$url" | tail -1 | sed "s|^|${name}: |"
}
# Warm-up of each path, not reported: on 2 cores the JIT compilers compete with the load for a minute or
# more, and shorter warm-ups gave figures that varied by a factor of two from run to run.
wrk -t2 -c"$CONNECTIONS" -d40s -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate?persist=false" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d40s -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate" > /dev/null
# Autovacuum is off on this machine's PostgreSQL: the service analyzes its tables itself once a minute
# (PlannerStatistics), so the warm-up also gives the planner real statistics. See docs/operations.md.
{
  echo "wrk -t2 -c${CONNECTIONS} -d${SECONDS_PER_RUN}s, rotating mix of 8 claims (bench/claims.lua); $(nproc) cores, $(java -version 2>&1 | head -1)"
  run "(a) GET /q/health/live (mgmt)" "$MANAGEMENT/q/health/live" "$ROOT/bench/get.lua"
  run "(b) validate persist=false  " "$BASE/v1/claims/validate?persist=false"
  run "(c) validate persist=true   " "$BASE/v1/claims/validate"
  # An adapter's inline call: one client, one claim at a time, each waiting for the last answer.
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate?persist=false" \
    | tail -1 | sed "s|^|(d) one serial client, persist=false: |"
  # (d)'s floor: the same serial client on the trivial endpoint. On a 2-core virtual machine its p99 alone was 3-6 ms
  # (docs/PERFORMANCE.md, "Third pass"), so (d)'s p99 is read against it.
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/get.lua" "$MANAGEMENT/q/health/live" \
    | tail -1 | sed "s|^|(e) one serial client, GET /q/health/live: |"
  echo "audit rows written: $(psql_bench -At -c 'select count(*) from audit_claim')"
} | tee "$OUT/validate-throughput.txt"
awk -F'requests/s=' '/^\(a\)/ {split($2, x, " "); a = x[1]} /^\(b\)/ {split($2, x, " "); b = x[1]} /^\(c\)/ {split($2, x, " "); c = x[1]}
  END {printf "b/a=%.1f%% c/a=%.1f%% c/b=%.1f%%\n", 100 * b / a, 100 * c / a, 100 * c / b}' "$OUT/validate-throughput.txt" \
  | tee -a "$OUT/validate-throughput.txt"
