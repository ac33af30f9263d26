#!/usr/bin/env bash
# Issue 19: synthetic patient histories (findings, follow-ups listed first or coded with a definitive result,
# unrelated studies, screening) sent as JSON and X12 to the service on a fresh database, without any
# incidentalFindings or followUpOf; then the worklist is read and the recognised follow-ups counted.
# The same replay runs in four modes per round (below), each on a fresh database and a fresh service, to
# measure what the recognition costs side by side. Figures and how to read them: docs/audit.md.
# Usage: bench/follow-up-replay.sh [patients] [rounds] [clients]
source "$(dirname "$0")/common.sh"
PATIENTS="${1:-3000}"
ROUNDS="${2:-2}"
CLIENTS="${3:-16}"
REPORT="$OUT/follow-up-replay.txt"

ensure_postgres
[ -n "${SKIP_BUILD:-}" ] || build_service
: > "$REPORT"
# Four modes, the same histories each time, each on a fresh database and a fresh service:
#   none      recognition off, no hints, JSON and X12 mixed: no finding is tracked (the baseline for X12 today)
#   inferred  recognition on, no hints, JSON and X12 mixed: the feature
#   explicit  recognition off, hints (incidentalFindings, followUpOf), JSON only: the old, explicit way
#   inferred-json  recognition on, no hints, JSON only: the same claims as explicit, recognised instead
run_mode() {
  local mode="$1" inference="$2" channel="$3" hints="$4"
  fresh_database
  export RADPAIR_FINDINGS_INFERENCE=$inference
  start_service
  # A warm-up on other tenants, so that every mode is timed on a warm JIT.
  (cd "$ROOT" && java bench/FollowUpReplay.java "$BASE" 300 7 "$CLIENTS" "$channel" "$hints" > /dev/null)
  {
    echo "== round ${round}, ${mode} (recognition ${inference}, ${channel}, hints ${hints}): ${PATIENTS} patients, ${CLIENTS} clients"
    (cd "$ROOT" && java bench/FollowUpReplay.java "$BASE" "$PATIENTS" 19 "$CLIENTS" "$channel" "$hints" "$SERVICE_PID")
    echo "registry (warm-up included): $(psql_bench -At -F ' ' -c "select status, opened_how, coalesce(followed_up_how, '-'), count(*) from finding group by 1, 2, 3 order by 1, 2, 3" | tr '\n' ';')"
  } | tee -a "$REPORT"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  trap - EXIT
}
for round in $(seq 1 "$ROUNDS"); do
  run_mode none false mixed false
  run_mode inferred true mixed false
  run_mode explicit false json true
  run_mode inferred-json true json false
done
echo "written to $REPORT"
