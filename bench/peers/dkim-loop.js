// mailauth's verification throughput: verifies one message in a loop, keys from an in-memory zone.
//
//     node dkim-loop.js MAILAUTH_DIR MESSAGE ZONE SECONDS
//
// One warm-up second, then SECONDS of dkimVerify() calls, one after another; each must pass.
// Prints "verifications/s N" on stdout. ZONE: NAME<TAB>TXT lines (make-dkim-inputs.py).
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, file, zoneFile, secs] = process.argv.slice(2);
const { dkimVerify } = require(path.join(dir, 'lib/dkim/verify'));
const msg = fs.readFileSync(file);
const zone = new Map();
for (const line of fs.readFileSync(zoneFile, 'utf8').split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    zone.set(line.slice(0, tab), line.slice(tab + 1));
}
const resolver = async (name, rr) => {
    const txt = zone.get(name.replace(/\.$/, ''));
    if (rr !== 'TXT' || !txt) {
        const e = new Error('not found');
        e.code = 'ENOTFOUND';
        throw e;
    }
    return [[txt]];
};
async function loop(budget) {
    let n = 0;
    const t0 = process.hrtime.bigint();
    while (Number(process.hrtime.bigint() - t0) / 1e9 < budget) {
        const r = await dkimVerify(msg, { resolver });
        if (r.results[0].status.result !== 'pass') {
            console.error('mailauth: ' + JSON.stringify(r.results[0].status));
            process.exit(1);
        }
        n++;
    }
    return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}
(async () => {
    await loop(1);
    console.log('verifications/s ' + (await loop(Number(secs))).toFixed(1));
})();
