#!/usr/bin/env bash
# mailcheck postfix log against Debian's pflogsumm on the same synthetic log (bench/postfix-loggen.py).
# Prints a Markdown table: wall-clock median, peak RSS, throughput, and the ratio; then the same
# for mailcheck in a 64 MB heap (bounded memory), and the load average next to the numbers.
#
#   bench/postfix-log.sh [SIZE_MB] [RUNS]     default 256 MB, 3 runs each
#
# Needs pflogsumm (apt-get install pflogsumm; src/test/interop/run.sh installs it) and python3.
# Reads and writes only files under ${TMPDIR:-/tmp}.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
size=${1:-256}
runs=${2:-3}
log=${TMPDIR:-/tmp}/mailcheck-bench-postfix-$size.log
cd "$root"
command -v pflogsumm >/dev/null || { echo "pflogsumm is not installed (apt-get install pflogsumm)" >&2; exit 2; }
[ -s "$log" ] || python3 bench/postfix-loggen.py "$size" > "$log"
./mailcheck --version >/dev/null # builds the jar if needed
bytes=$(stat -c %s "$log")
median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR + 1) / 2)] : "-")}'; }
measure() { # label, command...: prints "label|wall_ms|rss_kb"
  local label=$1 i t walls=() rss=()
  shift
  cat "$log" >/dev/null # page cache
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$log.time" -f '%e %M' "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$log.time")
    walls+=("$(awk '{printf "%d", $1 * 1000}' <<<"$t")")
    rss+=("$(awk '{print $2}' <<<"$t")")
  done
  echo "$label|$(printf '%s\n' "${walls[@]}" | median)|$(printf '%s\n' "${rss[@]}" | median)"
}
echo "log: $log ($((bytes / 1048576)) MB, $(wc -l < "$log") lines); $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"
echo
echo "| tool | wall (median of $runs) | peak RSS | MB/s | vs pflogsumm |"
echo "|---|---|---|---|---|"
pf=$(measure "pflogsumm 1.1.5" pflogsumm "$log")
mc=$(measure "mailcheck postfix log" ./mailcheck postfix log "$log")
small=$(measure "mailcheck postfix log, -Xmx64m" env MAILCHECK_JAVA_OPTS=-Xmx64m ./mailcheck postfix log "$log")
pfw=$(cut -d'|' -f2 <<<"$pf")
for row in "$pf" "$mc" "$small"; do
  IFS='|' read -r label wall rss <<<"$row"
  printf '| %s | %d ms | %d MB | %.0f | %.1fx |\n' "$label" "$wall" "$((rss / 1024))" \
    "$(awk -v b="$bytes" -v w="$wall" 'BEGIN {print b / 1048576 / (w / 1000)}')" \
    "$(awk -v p="$pfw" -v w="$wall" 'BEGIN {print p / w}')"
done
echo
echo "load after: $(uptime | sed 's/.*load average: //')"
