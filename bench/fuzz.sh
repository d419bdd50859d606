#!/usr/bin/env bash
# Fuzzes one Jazzer target for real (issue 19). Without this script the @FuzzTest methods only
# replay their committed corpus (src/test/resources/.../<Class>Inputs/<method>/) during `mvn verify`.
#
#   bench/fuzz.sh TARGET [SECONDS]      TARGET is Class#method, e.g. SpfFuzzTest#spfRecord
#   bench/fuzz.sh --list                every target
#
# Coverage-guided inputs grow in .cifuzz-corpus/ (not committed); a crashing input is written to the
# target's Inputs/ directory in src/test/resources, where it stays as a regression case. The last
# lines print libFuzzer's execution count ("stat::number_of_executed_units") and the result.
# One JVM on one core: run targets one at a time on a shared machine.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ "${1:-}" = --list ]; then
  grep -rl '@FuzzTest' src/test/java | while read -r f; do
    c=$(basename "$f" .java)
    grep -A1 '@FuzzTest' "$f" | grep -oE 'void [a-zA-Z0-9]+' | sed "s/void /$c#/"
  done
  exit 0
fi
target=${1:?usage: bench/fuzz.sh Class#method [SECONDS] (or --list)}
seconds=${2:-60}
log=${TMPDIR:-/tmp}/mailcheck-fuzz-${target//[#\/]/_}.log
export JAZZER_FUZZ=1
export JAZZER_MAX_DURATION="${seconds}s"
# -print_final_stats prints the execution count; -rss_limit_mb keeps one runaway input from eating
# the machine; -use_value_profile helps with the magic tokens of these formats ("v=spf1", "xn--")
export JAZZER_FUZZ_ARGS="${JAZZER_FUZZ_ARGS:-}"
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
find_jdk || { no_jdk_message; exit 2; }
export JAVA_HOME="$JDK_HOME"
set +e
# only the fuzz-regression execution of surefire (the default one would run the target a second time)
mvn -B -o -q test-compile surefire:test@fuzz-regression -Dtest="$target" \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmailcheck.jazzerHooks=true >"$log" 2>&1
rc=$?
set -e
grep -E '^Done [0-9]+ runs|== Java Exception|FuzzerSecurityIssue|Tests run:|ERROR\]|Caused by' "$log" | head -20 || true
echo "fuzz.sh: $target ${seconds}s exit $rc (full log: $log)"
exit $rc
