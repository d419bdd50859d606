#!/usr/bin/env bash
# SPF latency benchmark: how the wall time of `mailcheck spf` grows with DNS latency. Runs
# `./mailcheck spf tree.bench.test` (10 DNS-querying terms, three records deep: see bench/dns-stub.py)
# against two loopback DNS stubs, one answering at once and one 50 ms after each query, rounds
# interleaved, and prints per command: the median wall time at 0 ms and at 50 ms, the extra wall
# time (their difference), and extra / (depth x 50 ms): first for the wall time of the process, then
# for the in-run time the report gives (durationMs: no JVM start-up, so less noisy). A run whose
# lookups follow the depth of the tree gives a ratio close to 1; one that waits twice per level, 2.
#
#   bench/spf-latency.sh [--all] [RUNS]        default 7 runs per row and delay
#
# --all (bench/peers.sh uses it) adds the other DNS commands on the stub's tree, each with the
# depth of its lookup chain (`dmarc` of a name under the tree: the tree walk, then the report
# authorization and the existence lookups; `dkim` selector discovery: MX/SPF, then the selectors
# they point at; `mx`: MX, then the exchanges' addresses; `domain --no-smtp`: the SPF tree's 3),
# and pyspf and mailauth evaluating the same SPF tree in-process (bench/peers/spf_tree.py and
# spf-tree.js; PEERS_PY names the Python with python3-spf, MAILAUTH_DIR the mailauth package).
#
# MAILCHECK=CMD runs another launcher (e.g. a wrapper around an older jar) instead of ./mailcheck.
# Talks only to 127.0.0.1. Needs python3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
all=false
if [ "${1:-}" = --all ]; then
  all=true
  shift
fi
runs=${1:-7}
cd "$root"
mc=${MAILCHECK:-./mailcheck}
delay=50
depth=3
domain=tree.bench.test

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start_stub() { # PORT DELAY_MS
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  python3 bench/dns-stub.py "$1" "$2" >"$fifo" &
  pids+=($!)
  read -r _ <"$fifo" # "ready"
  rm -f "$fifo"
}
base=$((20000 + RANDOM % 20000))
fast=$base
slow=$((base + 1))
start_stub "$fast" 0
start_stub "$slow" "$delay"

$mc --version >/dev/null # builds if needed
# the tree is what the benchmark says it is
json=$($mc spf "$domain" --resolver "127.0.0.1:$fast" --timeout 2s --json || true)
grep -q '"lookups" *: *10' <<<"$json" || { echo "unexpected audit of $domain: $json" >&2; exit 1; }

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR + 1) / 2)] : "-")}'; }
ratio() { awk -v x="$1" -v d=$((${2:-$depth} * delay)) 'BEGIN {printf "%.2f", x / d}'; }
# One run: prints "WALL_MS IN_RUN_MS" (in-run: the report's durationMs, without JVM start-up).
run_once() { # PORT ARGS...
  local port=$1 t0 out
  shift
  t0=$(now_ms)
  out=$($mc "$@" --resolver "127.0.0.1:$port" --timeout 2s --json 2>/dev/null || true)
  echo "$(($(now_ms) - t0)) $(grep -o '"durationMs" *: *[0-9]*' <<<"$out" | grep -o '[0-9]*$')"
}
measure() { # LABEL [DEPTH] ARGS... (DEPTH, when a number: the row's dependency depth)
  local label=$1 d=$depth i r f=() s=() fi=() si=()
  shift
  if [[ $1 =~ ^[0-9]+$ ]]; then
    d=$1
    shift
  fi
  run_once "$fast" "$@" >/dev/null # warm-up
  for ((i = 0; i < runs; i++)); do
    r=$(run_once "$fast" "$@")
    f+=("${r% *}") fi+=("${r#* }")
    r=$(run_once "$slow" "$@")
    s+=("${r% *}") si+=("${r#* }")
  done
  local m0 m50 i0 i50
  m0=$(printf '%s\n' "${f[@]}" | median)
  m50=$(printf '%s\n' "${s[@]}" | median)
  i0=$(printf '%s\n' "${fi[@]}" | median)
  i50=$(printf '%s\n' "${si[@]}" | median)
  printf '| %s | %s | %s | %s | %s | **%s** | %s / %s | %s | %s |\n' "$label" "$d" "$m0" "$m50" "$((m50 - m0))" \
    "$(ratio $((m50 - m0)) "$d")" "$i0" "$i50" "$((i50 - i0))" "$(ratio $((i50 - i0)) "$d")"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $runs runs per cell (interleaved), $(nproc) cores, load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "| command ($domain: SPF of 10 lookups) | depth | wall ms at 0 ms | wall ms at $delay ms | extra ms | extra / (depth x $delay ms) | in-run ms at 0 / $delay ms | in-run extra ms | in-run ratio |"
echo '|---|---|---|---|---|---|---|---|---|'
measure "\`spf $domain\`" spf "$domain"
measure "\`spf $domain --ip 203.0.113.5\`" spf "$domain" --ip 203.0.113.5
if $all; then
  measure "\`dmarc x.y.$domain\` (tree walk, external rua)" 2 dmarc "x.y.$domain"
  measure "\`dkim $domain\` (selector discovery)" 2 dkim "$domain"
  measure "\`mx $domain\`" 2 mx "$domain"
  measure "\`domain $domain --no-smtp\`" 3 domain "$domain" --no-smtp
  # The peers time check_host() in-process (no start-up): their figures go in the in-run columns.
  peer() { # LABEL CMD...: CMD prints "fast MS", "slow MS" and "result R"
    local label=$1 out f50 f0
    shift
    out=$("$@")
    f0=$(awk '/^fast/{printf "%.0f", $2}' <<<"$out")
    f50=$(awk '/^slow/{printf "%.0f", $2}' <<<"$out")
    printf '| %s (%s) | %s | - | - | - | - | %s / %s | %s | **%s** |\n' "$label" "$(awk '/^result/{print $2}' <<<"$out")" \
      "$depth" "$f0" "$f50" "$((f50 - f0))" "$(ratio $((f50 - f0)))"
  }
  peer "pyspf \`check_host(203.0.113.5, $domain)\`" "${PEERS_PY:-python3}" bench/peers/spf_tree.py "$domain" 203.0.113.5 "$fast" "$slow" "$runs"
  if [ -n "${MAILAUTH_DIR:-}" ]; then
    peer "mailauth \`spf()\` for 203.0.113.5 on $domain" node bench/peers/spf-tree.js "$MAILAUTH_DIR" "$domain" 203.0.113.5 "$fast" "$slow" "$runs"
  fi
fi
echo
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
