#!/usr/bin/env bash
# The command-line checker on 10,000 claims: an 837P interchange and an NDJSON file, each report format, from the
# packaged jar with no database configured. Prints wall and CPU time per run and the checker's own phase timings.
# Usage: bench/checker.sh [claims] [runs]; CHECK_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" for the JVM
# options docs/checker.md recommends for a one-shot run.
source "$(dirname "$0")/common.sh"
CLAIMS="${1:-10000}"
RUNS="${2:-3}"
read -r -a JAVA_OPTS <<< "${CHECK_JAVA_OPTS:-}"
JAR="$ROOT/api/target/quarkus-app/quarkus-run.jar"
X12="$OUT/claims-${CLAIMS}.x12"
NDJSON="$OUT/claims-${CLAIMS}.ndjson"

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -pl api -am -DskipTests)
java "$ROOT/bench/X12Generate.java" "$CLAIMS" "$X12"
awk -v n="$CLAIMS" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "{\"claimId\":\"ND%d-%d\",\"patient\":{\"id\":\"MRN-%d\",\"sex\":\"F\",\"birthDate\":\"1961-04-02\"},\"payer\":{\"id\":\"MEDICARE-JL\",\"type\":\"MEDICARE\"},\"dateOfService\":\"2026-03-02\",\"diagnoses\":[\"R91.8\",\"R05.9\"],\"lines\":[{\"cpt\":\"71260\",\"modifiers\":[\"26\"],\"diagnosisPointers\":[1,2]}]}\n", i, int(rand() * 1e9), i % 3000 }' > "$NDJSON"
echo "JVM options: ${CHECK_JAVA_OPTS:-none}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for input in "$X12" "$NDJSON"; do
  for format in csv jsonl 277ca; do
    for run in $(seq 1 "$RUNS"); do
      # No database setting reaches the checker: it must not need one.
      status=0
      /usr/bin/time -f "wall %e s, cpu %U+%S s, max RSS %M KB" \
        env -u QUARKUS_DATASOURCE_REACTIVE_URL -u QUARKUS_DATASOURCE_JDBC_URL \
        java ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} -jar "$JAR" check --no-progress -f "$format" -o "$OUT/check-report.$format" "$input" 2> "$OUT/check-err.txt" || status=$?
      echo "$(basename "$input") $format run $run: exit $status; $(grep -E '^wall' "$OUT/check-err.txt"); $(grep -o '[0-9]* claims in.*' "$OUT/check-err.txt" | head -1)"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
