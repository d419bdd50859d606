#!/usr/bin/env bash
# DMARC aggregate report parsing throughput: `mailcheck dmarc report` on a generated corpus (N
# reports of R records each, plain XML, then the same gzipped), whole-process wall time (median of
# RUNS), records per second; and the same XML through the npm package dmarc-report-parser
# (xml2js + zod, whole documents in memory) as the peer, where npm can install it. parsedmarc, the
# usual peer, is neither in Debian nor on npm, and PyPI is not reachable here: not measured.
# Nothing touches the network but npm's registry (for the peer, once).
#
#   bench/dmarc-report.sh [N] [R] [RUNS]     default 20 reports x 10000 records, 3 runs
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-20}
r=${2:-10000}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
./mailcheck --version >/dev/null # builds if needed

python3 - "$work/xml" "$n" "$r" <<'PY'
import os, sys
out, n, r = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out)
for k in range(n):
    with open(os.path.join(out, "report-%03d.xml" % k), "w") as f:
        f.write('<?xml version="1.0"?>\n<feedback><report_metadata><org_name>bench.example</org_name>'
                '<email>dmarc@bench.example</email><report_id>bench-%d</report_id><date_range>'
                '<begin>1704067200</begin><end>1704153599</end></date_range></report_metadata>'
                '<policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p>'
                '<sp>none</sp><pct>100</pct></policy_published>\n' % k)
        for i in range(r):
            ok = i % 10 != 0
            res = "pass" if ok else "fail"
            f.write('<record><row><source_ip>10.%d.%d.%d</source_ip><count>%d</count><policy_evaluated>'
                    '<disposition>none</disposition><dkim>%s</dkim><spf>%s</spf></policy_evaluated></row>'
                    '<identifiers><header_from>example.com</header_from></identifiers><auth_results>'
                    '<dkim><domain>example.com</domain><selector>s1</selector><result>%s</result></dkim>'
                    '<spf><domain>example.com</domain><result>%s</result></spf></auth_results></record>\n'
                    % (k, (i >> 8) & 255, i & 255, 1 + i % 5, res, res, res, res))
        f.write('</feedback>\n')
PY
mkdir -p "$work/gz"
for f in "$work"/xml/*.xml; do gzip -c "$f" > "$work/gz/$(basename "$f").gz"; done
records=$((n * r))
mb=$(du -sm "$work/xml" | cut -f1)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { # command...: wall ms of one run
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
row() { # label ms
  awk -v l="$1" -v ms="$2" -v rec="$records" -v mb="$mb" \
    'BEGIN { printf "| %s | %d | %.0f | %.1f |\n", l, ms, rec / (ms / 1000), mb / (ms / 1000) }'
}

echo "load: $(uptime | sed 's/.*load average: //')"
echo "corpus: $n reports x $r records = $records records, $mb MB of XML"
echo
echo "| run | wall ms (median of $runs) | records/s | MB/s (XML) |"
echo "|---|---|---|---|"
mc_xml=$(for _ in $(seq "$runs"); do time_ms ./mailcheck dmarc report "$work/xml" --format csv; done | median)
row "mailcheck dmarc report (XML)" "$mc_xml"
mc_gz=$(for _ in $(seq "$runs"); do time_ms ./mailcheck dmarc report "$work/gz" --format csv; done | median)
row "mailcheck dmarc report (.xml.gz)" "$mc_gz"

peer="$work/npm"
mkdir -p "$peer"
if (cd "$peer" && timeout 300 npm install --silent --no-audit --no-fund dmarc-report-parser@0.1.5 >/dev/null 2>&1); then
  cat > "$peer/run.js" <<'JS'
const fs = require("fs");
const path = require("path");
const { parseDmarcReportsFromXml } = require("dmarc-report-parser");
(async () => {
  const dir = process.argv[2];
  let records = 0;
  for (const f of fs.readdirSync(dir).sort()) {
    const r = await parseDmarcReportsFromXml([fs.readFileSync(path.join(dir, f))]);
    for (const rep of r.reports) records += rep.record.length;
  }
  console.log(records);
})();
JS
  got=$(cd "$peer" && node run.js "$work/xml")
  [ "$got" = "$records" ] || echo "(peer read $got records, expected $records)"
  node_ms=$(for _ in $(seq "$runs"); do time_ms bash -c "cd '$peer' && node run.js '$work/xml'"; done | median)
  row "npm dmarc-report-parser 0.1.5 (XML, node $(node --version))" "$node_ms"
  awk -v a="$node_ms" -v b="$mc_xml" 'BEGIN { printf "\nratio (peer / mailcheck, XML): %.1fx\n", a / b }'
else
  echo "(npm could not install dmarc-report-parser: peer not measured)"
fi
