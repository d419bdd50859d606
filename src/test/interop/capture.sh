#!/usr/bin/env bash
# Captures every command's output (JSON and text) on the interop zones into DIR, with timings
# masked, so that a refactoring can be diffed against the outputs from before it:
#   src/test/interop/run.sh start
#   src/test/interop/capture.sh /tmp/before      # on the old code
#   src/test/interop/capture.sh /tmp/after       # on the new code
#   diff -r /tmp/before /tmp/after
# Certificates and passwords are made anew by every 'run.sh start': keep the lab running between
# the two captures.
set -uo pipefail
out=${1:?usage: capture.sh DIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
state=${MAILCHECK_INTEROP_DIR:-/tmp/mailcheck-interop}
mc="$root/mailcheck"
R=(--resolver 127.25.0.53 --timeout 3s)
CA=(--ca-file "$state/pki/ca.crt")
mkdir -p "$out"
cases=(
  "domain-good|domain good.test --allow-private ${CA[*]}"
  "domain-good-nosmtp|domain good.test --allow-private --no-smtp"
  "domain-good-noprivate|domain good.test --no-smtp"
  "domain-weak|domain weak.test --selector rsa1024 --allow-private"
  "domain-broken|domain broken.test --allow-private"
  "domain-nullmx|domain nullmx.test --allow-private"
  "domain-nomx|domain nomx.test --allow-private"
  "domain-spflimit|domain spflimit.test --no-smtp --allow-private"
  "domain-ruaext|domain ruaext.test --no-smtp --allow-private"
  "domain-reports|domain reports.test --no-smtp --allow-private"
  "mx-good|mx good.test --allow-private"
  "mx-broken|mx broken.test"
  "mx-nullmx|mx nullmx.test"
  "mx-nomx|mx nomx.test"
  "ptr-10|ptr 127.25.0.10"
  "ptr-20|ptr 127.25.0.20"
  "ptr-30|ptr 127.25.0.30"
  "spf-good|spf good.test"
  "spf-weak|spf weak.test"
  "spf-broken|spf broken.test"
  "spf-limit|spf spflimit.test"
  "spf-ip|spf good.test --ip 127.25.0.10"
  "spf-ip-fail|spf good.test --ip 192.0.2.1 --sender bob@good.test"
  "dkim-good|dkim good.test"
  "dkim-weak|dkim weak.test --selector rsa1024"
  "dkim-missing|dkim good.test --selector nosuch"
  "dmarc-good|dmarc good.test"
  "dmarc-weak|dmarc weak.test"
  "dmarc-broken|dmarc broken.test"
  "dmarc-ruaext|dmarc ruaext.test"
  "dmarc-reports|dmarc reports.test"
  "smtp-25|smtp mx1.good.test ${CA[*]}"
  "smtp-587|smtp mx1.good.test:587 --starttls ${CA[*]}"
  "smtp-465|smtp mx1.good.test:465 --tls ${CA[*]}"
  "smtp-weak|smtp mx.weak.test"
  "smtp-broken|smtp mx.broken.test"
  "smtp-broken-465|smtp mx.broken.test:465 --tls"
  "ports-good|ports mx1.good.test ${CA[*]}"
  "ports-weak|ports mx.weak.test"
  "blocklist-lab|blocklist 127.25.0.10 127.25.0.20 127.25.0.30 127.25.0.40 2001:db8::25 broken.test --lists-file $root/src/test/interop/blocklists.json --allow-private"
  "blocklist-dead|blocklist 127.25.0.10 --lists-file $root/src/test/interop/blocklists.json --list dead=dead.bl.test --allow-private"
  "dmarc-report|dmarc report $root/src/test/resources/dev/mailcheck/checks/dmarcreport"
)
for m in "$state"/dkim/messages/*.eml; do
  [ -f "$m" ] && cases+=("verify-$(basename "$m" .eml)|dkim verify $m")
done
mask_text() { sed -E 's/\(([0-9]+) ms\)/(N ms)/g; s/[0-9]+ms/Nms/g; s/[0-9]+ ms/N ms/g'; }
mask_json() { jq -S 'walk(if type == "object" then with_entries(if (.key|test("(^ms$|Ms$|millis|^durationMs$|^timings?$|^phases$)")) then .value = "N" else . end) else . end)' 2>/dev/null || cat; }
for c in "${cases[@]}"; do
  name=${c%%|*}
  args=${c#*|}
  # shellcheck disable=SC2086
  "$mc" "${R[@]}" $args --json > "$out/$name.json" 2> "$out/$name.json.err"
  echo "exit $?" >> "$out/$name.json.err"
  mask_json < "$out/$name.json" | mask_text > "$out/$name.json.m" && mv "$out/$name.json.m" "$out/$name.json"
  # shellcheck disable=SC2086
  "$mc" "${R[@]}" $args > "$out/$name.txt" 2> "$out/$name.txt.err"
  echo "exit $?" >> "$out/$name.txt.err"
  mask_text < "$out/$name.txt" > "$out/$name.txt.m" && mv "$out/$name.txt.m" "$out/$name.txt"
done
echo "captured ${#cases[@]} cases into $out"
