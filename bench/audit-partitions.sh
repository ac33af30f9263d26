#!/usr/bin/env bash
# The audit history partitioned by month (today's schema, V21) against the same history in one table: a database
# for each layout, the same rows spread over 36 months seeded into both at once, then a service on each (ports
# RADPAIR_BENCH_PORT and the next one), the audit queries of bench/audit-queries.sh sent to both in turn (p50/p95),
# then recording throughput (wrk, persist=true, after a warm-up) on top of those rows, the layouts in turn.
# The single table is made from the partitioned one's definition after migration: the same columns, defaults,
# checks, primary key, indexes and triggers (append-only, and the one that writes audit_claim_key), no partitions.
# Usage: bench/audit-partitions.sh [rows] [requests per query] [seconds per recording run]
# Databases: ${RADPAIR_BENCH_DB:-radpair_part}_partitioned and _single, dropped at the end.
# One group, read whole before it runs: the file may be edited while a long run goes on.
{
source "$(dirname "$0")/common.sh"
ROWS="${1:-200000}"
REQUESTS="${2:-200}"
RECORDING_SECONDS="${3:-30}"
CONNECTIONS=32
MONTHS=36
# 36 months of 365.25/12 days; the newest row is received at 2026-11-01, the oldest about 36 months before.
SECONDS_APART=$(awk -v rows="$ROWS" -v months="$MONTHS" 'BEGIN { printf "%.6f", months * 365.25 / 12 * 86400 / rows }')
DB_PREFIX="${RADPAIR_BENCH_DB:-radpair_part}"
need_wrk
ensure_postgres
build_service
# Roll up audit stats every 2 s (instead of 10 min), so that the seeded days are rolled up before timing.
export RADPAIR_AUDIT_STATS_ROLLUP_INTERVAL=PT2S

FIRST_PORT="$PORT"
FIRST_MANAGEMENT_PORT="$MANAGEMENT_PORT"
declare -A SERVICE_PIDS

# The database, ports and log of one layout: partitioned on the given ports, single on the next ones.
use_layout() {
  local offset=0
  [ "$1" = single ] && offset=1
  DB="${DB_PREFIX}_$1"
  PORT=$((FIRST_PORT + offset))
  MANAGEMENT_PORT=$((FIRST_MANAGEMENT_PORT + offset))
  BASE="http://127.0.0.1:${PORT}"
  MANAGEMENT="http://127.0.0.1:${MANAGEMENT_PORT}"
  SERVICE_LOG="service-$1.log"
}

drop_database() { psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists ${DB} with (force)"; }

clean_up() {
  for layout in partitioned single; do
    use_layout "$layout"
    SERVICE_PID="${SERVICE_PIDS[$layout]:-}" stop_service
    drop_database
  done
}

load() { echo "load at $1: $(uptime | awk -F'load average: ' '{ print $2 }') (1, 5, 15 min)"; }

# The definitions to restore after the bulk load: primary keys, unique constraints and indexes of audit_claim and
# audit_claim_key, the foreign keys that point at audit_claim_key, audit_claim's own (not cloned) triggers.
save_definitions() {
  psql_bench <<'SQL'
create table bench_definition (step serial, kind text not null, ddl text not null);
insert into bench_definition (kind, ddl)
select 'index', format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
from pg_constraint where conrelid in ('audit_claim'::regclass, 'audit_claim_key'::regclass) and contype in ('p', 'u');
insert into bench_definition (kind, ddl)
select 'index', replace(pg_get_indexdef(indexrelid), ' ON ONLY ', ' ON ')  -- a partitioned index is shown ON ONLY
from pg_index where indrelid in ('audit_claim'::regclass, 'audit_claim_key'::regclass)
  and indexrelid not in (select conindid from pg_constraint where conindid <> 0);
insert into bench_definition (kind, ddl)
select 'foreign key', format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
from pg_constraint where confrelid = 'audit_claim_key'::regclass and contype = 'f';
insert into bench_definition (kind, ddl)
select 'trigger', pg_get_triggerdef(oid) from pg_trigger
where tgrelid = 'audit_claim'::regclass and not tgisinternal and tgparentid = 0;
SQL
}

# Both layouts load the same way: indexes and keys dropped, rows inserted without triggers (the keys the trigger
# would write are inserted in one statement after), then indexes, keys and triggers rebuilt, vacuum analyze.
prepare_layout() {
  local layout="$1"
  save_definitions
  if [ "$layout" = single ]; then
    psql_bench <<'SQL'
begin;
create table audit_claim_single (like audit_claim including defaults including constraints);
drop table audit_claim;
alter table audit_claim_single rename to audit_claim;
commit;
SQL
  else
    psql_bench <<SQL
select count(*) filter (where create_monthly_partition('audit_claim', 'received_at', month::date)) as months_created
from generate_series(date_trunc('month', timestamptz '2026-11-01 00:00:00+00' at time zone 'UTC'
                                         - make_interval(secs => ${ROWS} * ${SECONDS_APART}::double precision)),
                     timestamp '2026-10-01', interval '1 month') as month;
SQL
  fi
  psql_bench <<'SQL'
do
$$
declare
    definition record;
begin
    for definition in select conrelid::regclass as tab, conname from pg_constraint
                      where (confrelid = 'audit_claim_key'::regclass and contype = 'f')
                         or (conrelid in ('audit_claim'::regclass, 'audit_claim_key'::regclass) and contype in ('p', 'u'))
                      order by contype
    loop
        execute format('alter table %s drop constraint %I', definition.tab, definition.conname);
    end loop;
    for definition in select indexrelid::regclass as idx from pg_index
                      where indrelid in ('audit_claim'::regclass, 'audit_claim_key'::regclass)
    loop
        execute format('drop index %s', definition.idx);
    end loop;
end;
$$;
SQL
}

restore_definitions() {
  local layout="$1"
  psql_bench <<SQL
set maintenance_work_mem = '512MB';
insert into audit_claim_key (audit_id, tenant, claim_id, version, request_hash, received_at)
select audit_id, tenant, claim_id, version, request_hash, received_at from audit_claim;
do
\$\$
declare
    definition record;
begin
    for definition in select ddl from bench_definition where kind <> 'trigger' or '${layout}' = 'single' order by step
    loop
        execute definition.ddl;
    end loop;
end;
\$\$;
drop table bench_definition;
vacuum analyze audit_claim;
vacuum analyze audit_claim_key;
SQL
}

sizes() {
  psql_bench -At -F ' ' <<'SQL'
select 'audit_claim: table ' || pg_size_pretty(sum(pg_table_size(relid))) || ', indexes ' || pg_size_pretty(sum(pg_indexes_size(relid)))
       || ', ' || count(*) filter (where isleaf) || ' table(s)'
from (select relid, isleaf from pg_partition_tree('audit_claim') union select 'audit_claim'::regclass, true) as tree
where relid::regclass::text <> 'audit_claim' or (select relkind from pg_class where oid = 'audit_claim'::regclass) = 'r';
select 'audit_claim_key: table ' || pg_size_pretty(pg_table_size('audit_claim_key')) || ', indexes '
       || pg_size_pretty(pg_indexes_size('audit_claim_key'));
SQL
}

seed_layout() {
  local layout="$1"
  use_layout "$layout"
  echo "layout: ${layout}, database ${DB}"
  load "seeding start [${layout}]"
  local start=$SECONDS
  prepare_layout "$layout"
  PGOPTIONS="-c session_replication_role=replica" seed_audit_rows "$ROWS" "$SECONDS_APART"
  restore_definitions "$layout"
  echo "seeding: $((SECONDS - start)) s for $(psql_bench -At -c 'select count(*) from audit_claim') rows, received $(psql_bench -At -c "select min(received_at)::date || ' to ' || max(received_at)::date from audit_claim")"
  load "seeding end [${layout}]"
  sizes
  rewind_stats_watermark > /dev/null
}

recording() {
  local layout="$1" seconds="$2" label="$3"
  use_layout "$layout"
  load "recording ${label} [${layout}] start"
  wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate" \
    | tail -1 | sed "s|^|recording ${label} [${layout}]: |"
  load "recording ${label} [${layout}] end"
}

echo "audit rows: ${ROWS} over ${MONTHS} months (5 tenants); ${REQUESTS} sequential requests per query and layout; $(nproc) cores; PostgreSQL $(psql -h 127.0.0.1 -U postgres -At -c 'show server_version')"
trap clean_up EXIT
for layout in partitioned single; do
  use_layout "$layout"
  fresh_database
  start_service   # Flyway creates the schema (and the patient key secret, once)
  stop_service
done
trap clean_up EXIT
echo "seeding both layouts at once ..."
seed_layout partitioned > "$OUT/audit-partitions-seed-partitioned.txt" 2>&1 &
seeding_partitioned=$!
seed_layout single > "$OUT/audit-partitions-seed-single.txt" 2>&1 &
seeding_single=$!
wait "$seeding_partitioned" && wait "$seeding_single" || { cat "$OUT"/audit-partitions-seed-*.txt >&2; exit 1; }
cat "$OUT/audit-partitions-seed-partitioned.txt" "$OUT/audit-partitions-seed-single.txt"

start=$SECONDS
for layout in partitioned single; do
  use_layout "$layout"
  start_service
  SERVICE_PIDS[$layout]=$SERVICE_PID
done
trap clean_up EXIT
TOKEN=$(token bench-t1 audit:read)
export RADPAIR_TOKEN=$(token bench claims:validate)
{
  for layout in partitioned single; do
    use_layout "$layout"
    wait_for_roll_up 3600 > /dev/null
    echo "stats roll-up of the seeded days [${layout}]: done $((SECONDS - start)) s after both services started"
  done
  load "queries start"
  TARGETS="partitioned=http://127.0.0.1:${FIRST_PORT} single=http://127.0.0.1:$((FIRST_PORT + 1))" audit_query_set
  load "queries end"
  for layout in partitioned single; do
    use_layout "$layout"
    explain_audit_queries "$OUT/audit-partitions-explain-$layout.txt" > /dev/null
  done
  # Warm-up of each service, not reported; then two runs of each layout in turn.
  for layout in partitioned single; do
    use_layout "$layout"
    wrk -t2 -c"$CONNECTIONS" -d40s -s "$ROOT/bench/claims.lua" "$BASE/v1/claims/validate" > /dev/null
  done
  for round in 1 2; do
    recording partitioned "$RECORDING_SECONDS" "run ${round}"
    recording single "$RECORDING_SECONDS" "run ${round}"
  done
  for layout in partitioned single; do
    use_layout "$layout"
    echo "audit rows after recording [${layout}]: $(psql_bench -At -c 'select count(*) from audit_claim'), keys: $(psql_bench -At -c 'select count(*) from audit_claim_key')"
  done
} 2>&1 | tee "$OUT/audit-partitions-measured.txt"

# One table: every query's p50/p95 in both layouts, recording, sizes and seeding side by side.
{
  echo "audit rows: ${ROWS} over ${MONTHS} months, 5 tenants; ${REQUESTS} sequential requests per query and layout (CSV: 10), one to each layout in turn"
  awk -F': ' '
    FILENAME ~ /seed-single/ { layout = "single" } FILENAME ~ /seed-partitioned/ { layout = "partitioned" }
    FILENAME ~ /measured/ { layout = "" }
    $2 ~ /^n=/ && match($1, / \[(partitioned|single)\]$/) {
      name = substr($1, 1, RSTART - 1); l = substr($1, RSTART + 2, RLENGTH - 3)
      if (!(name in seen)) { seen[name] = 1; order[++n] = name }
      split($2, f, " "); p50[name, l] = substr(f[2], 5); p95[name, l] = substr(f[3], 5) }
    $1 ~ /^recording run/ && match($1, /\[(partitioned|single)\]$/) {
      l = substr($1, RSTART + 1, RLENGTH - 2); split($2, f, " "); rps[l] = rps[l] (rps[l] == "" ? "" : ", ") substr(f[1], 12) }
    layout != "" && $1 ~ /^(seeding|audit_claim|audit_claim_key)$/ { other[$1, layout] = $2; if (!(($1) in oseen)) { oseen[$1] = 1; oorder[++m] = $1 } }
    END {
      printf "| %-34s | %-21s | %-21s |\n", "query: p50 / p95", "partitioned", "single table"
      printf "|%s|%s|%s|\n", "------------------------------------", "-----------------------", "-----------------------"
      for (i = 1; i <= n; i++) printf "| %-34s | %9s / %-9s | %9s / %-9s |\n", order[i], p50[order[i], "partitioned"], p95[order[i], "partitioned"], p50[order[i], "single"], p95[order[i], "single"]
      printf "| %-34s | %-21s | %-21s |\n", "recording, requests/s (2 runs)", rps["partitioned"], rps["single"]
      for (i = 1; i <= m; i++) printf "%s\n  partitioned:  %s\n  single table: %s\n", oorder[i], other[oorder[i], "partitioned"], other[oorder[i], "single"]
    }' "$OUT/audit-partitions-seed-partitioned.txt" "$OUT/audit-partitions-seed-single.txt" "$OUT/audit-partitions-measured.txt"
  echo "load average (1, 5, 15 min) at each step:"
  grep -h "^load at" "$OUT/audit-partitions-seed-partitioned.txt" "$OUT/audit-partitions-seed-single.txt" "$OUT/audit-partitions-measured.txt" | sed 's/^/  /'
} | tee "$OUT/audit-partitions.txt"
exit
}
