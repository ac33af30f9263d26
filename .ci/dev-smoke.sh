#!/usr/bin/env bash
# The README's first command, `./mvnw quarkus:dev`, must start: dev mode resolves dependencies and runs code
# paths (live reload, dev-only beans) that `./mvnw verify` never does. Starts it on a throw-away home and
# spare ports, waits for readiness and the console's sign-in page, then stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
home="$(mktemp -d)"
log="${home}/dev.log"
http_port="${DEV_SMOKE_HTTP_PORT:-18080}"
management_port="${DEV_SMOKE_MANAGEMENT_PORT:-19000}"
setsid env RADPAIR_HOME="${home}" QUARKUS_HTTP_PORT="${http_port}" QUARKUS_MANAGEMENT_PORT="${management_port}" \
  ./mvnw -B -ntp quarkus:dev -Dquarkus.console.enabled=false >"${log}" 2>&1 &
pid=$!
stop() { kill -- -"${pid}" 2>/dev/null || true; wait "${pid}" 2>/dev/null || true; rm -rf "${home}"; }
trap stop EXIT
deadline=$((SECONDS + ${DEV_SMOKE_TIMEOUT:-600}))
while (( SECONDS < deadline )); do
  if ! kill -0 "${pid}" 2>/dev/null; then break; fi
  if curl -fs "http://127.0.0.1:${management_port}/q/health/ready" >/dev/null \
     && curl -fs "http://127.0.0.1:${http_port}/console/sign-in" >/dev/null; then
    echo "quarkus:dev is up: ready on :${management_port}, console on :${http_port}"
    exit 0
  fi
  sleep 1
done
echo "quarkus:dev did not become ready; its log:" >&2
tail -n 80 "${log}" >&2
exit 1
