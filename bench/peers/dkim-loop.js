// mailauth's verification throughput: verifies one message in a loop, keys from an in-memory zone.
//
//     node dkim-loop.js MAILAUTH_DIR MESSAGE ZONE SECONDS
//
// A warm-up until the rate stops rising, then SECONDS of dkimVerify() calls, one after another; each must pass.
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
    // V8 compiles as it goes: warm up in half-second slices until a slice is no faster than the
    // one before (within 5 %), at least 2 s and at most 30 s, as the Java harness does.
    const start = Date.now();
    let previous = 0;
    for (;;) {
        const rate = await loop(0.5);
        const elapsed = Date.now() - start;
        if (elapsed > 30000 || (elapsed > 2000 && rate <= previous * 1.05)) break;
        previous = Math.max(previous, rate);
    }
    console.log('verifications/s ' + (await loop(Number(secs))).toFixed(1));
})();
