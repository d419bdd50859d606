#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time of ./mailcheck, min and median over N runs, for each
# start-up cache mode of the launcher (MAILCHECK_CDS=off|jsa|aot) and a bare `java -jar` baseline.
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

now_ns() { date +%s%N; }

# measure LABEL CMD...: runs CMD $runs times (after one unmeasured warm-up that also fills the
# cache), prints a table row with min and median in ms.
measure() {
  local label=$1 i s e
  shift
  "$@" >/dev/null 2>&1 || true
  local times=()
  for ((i = 0; i < runs; i++)); do
    s=$(now_ns)
    "$@" >/dev/null 2>&1 || true
    e=$(now_ns)
    times+=($(((e - s) / 1000000)))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local min median
  min=$(head -n 1 <<<"$sorted")
  median=$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")
  printf '| %s | %s | %s |\n' "$label" "$min" "$median"
}

# first LABEL CMD...: one run right after the cache was emptied (pays for writing the cache).
first() {
  local label=$1 s e
  shift
  rm -rf "${XDG_CACHE_HOME:?}"/*
  s=$(now_ns)
  "$@" >/dev/null 2>&1 || true
  e=$(now_ns)
  printf '| %s | %s | (one run) |\n' "$label" "$(((e - s) / 1000000))"
  sleep 3 # let a background cache training finish before the next rows
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

echo "JDK $JDK_MAJOR ($JDK_HOME), $(nproc) cores, $runs runs per row, $(date -u +%Y-%m-%d)"
echo
echo '| command and start-up mode | min ms | median ms |'
echo '|---|---|---|'
measure "java -jar mailcheck.jar --version (no flags)" "$java" -jar target/mailcheck.jar --version
measure "./mailcheck --version, MAILCHECK_CDS=off (flags only)" env MAILCHECK_CDS=off ./mailcheck --version
measure "./mailcheck --version, MAILCHECK_CDS=jsa (dynamic CDS archive)" env MAILCHECK_CDS=jsa ./mailcheck --version
if [ "$JDK_MAJOR" -ge 25 ]; then
  measure "./mailcheck --version, MAILCHECK_CDS=aot (AOT cache, default on JDK 25+)" env MAILCHECK_CDS=aot ./mailcheck --version
  first "./mailcheck --version, aot, first run (cache trained in background)" env MAILCHECK_CDS=aot ./mailcheck --version
fi
first "./mailcheck --version, jsa, first run (archive written at exit)" env MAILCHECK_CDS=jsa ./mailcheck --version
if [ ${#mx_args[@]} -gt 0 ]; then
  measure "./mailcheck ${mx_args[*]}, MAILCHECK_CDS=off" env MAILCHECK_CDS=off ./mailcheck "${mx_args[@]}"
  measure "./mailcheck ${mx_args[*]}, MAILCHECK_CDS=jsa" env MAILCHECK_CDS=jsa ./mailcheck "${mx_args[@]}"
  [ "$JDK_MAJOR" -ge 25 ] && measure "./mailcheck ${mx_args[*]}, default (aot)" ./mailcheck "${mx_args[@]}"
else
  echo "| ./mailcheck mx bench.test --resolver 127.0.0.1:PORT | $mx_note | |"
fi
