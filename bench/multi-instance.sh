#!/usr/bin/env bash
# Issue 15: three instances of the service (three API ports, three management ports) on one PostgreSQL database,
# the same patient-key secret, each its own RADPAIR_HOME. bench/MultiInstance.java sends the same patients' claims,
# exact and changed re-sends, findings and follow-ups to different instances at once, while the instances' scheduled
# jobs run every few seconds (roll-ups every 2 s, the ANALYZE job every 3 s), then checks versions, audit ids,
# findings, their events, the roll-ups and /v1/audit/stats with the API and SQL. Prints every count it checked and
# exits non-zero on any mismatch. Figures: docs/PERFORMANCE.md; what it shows: docs/deployment.md.
#
# Usage: bench/multi-instance.sh [stories] [clients]
#        bench/multi-instance.sh --ci        small and quick, on the jar already built (no Maven): CI
source "$(dirname "$0")/common.sh"
if [ "${1:-}" = "--ci" ]; then
  STORIES=40
  CLIENTS=6
  SKIP_BUILD=1
  # Three JVMs start at once on two cores: C1 only and the serial collector halve their start-up CPU.
  RADPAIR_BENCH_JAVA_OPTS="${RADPAIR_BENCH_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
else
  STORIES="${1:-500}"
  CLIENTS="${2:-12}"
fi
INSTANCES=3
ANALYZE_SECONDS=3
DB="radpair_multi_$$"
FIRST_PORT="${RADPAIR_BENCH_MULTI_PORT:-8191}"
FIRST_MANAGEMENT_PORT="${RADPAIR_BENCH_MULTI_MANAGEMENT_PORT:-9191}"
RUN="$OUT/multi-instance"
JAR="$ROOT/api/target/quarkus-app/quarkus-run.jar"
started_at=$(date +%s)

ensure_postgres
[ -n "${SKIP_BUILD:-}" ] || build_service
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw package -DskipTests)" >&2; exit 1; }
PG_JAR="$(ls "$ROOT"/api/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -n 1)"
rm -rf "$RUN" && mkdir -p "$RUN/classes"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists ${DB} with (force)" || true
}
trap cleanup EXIT
fresh_database

# The client compiles while the instances start.
javac -d "$RUN/classes" -cp "$PG_JAR" "$ROOT/bench/FollowUpReplay.java" "$ROOT/bench/MultiInstance.java" &
COMPILE=$!

# Started together on an empty database: Flyway's lock lets one of them migrate while the others wait.
SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
BASES=()
LOGS=()
for i in $(seq 1 "$INSTANCES"); do
  port=$((FIRST_PORT + i - 1))
  management=$((FIRST_MANAGEMENT_PORT + i - 1))
  if curl -s -o /dev/null "http://127.0.0.1:${port}/" || curl -s -o /dev/null "http://127.0.0.1:${management}/q/health/live"; then
    echo "port ${port} or ${management} is already taken: stop what runs there first" >&2
    exit 1
  fi
  BASES+=("http://127.0.0.1:${port}")
  LOGS+=("$RUN/instance-${i}.log")
  (cd "$ROOT" && QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/${DB}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=10 \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" RADPAIR_HOME="$RUN/home-${i}" \
    RADPAIR_PATIENT_KEY_SECRET="$SECRET" RADPAIR_RATE_LIMIT_REQUESTS_PER_SECOND=0 \
    RADPAIR_AUDIT_STATS_ROLLUP_INTERVAL=PT2S RADPAIR_DATABASE_ANALYZE_INTERVAL=PT${ANALYZE_SECONDS}S \
    exec java ${RADPAIR_BENCH_JAVA_OPTS:--Xms256m -Xmx512m} -Dquarkus.profile=dev \
      -Dquarkus.log.level=WARN '-Dquarkus.log.category."org.radpair".level=INFO' \
      -jar "$JAR" > "$RUN/instance-${i}.log" 2>&1) &
  PIDS+=($!)
done
for i in $(seq 1 "$INSTANCES"); do
  management=$((FIRST_MANAGEMENT_PORT + i - 1))
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:${management}/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || { echo "instance ${i} stopped; see $RUN/instance-${i}.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:${management}/q/health/ready" > /dev/null \
    || { echo "instance ${i} did not become ready; see $RUN/instance-${i}.log" >&2; exit 1; }
done
echo "${INSTANCES} instances ready on ${BASES[*]} in $(( $(date +%s) - started_at )) s (database ${DB})"
wait "$COMPILE"

status=0
(cd "$ROOT" && java -cp "$RUN/classes:$PG_JAR" MultiInstance "$(IFS=,; echo "${BASES[*]}")" "$STORIES" "$CLIENTS" \
  "jdbc:postgresql://127.0.0.1:5432/${DB}" "$(IFS=,; echo "${LOGS[*]}")" "$ANALYZE_SECONDS") | tee "$RUN/report.txt" \
  || status=$?
if grep -h -E " ERROR " "${LOGS[@]}" > "$RUN/errors.txt"; then
  echo "errors logged by the instances (first 5 of $(wc -l < "$RUN/errors.txt")):"
  head -n 5 "$RUN/errors.txt"
fi
echo "multi-instance run: $(( $(date +%s) - started_at )) s in all; logs in $RUN"
# The checks' count again, last, for whoever reads the closing line.
grep -E '^multi-instance: [0-9]+ passed, [0-9]+ failed$' "$RUN/report.txt" || echo "multi-instance: 0 passed, 1 failed"
exit "$status"
