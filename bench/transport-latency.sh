#!/usr/bin/env bash
# What the transport-security checks add to `mailcheck domain good.test` on the interop lab, at
# 0 ms and at 50 ms DNS latency (a delaying forwarder on 127.0.0.153:5353 in front of Knot).
# Needs the lab running (src/test/interop/run.sh start). Prints median wall times of N runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-7}
CA=/tmp/mailcheck-interop/pki/ca.crt
ANCHORS=/tmp/mailcheck-interop/dnssec/trust-anchors.zone
LISTS="$ROOT/src/test/interop/blocklists.json"
FWD=127.0.0.153:5353
python3 "$ROOT/bench/dns-delay-forwarder.py" "$FWD" 127.25.0.53:53 50 &
FPID=$!
trap 'kill $FPID' EXIT
sleep 0.5
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # resolver extra-args...
  local r=$1; shift
  for i in $(seq "$N"); do
    { "$ROOT/mailcheck" domain good.test --selector rsa2048 --allow-private --ca-file "$CA" \
      --trust-anchor "$ANCHORS" --lists-file "$LISTS" --resolver "$r" --json "$@" || true; } |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["durationMs"])'
  done | median
}
echo "uptime: $(uptime)"
for r in 127.25.0.53 "$FWD"; do
  with=$(run "$r")
  without=$(run "$r" --no-transport)
  echo "resolver $r: domain ${with} ms, without transport ${without} ms, added $((with - without)) ms (median of $N)"
done
