#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time of ./mailcheck (min and median over N runs) and its
# median CPU time (user + sys, which load from other processes disturbs far less), for each
# start-up cache mode of the launcher (MAILCHECK_CDS=off|jsa|aot) and a bare `java -jar` baseline.
# Each row's warm-up run starts the cache training if needed; the timed runs wait for it.
# Talks only to 127.0.0.1 (bench/dns-stub.py answers for bench.test).
#
#   bench/startup.sh [RUNS]        default 15 runs per row; prints a Markdown table on stdout
#
# Needs: a built jar (./mailcheck builds it), python3 for the DNS stub (else the mx row is skipped).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-15}
cd "$root"
# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
find_jdk || { no_jdk_message; exit 2; }
./mailcheck --version >/dev/null # builds if needed
java="$JDK_HOME/bin/java"
export XDG_CACHE_HOME
XDG_CACHE_HOME=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
stub_pid=""
cleanup() {
  [ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null
  rm -rf "$XDG_CACHE_HOME"
}
trap cleanup EXIT

# Waits (at most 2 minutes) until no background cache training is running.
wait_for_training() {
  local i
  for ((i = 0; i < 240; i++)); do
    compgen -G "$XDG_CACHE_HOME/mailcheck/*.lock" >/dev/null || return 0
    sleep 0.5
  done
}

TIMEFORMAT='%3R %3U %3S'
# timed CMD...: prints "WALL_MS CPU_MS" of one run of CMD (output discarded).
timed() {
  local t
  t=$({ time "$@" >/dev/null 2>&1; } 2>&1) || true
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

# measure LABEL CMD...: runs CMD $runs times (after one unmeasured warm-up that also fills the
# cache), prints a table row with wall min, wall median and CPU median in ms.
measure() {
  local label=$1 i wall cpu walls=() cpus=()
  shift
  "$@" >/dev/null 2>&1 || true
  sleep 0.5
  wait_for_training # the AOT cache exists before the timed runs
  for ((i = 0; i < runs; i++)); do
    read -r wall cpu < <(timed "$@")
    walls+=("$wall")
    cpus+=("$cpu")
  done
  local mid=$(((runs + 1) / 2)) sorted
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  printf '| %s | %s | %s | %s |\n' "$label" "$(head -n 1 <<<"$sorted")" "$(sed -n "${mid}p" <<<"$sorted")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")"
}

# first LABEL CMD...: one run right after the cache was emptied (pays for writing the cache).
first() {
  local label=$1 wall cpu
  shift
  rm -rf "${XDG_CACHE_HOME:?}"/*
  read -r wall cpu < <(timed "$@")
  printf '| %s | %s | (one run) | %s |\n' "$label" "$wall" "$cpu"
  sleep 0.5
  wait_for_training
}

mx_args=()
if ./mailcheck mx --help 2>/dev/null | grep -q 'not yet available'; then
  mx_note="pending: \`mailcheck mx\` is not built yet"
elif ! command -v python3 >/dev/null 2>&1; then
  mx_note="skipped: python3 (for the DNS stub) not found"
else
  python3 bench/dns-stub.py "$port" >/dev/null &
  stub_pid=$!
  sleep 0.5
  mx_args=(mx bench.test --resolver "127.0.0.1:$port" --timeout 2s)
  mx_note=""
fi

echo "JDK $JDK_MAJOR ($JDK_HOME), $(nproc) cores, $runs runs per row, $(date -u '+%Y-%m-%d %H:%M') UTC, load average before: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo
echo '| command and start-up mode | wall min ms | wall median ms | CPU median ms |'
echo '|---|---|---|---|'
measure "java -jar mailcheck.jar --version (no flags)" "$java" -jar target/mailcheck.jar --version
measure "./mailcheck --version, MAILCHECK_CDS=off (flags only)" env MAILCHECK_CDS=off ./mailcheck --version
measure "./mailcheck --version, MAILCHECK_CDS=jsa (trained CDS archive, the default)" env MAILCHECK_CDS=jsa ./mailcheck --version
if [ "$JDK_MAJOR" -ge 25 ]; then
  measure "./mailcheck --version, MAILCHECK_CDS=aot (JDK 25 AOT cache)" env MAILCHECK_CDS=aot ./mailcheck --version
fi
first "./mailcheck --version, first run (no cache yet; starts the training in the background)" ./mailcheck --version
if [ ${#mx_args[@]} -gt 0 ]; then
  measure "./mailcheck mx bench.test (loopback DNS), MAILCHECK_CDS=off" env MAILCHECK_CDS=off ./mailcheck "${mx_args[@]}"
  measure "./mailcheck mx bench.test (loopback DNS), MAILCHECK_CDS=jsa (default)" env MAILCHECK_CDS=jsa ./mailcheck "${mx_args[@]}"
  if [ "$JDK_MAJOR" -ge 25 ]; then
    measure "./mailcheck mx bench.test (loopback DNS), MAILCHECK_CDS=aot" env MAILCHECK_CDS=aot ./mailcheck "${mx_args[@]}"
  fi
else
  echo "| ./mailcheck mx bench.test --resolver 127.0.0.1:PORT | $mx_note | | |"
fi
echo
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo n/a)"
