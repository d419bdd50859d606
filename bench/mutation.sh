#!/usr/bin/env bash
# Mutation testing with PIT (issue 19) over one set of classes and the tests that cover them.
#
#   bench/mutation.sh CLASSES [TESTS] [THREADS]
#   bench/mutation.sh 'dev.mailcheck.checks.spf.SpfEvaluator*' 'dev.mailcheck.checks.spf.*'
#
# CLASSES and TESTS are PIT globs (comma-separated); TESTS defaults to the package of CLASSES.
# Fuzz targets and *IT are left out. The report is in target/pit-reports/<classes>/ (index.html,
# mutations.csv); the last lines printed are PIT's totals. Minutes per package on 1-2 cores.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
classes=${1:?usage: bench/mutation.sh CLASSES [TESTS] [THREADS]}
tests=${2:-${classes%.*}.*}
threads=${3:-1}
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
find_jdk || { no_jdk_message; exit 2; }
export JAVA_HOME="$JDK_HOME"
slug=$(printf %s "$classes" | tr -c "A-Za-z0-9" _ | cut -c1-80)
log=${TMPDIR:-/tmp}/mailcheck-mutation-$slug.log
set +e
mvn -B -o -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage \
  -DtargetClasses="$classes" -DtargetTests="$tests" -Dmailcheck.pitThreads="$threads" \
  -DreportsDirectory="target/pit-reports/$slug" >"$log" 2>&1
rc=$?
set -e
grep -E '>> (Generated [0-9]+ mutations|Line Coverage|Mutations with no coverage|Ran [0-9]+ tests)' "$log" || true
# survivors, one a line: class, method, line, mutator, status (from the CSV report)
grep -E ',(SURVIVED|NO_COVERAGE),' "target/pit-reports/$slug/mutations.csv" 2>/dev/null | cut -d, -f2,3,4,5,6 | sort | uniq || true
grep -E 'ERROR\]' "$log" | head -10 || true
echo "mutation.sh: exit $rc (full log: $log)"
exit $rc
