#!/usr/bin/env bash
# Runs the example in Spark's local mode on this machine, without spark-submit:
#   examples/spark/run-local.sh DOMAINS_FILE OUT.ndjson RESOLVER_HOST:PORT [QPS] [CORES]
# Needs mailcheck in the local Maven repository (mvn install -DskipTests in the repository root)
# and a JDK 21+ (JAVA_HOME or the repository's scripts/find-jdk.sh). Builds the example, asks Maven
# for Spark's class path, and runs the driver with the --add-opens Spark needs on Java 17+.
# SPARK_USER is set because Spark otherwise asks Hadoop for the user, which calls
# Subject.getSubject, unsupported since Java 23.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../../scripts/find-jdk.sh
. "$here/../../scripts/find-jdk.sh"
find_jdk || { echo "run-local.sh: no JDK 21+ found" >&2; exit 2; }
export JAVA_HOME=$JDK_HOME
[ $# -ge 3 ] || { echo "usage: run-local.sh DOMAINS_FILE OUT.ndjson RESOLVER_HOST:PORT [QPS] [CORES]" >&2; exit 2; }
cd "$here"
mvn -B -q package
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action \
  sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
cd - >/dev/null
# shellcheck disable=SC2086
SPARK_USER=${SPARK_USER:-$(id -un)} "$JAVA_HOME/bin/java" $opens -Djdk.reflect.useDirectMethodHandle=false \
  -Dspark.master="local[${5:-2}]" -Dspark.ui.enabled=false \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -cp "$here/target/mailcheck-spark-example.jar:$(cat "$cp")" \
  dev.mailcheck.examples.spark.MailcheckSpark "$1" "$2" "$3" "${4:-100}"
