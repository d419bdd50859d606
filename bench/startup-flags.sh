#!/usr/bin/env bash
# Which JVM start-up flags pay off: `java FLAGS -jar target/mailcheck.jar --version`, one flag set
# per row, rounds interleaved (every set once per round) so that load from other processes hits
# all rows alike. Prints a Markdown table: min and median wall-clock ms over RUNS rounds, and the
# median CPU ms (user + sys), which other load on the machine disturbs far less than wall time.
#
#   bench/startup-flags.sh [RUNS]      default 15
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-15}
cd "$root"
# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
find_jdk || { no_jdk_message; exit 2; }
./mailcheck --version >/dev/null # builds if needed
java="$JDK_HOME/bin/java"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cds_flags=""
if [ "$JDK_MAJOR" -ge 25 ]; then
  "$java" "-XX:AOTCacheOutput=$tmp/a.aot" -Xlog:disable -cp target/mailcheck.jar dev.mailcheck.training.StartupTraining >/dev/null 2>&1
  cds_flags="-XX:AOTCache=$tmp/a.aot"
fi
"$java" -XX:ArchiveClassesAtExit="$tmp/v.jsa" -Xlog:disable -jar target/mailcheck.jar --version >/dev/null 2>&1
"$java" -XX:ArchiveClassesAtExit="$tmp/a.jsa" -Xlog:disable -cp target/mailcheck.jar dev.mailcheck.training.StartupTraining >/dev/null 2>&1
jsa_flags="-XX:SharedArchiveFile=$tmp/a.jsa"
version_jsa_flags="-XX:SharedArchiveFile=$tmp/v.jsa"
fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"

sets=(
  "(none)|"
  "-Xshare:off (no CDS at all)|-Xshare:off"
  "-XX:TieredStopAtLevel=1|-XX:TieredStopAtLevel=1"
  "-XX:+UseSerialGC|-XX:+UseSerialGC"
  "-XX:-UsePerfData|-XX:-UsePerfData"
  "-Xmx128m -Xms16m|-Xmx128m -Xms16m"
  "-XX:CICompilerCount=1 (with C1 only)|-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
  "C1 + SerialGC + no perf data|$fast"
  "CDS archive of a --version run|$version_jsa_flags"
  "CDS archive of the training run (jsa)|$jsa_flags"
  "jsa + C1 + SerialGC + no perf data (launcher default)|$jsa_flags $fast"
)
if [ -n "$cds_flags" ]; then
  sets+=("AOT cache of the training run|$cds_flags" "AOT cache + C1 + SerialGC + no perf data (MAILCHECK_CDS=aot)|$cds_flags $fast")
fi

declare -A times cpus
TIMEFORMAT='%3R %3U %3S'
for ((i = 0; i < runs; i++)); do
  for s in "${sets[@]}"; do
    label=${s%%|*}
    flags=${s#*|}
    # shellcheck disable=SC2086 # flags is a list
    t=$({ time "$java" $flags -Xlog:disable -jar target/mailcheck.jar --version >/dev/null 2>&1; } 2>&1)
    read -r wall cpu < <(awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t")
    times[$label]="${times[$label]:-} $wall"
    cpus[$label]="${cpus[$label]:-} $cpu"
  done
done

echo "JDK $JDK_MAJOR, $(nproc) cores, $runs interleaved rounds, $(date -u '+%Y-%m-%d %H:%M') UTC, load average after: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo
echo '| flags (java ... -jar mailcheck.jar --version) | wall min ms | wall median ms | CPU median ms |'
echo '|---|---|---|---|'
for s in "${sets[@]}"; do
  label=${s%%|*}
  # shellcheck disable=SC2086
  sorted=$(printf '%s\n' ${times[$label]} | sort -n)
  # shellcheck disable=SC2086
  cpu=$(printf '%s\n' ${cpus[$label]} | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf '| %s | %s | %s | %s |\n' "$label" "$(head -n 1 <<<"$sorted")" "$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")" "$cpu"
done
