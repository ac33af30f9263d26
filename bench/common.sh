#!/usr/bin/env bash
# Shared by the benchmark scripts: PostgreSQL on 127.0.0.1:5432 (started if down), a fresh database,
# the service built and started from its jar against it, development tokens. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RADPAIR_BENCH_PORT:-8089}"
DB="${RADPAIR_BENCH_DB:-radpair_bench}"
BASE="http://127.0.0.1:${PORT}"
# Health and metrics live on the management interface, its own port (docs/operations.md).
MANAGEMENT_PORT="${RADPAIR_BENCH_MANAGEMENT_PORT:-9089}"
MANAGEMENT="http://127.0.0.1:${MANAGEMENT_PORT}"
OUT="${RADPAIR_BENCH_OUT:-${ROOT}/bench/results}"
mkdir -p "$OUT"

need_wrk() {
  command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
}

ensure_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
}

psql_bench() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q "$@"; }

fresh_database() {
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists ${DB} with (force)"
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "create database ${DB}"
}

build_service() {
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
}

start_service() {
  local log="$OUT/service.log"
  if curl -s -o /dev/null "$BASE/" || curl -s -o /dev/null "$MANAGEMENT/q/health/live"; then
    echo "port ${PORT} or ${MANAGEMENT_PORT} is already taken: stop what runs there first" >&2
    exit 1
  fi
  (cd "$ROOT" && QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${DB}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" QUARKUS_LOG_CONSOLE_LEVEL=WARN RADPAIR_HOME="$OUT/home" RADPAIR_RATE_LIMIT_REQUESTS_PER_SECOND=0 \
    exec java ${RADPAIR_BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Dquarkus.profile=dev \
      -jar api/target/quarkus-app/quarkus-run.jar > "$log" 2>&1) &
  SERVICE_PID=$!
  trap 'kill $SERVICE_PID 2>/dev/null || true; wait $SERVICE_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "$MANAGEMENT/q/health/ready" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the service did not become ready; see $log" >&2
  exit 1
}

token() { (cd "$ROOT" && java tools/DevToken.java --tenant "$1" "${@:2}"); }

# p50/p95/p99 in milliseconds of a command's timings (seconds, one per line on stdin).
percentiles() {
  sort -n | awk '{ v[NR] = $1 * 1000 } END {
    p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p95 = v[int(NR * 0.95)]; p99 = v[int(NR * 0.99)];
    printf "n=%d p50=%.1fms p95=%.1fms p99=%.1fms\n", NR, p50, p95, p99 }'
}
