#!/usr/bin/env bash
# Many-domain benchmark (issue 17): N generated domains, DNS only (--no-smtp), against the loopback
# stub bench/dns-scale-stub.py answering every query 50 ms late. Loopback only.
#
#   bench/scale.sh [N ...]            (default: 100 1000 2000 5000 10000)
#
# Per N: wall time, domains/s, peak RSS, heap limit (-Xmx256m: an OutOfMemoryError would fail the
# run), reports written vs domains read (lost domains), queries the stub received, and the most it
# received in one second. Env: CONCURRENCY (default 256), QPS (default 0 = no limit), DELAY_MS (50).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
find_jdk || { echo "bench/scale.sh: no JDK ${MAILCHECK_MIN_JAVA}+ found" >&2; exit 2; }
JAVA=$JDK_HOME/bin/java
JAR=target/mailcheck.jar
[ -f "$JAR" ] || { echo "build first: mvn -o -q package -DskipTests" >&2; exit 2; }
CONCURRENCY=${CONCURRENCY:-256}
QPS=${QPS:-0}
DELAY_MS=${DELAY_MS:-50}
PORT=${PORT:-15354}
WORK=$(mktemp -d /tmp/mailcheck-scale.XXXXXX)
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 2000 5000 10000)
echo "# $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  concurrency $CONCURRENCY qps $QPS delay ${DELAY_MS}ms"
printf "%8s %8s %10s %10s %10s %10s %10s %12s\n" domains wall_s domains/s rss_mb written lost queries max_q/s
for n in "${SIZES[@]}"; do
  seq 1 "$n" | sed 's/^/d/; s/$/.scale.test/' > "$WORK/domains.txt"
  python3 bench/dns-scale-stub.py "$PORT" "$DELAY_MS" "$WORK/stats.json" > "$WORK/stub.log" 2>&1 &
  stub=$!
  for _ in $(seq 50); do grep -q ready "$WORK/stub.log" 2>/dev/null && break; sleep 0.1; done
  set +e
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$JAVA" -Xmx256m -XX:+UseSerialGC -jar "$JAR" domain \
    --from-file "$WORK/domains.txt" --resolver "127.0.0.1:$PORT" --timeout 5s --no-smtp --no-blocklist \
    --selector s1 --format ndjson --concurrency "$CONCURRENCY" --qps "$QPS" --quiet \
    > "$WORK/out.ndjson" 2> "$WORK/err.txt"
  rc=$?
  set -e
  kill -TERM "$stub"; wait "$stub" 2>/dev/null || true
  read -r wall rss < <(tail -1 "$WORK/time")
  written=$(wc -l < "$WORK/out.ndjson")
  distinct=$(python3 -c "import json,sys; print(len({json.loads(l)['target'] for l in open(sys.argv[1])}))" "$WORK/out.ndjson")
  read -r queries maxq < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['total'], s['max_per_second'])" "$WORK/stats.json")
  printf "%8d %8.1f %10.0f %10d %10d %10d %10d %12d\n" "$n" "$wall" "$(python3 -c "print($n / $wall)")" $((rss / 1024)) "$written" $((n - distinct)) "$queries" "$maxq"
  if [ "$written" -eq 0 ] || grep -q OutOfMemoryError "$WORK/err.txt"; then echo "  rc $rc: $(head -c 300 "$WORK/err.txt")"; fi
done
[ -n "${KEEP:-}" ] || rm -rf "$WORK"
