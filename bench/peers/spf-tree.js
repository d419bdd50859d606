// mailauth's latency on an SPF tree: spf() timed in-process against two loopback resolvers.
//
//     node spf-tree.js MAILAUTH_DIR DOMAIN IP PORT_FAST PORT_SLOW RUNS
//
// Evaluates the SPF of DOMAIN for IP RUNS times against 127.0.0.1:PORT_FAST and RUNS times
// against 127.0.0.1:PORT_SLOW, alternating (one warm-up against each first), through Node's
// dns.promises.Resolver (no cache). Prints "fast MS", "slow MS" (medians) and "result R".
'use strict';
const path = require('path');
const { Resolver } = require('dns').promises;
const [dir, domain, ip, fast, slow, runs] = process.argv.slice(2);
const { spf } = require(path.join(dir, 'lib/spf'));

function resolverFor(port) {
    const r = new Resolver({ timeout: 5000, tries: 1 });
    r.setServers(['127.0.0.1:' + port]);
    return (name, type) => r.resolve(name, type);
}
const resolvers = { [fast]: resolverFor(fast), [slow]: resolverFor(slow) };

async function once(port) {
    const t0 = process.hrtime.bigint();
    const r = await spf({ ip, sender: 'postmaster@' + domain, helo: domain, mta: 'mx.bench.test', resolver: resolvers[port] });
    return [Number(process.hrtime.bigint() - t0) / 1e6, r.status.result];
}
const median = a => a.slice().sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)];
(async () => {
    await once(fast);
    await once(slow);
    const t = { [fast]: [], [slow]: [] };
    let result;
    for (let i = 0; i < Number(runs); i++) {
        for (const port of [fast, slow]) {
            const [ms, res] = await once(port);
            t[port].push(ms);
            result = res;
        }
    }
    console.log('fast ' + median(t[fast]).toFixed(1));
    console.log('slow ' + median(t[slow]).toFixed(1));
    console.log('result ' + result);
})();
