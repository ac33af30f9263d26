#!/usr/bin/env bash
# The recording transaction replayed with pgbench, without the service: PostgreSQL CPU per claim for one
# claim per transaction against groups of 16 (docs/PERFORMANCE.md). A throw-away database radpair_pgbench
# with the service's migrations and ROWS seeded audit rows; 15 s per variant.
# Usage: bench/pgbench/run.sh [rows, default 500000]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${1:-500000}"
DB=radpair_pgbench
source "$ROOT/bench/common.sh"
ensure_postgres
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
for migration in "$ROOT"/persistence/src/main/resources/db/migration/V*.sql; do
  $PSQL -d "$DB" -f "$migration"
done
# Rows shaped like the service's: 5,000 patients, one date of service, small jsonb documents.
$PSQL -d "$DB" -c "create table pgbench_one_row (n integer)" -c "
  insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at, date_of_service,
    payer_id, payer_type, cpts, diagnoses, verdict, rules, categories, ruleset_version, request, result)
  select gen_random_uuid(), 'bench', 'S' || g, 1, 'K' || (g % 5000), md5(g::text), now(), date '2026-03-02',
    'MEDICARE-JL', 'MEDICARE', '{71260,71046}', '{R91.8,R05.9}', 'WARN', '{PDX-001}', '{PRIMARY_DIAGNOSIS}', 'seed',
    jsonb_build_object('claimId', 'S' || g), jsonb_build_object('verdict', 'WARN')
  from generate_series(1, $ROWS) g" -c "analyze"

# PostgreSQL's CPU per claim: the machine's busy time (user, nice, system, irq, softirq) during the run
# minus pgbench's own, divided by the claims recorded. Other processes on the machine count too: run it idle.
measure() {
  local name="$1" claims_per_tx="$2"; shift 2
  local hz before after out own
  hz=$(getconf CLK_TCK)
  before=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
  out=$( { /usr/bin/time -f "%U %S" pgbench -h 127.0.0.1 -U postgres -n -M prepared -T 15 "$@" "$DB" 2>&1; } 2>&1 )
  after=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
  own=$(echo "$out" | tail -1)
  echo "$out" | awk -v name="$name" -v k="$claims_per_tx" -v b="$before" -v a="$after" -v hz="$hz" -v own="$own" '
    /number of transactions actually processed/ { split($0, x, ": "); split(x[2], y, "/"); tx = y[1] }
    /^tps/ { tps = $3 }
    END { split(own, o, " "); pg = (a - b) / hz - o[1] - o[2];
          printf "%-52s %8.0f claims/s  %6.0f µs of PostgreSQL CPU per claim\n", name, tps * k, pg * 1e6 / (tx * k) }'
}
measure "one claim per transaction, a statement at a time" 1 -c 16 -j 2 -f "$HERE/one-claim-per-statement.sql"
measure "one claim per transaction, pipelined (before)" 1 -c 8 -j 2 -f "$HERE/one-claim-pipelined.sql"
measure "16 claims per transaction, a statement per claim" 16 -c 2 -j 2 -f "$HERE/group16-statement-per-claim.sql"
measure "16 claims per transaction, a statement per step" 16 -c 2 -j 2 -f "$HERE/group16-statement-per-step.sql"
measure "select 1" 1 -c 16 -j 2 -f "$HERE/select-one.sql"
measure "BEGIN, a one-row insert, COMMIT" 1 -c 16 -j 2 -f "$HERE/one-row-commit.sql"
$PSQL -d postgres -c "drop database $DB with (force)"
