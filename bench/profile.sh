#!/usr/bin/env bash
# Where a validation's CPU goes: JFR (settings=profile) on the service while wrk drives one path after a warm-up, then
# bench/JfrSummary.java prints the inclusive share of CPU samples per part of the request path.
# Usage: bench/profile.sh [false|true: persist] [seconds recorded]
source "$(dirname "$0")/common.sh"
PERSIST="${1:-false}"
SECONDS_RECORDED="${2:-30}"
need_wrk

start_bench
URL="$BASE/v1/claims/validate?persist=${PERSIST}"
wrk -t2 -c32 -d40s -s "$ROOT/bench/claims.lua" "$URL" > /dev/null
RECORDING="$OUT/profile-persist-${PERSIST}.jfr"
jcmd "$SERVICE_PID" JFR.start name=bench settings=profile > /dev/null
wrk -t2 -c32 -d"${SECONDS_RECORDED}s" -s "$ROOT/bench/claims.lua" "$URL" | tail -1 | sed "s|^|persist=${PERSIST} while recorded: |"
jcmd "$SERVICE_PID" JFR.dump name=bench filename="$RECORDING" > /dev/null
jcmd "$SERVICE_PID" JFR.stop name=bench > /dev/null
java "$ROOT/bench/JfrSummary.java" "$RECORDING" | tee "$OUT/profile-persist-${PERSIST}.txt"
