#!/usr/bin/env bash
# Validate throughput with persist=false against persist=true, and a trivial endpoint of the same
# service as the floor, in one run on a fresh database, driven by wrk (Debian package wrk).
# Usage: bench/validate-throughput.sh [seconds per run] [connections]
source "$(dirname "$0")/common.sh"
SECONDS_PER_RUN="${1:-20}"
CONNECTIONS="${2:-32}"
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

ensure_postgres
fresh_database
build_service
start_service
export RADPAIR_TOKEN=$(token bench claims:validate)
run() {
  local name="$1" url="$2"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/claims.lua" "$url" | tail -1 | sed "s|^|${name}: |"
}
# Warm-up (JIT, pools), not reported.
wrk -t2 -c"$CONNECTIONS" -d10s -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate?persist=false" > /dev/null
{
  echo "wrk -t2 -c${CONNECTIONS} -d${SECONDS_PER_RUN}s, rotating mix of 8 claims (bench/claims.lua)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$BASE/q/health/live" | awk '/Requests\/sec/ {print "(a) GET /q/health/live: requests/s=" $2}'
  run "(b) validate persist=false" "$BASE/v1/claims/validate?persist=false"
  run "(c) validate persist=true " "$BASE/v1/claims/validate"
  echo "audit rows written: $(psql_bench -At -c 'select count(*) from audit_claim')"
} | tee "$OUT/validate-throughput.txt"
