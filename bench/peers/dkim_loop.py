#!/usr/bin/env python3
"""dkimpy's verification throughput: verifies one message in a loop, keys from an in-memory zone.

    /usr/bin/python3 dkim_loop.py MESSAGE ZONE SECONDS

One warm-up second, then SECONDS of dkim.verify() calls; each must pass. Prints
"verifications/s N" on stdout. ZONE: NAME<TAB>TXT lines (make-dkim-inputs.py).
"""
import sys
import time

import dkim

msg = open(sys.argv[1], "rb").read()
zone = {}
for line in open(sys.argv[2]):
    name, txt = line.rstrip("\n").split("\t", 1)
    zone[name.encode()] = txt.encode()
seconds = float(sys.argv[3])


def dnsfunc(name, timeout=5):
    return zone.get(name.rstrip(b"."))


def loop(budget):
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < budget:
        if not dkim.verify(msg, dnsfunc=dnsfunc):
            sys.exit("dkimpy: verification failed")
        n += 1
    return n / (time.perf_counter() - t0)


loop(1.0)
print("verifications/s %.1f" % loop(seconds))
