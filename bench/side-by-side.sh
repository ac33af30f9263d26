#!/usr/bin/env bash
# Two builds of the service compared on the same machine at the same time: each runs on its own port and database,
# and wrk drives them in turns (A B, then B A, ...), so that a machine whose speed drifts by ±20 % from run to run
# (docs/PERFORMANCE.md) slows both alike. Per run: requests/s, latency, and the service's own CPU per claim (its
# ticks divided by the requests), which varies less than the rate. Then one serial client on each, twice.
# Usage: bench/side-by-side.sh <revision A> <revision B> [rounds] [false|true: persist]
#   A revision is anything git names (a commit, a branch, HEAD~1) or "." for the working tree as it is.
source "$(dirname "$0")/common.sh"
REV_A="${1:?usage: bench/side-by-side.sh <revision A> <revision B> [rounds] [persist]}"
REV_B="${2:?usage: bench/side-by-side.sh <revision A> <revision B> [rounds] [persist]}"
ROUNDS="${3:-4}"
PERSIST="${4:-false}"
SECONDS_PER_RUN=20
need_wrk
ensure_postgres
export RADPAIR_BENCH_DIR="$ROOT/bench"
WORK="$OUT/side-by-side"
mkdir -p "$WORK"

# The service of a revision, built once: the working tree in place, any other revision in a git worktree of its own.
app_of() {
  local rev="$1" side="$2"
  if [[ $rev == "." ]]; then
    build_service >&2
    rm -rf "$WORK/$side-app" && cp -r "$ROOT/api/target/quarkus-app" "$WORK/$side-app"
  else
    local tree="$WORK/$side-tree"
    git -C "$ROOT" worktree remove --force "$tree" 2> /dev/null || rm -rf "$tree"
    git -C "$ROOT" worktree add --detach "$tree" "$rev" > /dev/null
    (cd "$tree" && ./mvnw -q -B package -DskipTests) >&2
    rm -rf "$WORK/$side-app" && cp -r "$tree/api/target/quarkus-app" "$WORK/$side-app"
    git -C "$ROOT" worktree remove --force "$tree"
  fi
}

PIDS=()
stop_both() { kill "${PIDS[@]}" 2> /dev/null || true; }
trap stop_both EXIT

start_side() {
  local side="$1" db="radpair_side_$1"
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists ${db} with (force)" -c "create database ${db}"
  launch_service "$WORK/$side-app/quarkus-run.jar" "$db" "$2" "$3" "$WORK/home-$side" "$WORK/$side.log"
  PIDS+=("$LAUNCHED_PID")
}

app_of "$REV_A" a
app_of "$REV_B" b
start_side a 8090 9090
start_side b 8091 9091
export RADPAIR_TOKEN=$(token bench claims:validate)
describe() {
  if [[ $1 == "." ]]; then
    echo "the working tree on $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD || echo ', changed')"
  else
    echo "$1 ($(git -C "$ROOT" rev-parse --short "$1"))"
  fi
}
port_of() { [[ $1 == a ]] && echo 8090 || echo 8091; }
pid_of() { [[ $1 == a ]] && echo "${PIDS[0]}" || echo "${PIDS[1]}"; }
url_of() { echo "http://127.0.0.1:$(port_of "$1")/v1/claims/validate?persist=$2"; }

for side in a b; do
  wrk -t2 -c32 -d60s -s "$ROOT/bench/claims.lua" "$(url_of "$side" "$PERSIST")" > /dev/null
done
{
  echo "side by side: A = $(describe "$REV_A"), B = $(describe "$REV_B"); persist=${PERSIST}; wrk -t2 -c32 -d${SECONDS_PER_RUN}s; $(nproc) cores"
  for round in $(seq 1 "$ROUNDS"); do
    order="a b"; (( round % 2 == 0 )) && order="b a"
    for side in $order; do
      before=$(ticks_of "$(pid_of "$side")")
      result=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/claims.lua" "$(url_of "$side" "$PERSIST")" | tail -1)
      ticks=$(( $(ticks_of "$(pid_of "$side")") - before ))
      rate=$(sed 's/.*requests\/s=\([0-9]*\).*/\1/' <<< "$result")
      awk -v t="$ticks" -v r="$rate" -v d="$SECONDS_PER_RUN" -v s="${side^^}" -v res="$result" \
        'BEGIN {printf "%s: service %.0f us a claim; %s\n", s, 1e4 * t / (r * d), res}'
    done
  done
  for round in 1 2; do
    for side in a b; do
      echo "${side^^} one serial client, persist=false: $(wrk -t1 -c1 -d15s --latency -s "$ROOT/bench/claims.lua" "$(url_of "$side" false)" | tail -1)"
    done
  done
} | tee "$OUT/side-by-side.txt"
awk '/^[AB]: service/ {s = substr($1, 1, 1); split($0, x, "requests/s="); split(x[2], y, " "); us[s] = us[s] " " $3; rate[s] = rate[s] " " y[1]}
  END {for (s in us) printf "%s: us a claim%s; requests/s%s\n", s, us[s], rate[s]}' "$OUT/side-by-side.txt" | sort | tee -a "$OUT/side-by-side.txt"
