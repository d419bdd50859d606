#!/usr/bin/env bash
# mailcheck against the tools people use today, side by side, measured in one run (issue 18):
# start-up, DKIM verification throughput, SPF evaluation throughput, latency under DNS delay.
# Every measurement runs the tools on identical input, alternating them run by run, and prints a
# Markdown table of medians and ratios, with the machine's load before and after each section.
#
#   bench/peers.sh [SECTION ...]       SECTION: startup dkim spf latency (default: all four)
#
# Environment: RUNS (start-up rounds, default 15), ROUNDS (throughput rounds, default 3),
# SECONDS_PER_RUN (counted seconds of each throughput run, default 3), LATENCY_RUNS (default 7).
#
# Peers (found, or installed when missing): Debian's python3-dkim (dkimpy), python3-spf (pyspf),
# python3-nacl, python3-yaml, python3-dnspython and swaks through apt-get (as root); npm's mailauth,
# pinned to 4.13.3 (the newest release whose engines field accepts Node 20; 5.x and 7.x need Node
# >= 22.19), installed under bench/.peers/ (not globally). The Debian modules are run with
# /usr/bin/python3, whatever python3 is first on PATH.
#
# Talks only to 127.0.0.1: the DNS answers come from bench/dns-stub.py (one stub answering at once,
# one 50 ms after each query) or from in-memory zones inside each harness.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(startup dkim spf latency)
RUNS=${RUNS:-15}
ROUNDS=${ROUNDS:-3}
SECS=${SECONDS_PER_RUN:-3}
LATENCY_RUNS=${LATENCY_RUNS:-7}
MAILAUTH_VERSION=4.13.3
py=/usr/bin/python3
peers_dir="$root/bench/.peers"
mailauth="$peers_dir/node_modules/mailauth"
cores=$(nproc)

# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
find_jdk || { no_jdk_message; exit 2; }
java="$JDK_HOME/bin/java"
load() { cut -d ' ' -f 1-3 /proc/loadavg; }
want() { local s; for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# --- peers -----------------------------------------------------------------------------------------
install_peers() {
  local missing=()
  "$py" -c 'import dkim' 2>/dev/null || missing+=(python3-dkim)
  "$py" -c 'import spf' 2>/dev/null || missing+=(python3-spf)
  "$py" -c 'import nacl' 2>/dev/null || missing+=(python3-nacl)
  "$py" -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
  "$py" -c 'import dns.resolver' 2>/dev/null || missing+=(python3-dnspython)
  command -v swaks >/dev/null 2>&1 || missing+=(swaks)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} (apt-get)" >&2
    [ "$(id -u)" = 0 ] || { echo "peers.sh: run as root or install: ${missing[*]}" >&2; exit 2; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  fi
  command -v node >/dev/null 2>&1 || { echo "peers.sh: Node.js (node, npm) is needed for mailauth" >&2; exit 2; }
  if [ "$(node -p "require('$mailauth/package.json').version" 2>/dev/null)" != "$MAILAUTH_VERSION" ]; then
    echo "installing mailauth@$MAILAUTH_VERSION under bench/.peers (npm)" >&2
    mkdir -p "$peers_dir"
    npm install --prefix "$peers_dir" --no-audit --no-fund --no-save "mailauth@$MAILAUTH_VERSION" >&2
  fi
}
install_peers
./mailcheck --version >/dev/null # builds the jar if needed
if want dkim || want spf; then
  echo "compiling the test-scope harnesses (mvn -o test-compile)" >&2
  JAVA_HOME="$JDK_HOME" mvn -o -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt >&2
  cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
fi
# The Java harnesses run with the serial collector, as the launcher runs mailcheck: on a small
# shared machine G1's parallel and concurrent GC threads compete with the loop itself (measured:
# 2-3x fewer verifications/s with G1 under a load average of 15 on 2 cores). C2 stays on.
harness_opts=(-XX:+UseSerialGC)

tmp=$(mktemp -d)
pids=()
cleanup() {
  local p
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
start_stub() { # PORT DELAY_MS
  mkfifo "$tmp/fifo"
  "$py" bench/dns-stub.py "$1" "$2" >"$tmp/fifo" &
  pids+=($!)
  read -r _ <"$tmp/fifo" # "ready"
  rm -f "$tmp/fifo"
}
fast=$((20000 + RANDOM % 20000))
start_stub "$fast" 0

echo "# mailcheck and its peers, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), JDK $("$java" -version 2>&1 | head -n 1 | sed 's/.*version "\([^"]*\)".*/\1/'),"\
  "mailcheck $(./mailcheck --version | cut -d ' ' -f 2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')),"\
  "dkimpy $(dpkg-query -W -f '${Version}' python3-dkim 2>/dev/null), pyspf $("$py" -c 'import spf; print(spf.__version__)'),"\
  "swaks $(dpkg-query -W -f '${Version}' swaks 2>/dev/null), mailauth $MAILAUTH_VERSION on Node $(node --version)."
echo "Ratios are taken pair by pair (run i of one tool over run i of the other), then the median."

# --- 1. start-up -----------------------------------------------------------------------------------
if want startup; then
  echo
  echo "## Start-up (whole process, $RUNS alternating rounds after one warm-up each; load before: $(load))"
  echo
  echo "Commands on loopback names ask bench/dns-stub.py on 127.0.0.1. Target: \`--version\` <= 2x and DNS commands <= 3x a bare \`java -version\`."
  echo
  echo '| command | wall median ms | wall min ms | CPU median ms | wall / `java -version` | exit |'
  echo '|---|---|---|---|---|---|'
  ./mailcheck spf bench.test --resolver "127.0.0.1:$fast" >/dev/null 2>&1 || true
  # A first run starts the start-up cache's training in the background (the AOT cache on JDK 25+
  # takes ~20 s): wait until no training holds a lock in the cache folder, at most 3 minutes. A
  # lock older than 10 minutes is a killed training's, which the launcher ignores too.
  cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/mailcheck"
  for ((i = 0; i < 180; i++)); do
    sleep 1
    [ -n "$(find "$cache_dir" target/cache -maxdepth 1 -name '*.lock' -mmin -10 2>/dev/null)" ] || break
  done
  "$py" bench/peers/alternate.py "$RUNS" '`java -version`' \
    "\`java -version\`=$java -version" \
    "\`mailcheck --version\`=./mailcheck --version" \
    "\`mailcheck spf bench.test\`=./mailcheck spf bench.test --resolver 127.0.0.1:$fast --timeout 2s" \
    "\`mailcheck dmarc bench.test\`=./mailcheck dmarc bench.test --resolver 127.0.0.1:$fast --timeout 2s" \
    "\`swaks --version\`=swaks --version" \
    "\`python3 -c 'import spf'\` (pyspf)=$py -c 'import spf'" \
    "\`node -e \"require('mailauth')\"\`=node -e \"require('$mailauth')\""
  echo
  echo "load after: $(load)"
fi

# rate CMD...: runs CMD, prints the number after its "<what>/s " line.
rate() { "$@" | awk '/\/s /{print $2}'; }
median() { sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR ? a[int((NR + 1) / 2)] : "-")}'; }
ratio_median() { # "A1 A2 ..." "B1 B2 ...": median of Ai/Bi
  paste <(tr ' ' '\n' <<<"$1" | sed '/^$/d') <(tr ' ' '\n' <<<"$2" | sed '/^$/d') |
    awk '{print $1 / $2}' | median | awk '{printf "%.1f", $1}'
}
# parallel N CMD...: N copies of CMD at once; prints the sum of their rates.
parallel() {
  local n=$1 i
  shift
  for ((i = 0; i < n; i++)); do rate "$@" >"$tmp/p$i" & done
  wait
  cat "$tmp"/p* | awk '{s += $1} END {printf "%.1f\n", s}'
  rm -f "$tmp"/p*
}

# --- 2. DKIM ---------------------------------------------------------------------------------------
if want dkim; then
  "$py" bench/peers/make-dkim-inputs.py "$tmp/dkim"
  echo
  echo "## DKIM verification, warm (verifications/s; $ROUNDS alternating rounds of $SECS s after warm-up; load before: $(load))"
  echo
  echo 'Same message and key for every tool, keys from an in-memory zone, each tool looping in its own process. "all cores": mailcheck with one thread per core in one JVM, the peers with one process per core. Target: mailcheck >= 10x each peer on one thread.'
  echo
  echo '| message | mailcheck 1 thread | dkimpy | mailauth | mailcheck / dkimpy | mailcheck / mailauth | mailcheck all cores | dkimpy all cores | mailauth all cores | mailcheck allocation per verification |'
  echo '|---|---|---|---|---|---|---|---|---|---|'
  for m in rsa-20k:"RSA-2048 relaxed/relaxed, 20 KB" ed-20k:"Ed25519 relaxed/relaxed, 20 KB" rsa-1m:"RSA-2048 relaxed/relaxed, 1 MB"; do
    f="$tmp/dkim/${m%%:*}.eml"
    z="$tmp/dkim/zone.txt"
    mc="" dp="" ma="" mcn="" dpn="" man="" alloc=""
    for ((r = 0; r < ROUNDS; r++)); do
      out=$("$java" "${harness_opts[@]}" -cp "$cp" dev.mailcheck.checks.dkim.DkimThroughput "$f" "$z" "$SECS" 1)
      mc="$mc $(awk '/^verifications\/s /{print $2}' <<<"$out")"
      alloc="$alloc $(awk '/allocated/{print $2}' <<<"$out")"
      dp="$dp $(rate "$py" bench/peers/dkim_loop.py "$f" "$z" "$SECS")"
      ma="$ma $(rate node bench/peers/dkim-loop.js "$mailauth" "$f" "$z" "$SECS")"
    done
    mcn=$(rate "$java" "${harness_opts[@]}" -cp "$cp" dev.mailcheck.checks.dkim.DkimThroughput "$f" "$z" "$SECS" "$cores")
    dpn=$(parallel "$cores" "$py" bench/peers/dkim_loop.py "$f" "$z" "$SECS")
    man=$(parallel "$cores" node bench/peers/dkim-loop.js "$mailauth" "$f" "$z" "$SECS")
    printf '| %s (%d bytes) | %.0f | %.0f | %.0f | **%s** | **%s** | %.0f | %.0f | %.0f | %s KB |\n' "${m#*:}" "$(stat -c %s "$f")" \
      "$(median <<<"${mc// /$'\n'}")" "$(median <<<"${dp// /$'\n'}")" "$(median <<<"${ma// /$'\n'}")" \
      "$(ratio_median "$mc" "$dp")" "$(ratio_median "$mc" "$ma")" "$mcn" "$dpn" "$man" \
      "$(median <<<"${alloc// /$'\n'}" | awk '{printf "%.0f", $1 / 1024}')"
  done
  echo
  echo "load after: $(load)"
fi

# --- 3. SPF ----------------------------------------------------------------------------------------
if want spf; then
  suite=${MAILCHECK_CONFORMANCE:-$root/../shared/conformance}/spf/rfc7208-tests.yml
  [ -f "$suite" ] || suite=/work/shared/conformance/spf/rfc7208-tests.yml
  echo
  echo "## SPF evaluation over the RFC 7208 suite, warm (evaluations/s, one thread; $ROUNDS alternating rounds of $SECS s after warm-up; load before: $(load))"
  echo
  echo "Every test of $(basename "$suite") once per round, each against its scenario's zone in memory. Target: mailcheck >= 10x pyspf."
  echo
  echo '| tool | evaluations/s (median) | suite results matched | mailcheck / pyspf |'
  echo '|---|---|---|---|'
  mc="" ps="" mcm="" psm=""
  for ((r = 0; r < ROUNDS; r++)); do
    out=$("$java" "${harness_opts[@]}" -cp "$cp" dev.mailcheck.checks.spf.SpfSuiteThroughput "$suite" "$SECS")
    mc="$mc $(awk '/evaluations/{print $2}' <<<"$out")"
    mcm=$(awk '/matching/{print $2 " of " $4}' <<<"$out")
    out=$("$py" bench/peers/spf_suite.py "$suite" "$SECS")
    ps="$ps $(awk '/evaluations/{print $2}' <<<"$out")"
    psm=$(awk '/matching/{print $2 " of " $4}' <<<"$out")
  done
  r=$(ratio_median "$mc" "$ps")
  printf '| mailcheck | %.0f | %s | **%s** |\n' "$(median <<<"${mc// /$'\n'}")" "$mcm" "$r"
  printf '| pyspf | %.0f | %s | 1 |\n' "$(median <<<"${ps// /$'\n'}")" "$psm"
  echo
  echo "load after: $(load)"
fi

# --- 4. latency under DNS delay ----------------------------------------------------------------------
if want latency; then
  echo
  echo "## Latency under DNS delay (bench/spf-latency.sh --all)"
  echo
  PEERS_PY="$py" MAILAUTH_DIR="$mailauth" bench/spf-latency.sh --all "$LATENCY_RUNS"
fi
