#!/usr/bin/env bash
# Issue 19: synthetic patient histories (findings, follow-ups listed first or coded with a definitive result,
# unrelated studies, screening) sent as JSON and X12 to the service on a fresh database, without any
# incidentalFindings or followUpOf; then the worklist is read and the recognised follow-ups counted.
# The same replay runs in four modes per round (below), each on a fresh database and a fresh service, to
# measure what the recognition costs side by side. Figures and how to read them: docs/audit.md.
# Each mode's header gives the load average before it ran (the machine may be shared); the summary at the end gives
# each mode's median and spread over the rounds, and the ratios of the recognition to its baseline round by round
# (the modes of a round run one after the other, so a ratio within a round is less exposed to the machine's drift).
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
    echo "== round ${round}, ${mode} (recognition ${inference}, ${channel}, hints ${hints}): ${PATIENTS} patients, ${CLIENTS} clients; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$ROOT" && java bench/FollowUpReplay.java "$BASE" "$PATIENTS" 19 "$CLIENTS" "$channel" "$hints" "$SERVICE_PID")
    echo "registry (warm-up included): $(psql_bench -At -F ' ' -c "select status, opened_how, coalesce(followed_up_how, '-'), count(*) from finding group by 1, 2, 3 order by 1, 2, 3" | tr '\n' ';')"
  } | tee -a "$REPORT"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  trap - EXIT
}
# Medians and spread over the rounds; the ratios of the recognition to its baseline, round by round.
summarise() {
  awk '
    /^== round / { round = $3; sub(/,$/, "", round); round += 0; mode = $4 }
    /^claims sent:/ {
      wall = $0; sub(/ ms per claim of wall time.*/, "", wall); sub(/.*, /, "", wall)
      cpu = $0; sub(/.*service CPU /, "", cpu); sub(/ ms per claim.*/, "", cpu)
      n[mode]++; walls[mode, n[mode]] = wall + 0; cpus[mode, n[mode]] = cpu + 0
      byRound[round, mode, "wall"] = wall + 0; byRound[round, mode, "cpu"] = cpu + 0
      if (round > rounds) rounds = round
      if (!(mode in seen)) { seen[mode] = 1; order[++modes] = mode }
    }
    function median(values, count,    sorted, i, k) {
      for (i = 1; i <= count; i++) sorted[i] = values[i]
      asort(sorted)
      k = int((count + 1) / 2)
      return count % 2 ? sorted[k] : (sorted[k] + sorted[k + 1]) / 2
    }
    function spread(values, count,    sorted, i) {
      for (i = 1; i <= count; i++) sorted[i] = values[i]
      asort(sorted)
      return sprintf("%.2f-%.2f", sorted[1], sorted[count])
    }
    function ratios(a, b, what,    r, values, count, text) {
      count = 0; text = ""
      for (r = 1; r <= rounds; r++) {
        if ((r, a, what) in byRound && (r, b, what) in byRound && byRound[r, b, what] > 0) {
          values[++count] = byRound[r, a, what] / byRound[r, b, what]
          text = text sprintf(" %+.1f%%", 100 * (values[count] - 1))
        }
      }
      if (count) printf "%s / %s, %s per claim, round by round:%s; median %+.1f%%\n", a, b, what, text, 100 * (median(values, count) - 1)
    }
    END {
      print "== summary over " rounds " round(s): median (min-max) per claim"
      for (m = 1; m <= modes; m++) {
        mode = order[m]
        for (i = 1; i <= n[mode]; i++) { w[i] = walls[mode, i]; c[i] = cpus[mode, i] }
        printf "%-14s wall %.2f ms (%s), service CPU %.2f ms (%s)\n", mode, median(w, n[mode]), spread(w, n[mode]),
          median(c, n[mode]), spread(c, n[mode])
        delete w; delete c
      }
      ratios("inferred", "none", "cpu"); ratios("inferred", "none", "wall")
      ratios("inferred-json", "explicit", "cpu"); ratios("inferred-json", "explicit", "wall")
    }' "$1"
}

for round in $(seq 1 "$ROUNDS"); do
  run_mode none false mixed false
  run_mode inferred true mixed false
  run_mode explicit false json true
  run_mode inferred-json true json false
done
summarise "$REPORT" | tee -a "$REPORT"
echo "written to $REPORT"
