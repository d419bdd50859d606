#!/usr/bin/env bash
# Cold-run benchmark: each run is a fresh JVM started by ./mailcheck as users run it (default
# start-up cache mode; the cache is trained before the timed runs). Prints a Markdown table with
# wall-clock min and median, median CPU time (user + sys) and, for the SMTP rows, the median of the
# first tls-handshake phase the report shows.
#
#   bench/cold-runs.sh [RUNS]     default 5 runs per row
#
# Needs the interop environment (src/test/interop/run.sh start): Postfix on 127.25.0.10, Knot on
# 127.25.0.53. Talks only to 127.25.0.0/24.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
cd "$root"
./mailcheck --version >/dev/null # builds if needed, starts the cache training
# wait for the training of this jar's cache (a lock folder beside it)
for ((i = 0; i < 240; i++)); do
  compgen -G "${XDG_CACHE_HOME:-$HOME/.cache}/mailcheck/*.lock" >/dev/null || break
  sleep 0.5
done

TIMEFORMAT='%3R %3U %3S'
median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR + 1) / 2)] : "-")}'; }
row() {
  local label=$1 i out t walls=() cpus=() hs=()
  shift
  "$@" >/dev/null 2>&1 || true # warm-up: page cache, not the JVM
  for ((i = 0; i < runs; i++)); do
    out=$(mktemp)
    t=$({ time "$@" >"$out" 2>/dev/null; } 2>&1) || true
    walls+=("$(awk '{printf "%d", $1 * 1000}' <<<"$t")")
    cpus+=("$(awk '{printf "%d", ($2 + $3) * 1000}' <<<"$t")")
    h=$(grep -o 'tls-handshake [0-9]*ms' "$out" | head -1 | grep -o '[0-9]*' || true)
    [ -n "$h" ] && hs+=("$h")
    rm -f "$out"
  done
  printf '| %s | %s | %s | %s | %s |\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(if [ ${#hs[@]} -gt 0 ]; then printf '%s\n' "${hs[@]}" | median; else echo -; fi)"
}

echo "runs per row: $runs; load average: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo '| command | wall min ms | wall median ms | CPU median ms | 1st tls-handshake median ms |'
echo '|---|---|---|---|---|'
row '`--version`' ./mailcheck --version
row '`smtp 127.25.0.10:25 --starttls`' ./mailcheck smtp 127.25.0.10:25 --starttls
row '`domain good.test --resolver 127.25.0.53 --allow-private`' ./mailcheck domain good.test --resolver 127.25.0.53 --allow-private
