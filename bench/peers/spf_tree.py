#!/usr/bin/env python3
"""pyspf's latency on an SPF tree: check_host() timed in-process against two loopback resolvers.

    /usr/bin/python3 spf_tree.py DOMAIN IP PORT_FAST PORT_SLOW RUNS

Evaluates check_host(IP, DOMAIN) RUNS times against 127.0.0.1:PORT_FAST and RUNS times against
127.0.0.1:PORT_SLOW, alternating (one warm-up against each first); every evaluation uses a fresh
pyspf query (its own cache) and dnspython without a cache, so each run asks DNS again. Prints
"fast MS", "slow MS" (medians) and "result R". Needs python3-spf and python3-dnspython.
"""
import statistics
import sys
import time

import dns.resolver
import spf

domain, ip, fast, slow, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])


def resolver(port):
    r = dns.resolver.Resolver(configure=False)
    r.nameservers = ["127.0.0.1"]
    r.port = port
    r.lifetime = 5
    return r


resolvers = {fast: resolver(fast), slow: resolver(slow)}


def once(port):
    dns.resolver.default_resolver = resolvers[port]
    t0 = time.perf_counter()
    res = spf.check2(i=ip, s="postmaster@" + domain, h=domain)
    return (time.perf_counter() - t0) * 1000, res[0]


once(fast)
once(slow)
times = {fast: [], slow: []}
result = None
for _ in range(runs):
    for port in (fast, slow):
        ms, result = once(port)
        times[port].append(ms)
print("fast %.1f" % statistics.median(times[fast]))
print("slow %.1f" % statistics.median(times[slow]))
print("result %s" % result)
