#!/usr/bin/env python3
"""pyspf's evaluation throughput over an SPF test suite (the OpenSPF YAML format).

    /usr/bin/python3 spf_suite.py SUITE_YML SECONDS

Answers DNS from each scenario's zonedata in memory (the way pyspf's own test runner, testspf.py,
replaces spf.DNSLookup), runs every test of the suite once per round: 2 s of warm-up rounds, then
SECONDS of rounds counted. Prints "evaluations/s N" and "matching M of T" (tests whose result is
one the suite allows, from the last round). Needs python3-spf and python3-yaml (Debian).
"""
import socket
import sys
import time

import spf
import yaml

zone = {}


def lookup(name, qtype, strict=True, timeout=None, level=0):
    name = ".".join(label for label in name.split(".") if label)
    if any(len(label) > 63 for label in name.split(".")):
        raise spf.TempError("DNS label too long")
    records = zone.get(name.lower())
    if records is None:
        if name.startswith("error."):
            raise spf.TempError("DNS timeout")
        return
    timeout = True
    for r in records:
        if r == "TIMEOUT":
            if timeout:
                raise spf.TempError("DNS timeout")
            return
        t, v, n = r
        if t == qtype:
            timeout = False
        if v == "TIMEOUT":
            if t == qtype:
                raise spf.TempError("DNS timeout")
            continue
        if t == "AAAA":
            v = socket.inet_pton(socket.AF_INET6, v)
        elif t in ("TXT", "SPF"):
            v = tuple(s.encode("utf-8") for s in v)
        yield ((n, t), v)
        if not level and t == "CNAME":
            yield from lookup(v, qtype, strict, timeout, 1)


memo = {}


def memo_lookup(name, qtype, strict=True, timeout=None):
    """Each question's answer built once per zone, as the Java harness's zone does: building
    answers is not SPF work, so neither tool is timed doing it."""
    key = (name, qtype)
    hit = memo.get(key)
    if hit is None:
        try:
            hit = (None, list(lookup(name, qtype, strict, timeout)))
        except spf.TempError as e:
            hit = (e, None)
        memo[key] = hit
    if hit[0] is not None:
        raise hit[0]
    return hit[1]


spf.DNSLookup = memo_lookup


def records(entries, name):
    txt, generated = [], True
    for m in entries:
        if not isinstance(m, dict):
            yield m
            continue
        for t, v in m.items():
            if t in ("TXT", "SPF") and isinstance(v, str):
                v = (v,)
            if t == "TXT":
                generated = False
            elif t == "SPF" and generated:
                txt.append(("TXT", v, name))
            if v != ("NONE",):
                yield (t, v, name)
    if generated:
        yield from txt


tests = []
with open(sys.argv[1], "rb") as f:
    for doc in yaml.safe_load_all(f):
        if not doc:
            continue
        z = {d.lower(): list(records(r, d)) for d, r in doc["zonedata"].items()}
        for tid, t in doc["tests"].items():
            allowed = t["result"] if isinstance(t["result"], list) else [t["result"]]
            tests.append((z, t["host"], t.get("mailfrom", ""), t.get("helo", ""), allowed))
OLD = {"unknown": "permerror", "error": "temperror"}


memos = {}


def round_():
    global zone, memo
    matching = 0
    for z, host, mailfrom, helo, allowed in tests:
        zone = z
        memo = memos.setdefault(id(z), {})
        q = spf.query(i=host, s=mailfrom, h=helo, strict=True)
        q.set_default_explanation("DEFAULT")
        res = q.check()[0]
        if OLD.get(res, res) in allowed:
            matching += 1
    return matching


t0 = time.perf_counter()
while time.perf_counter() - t0 < 2:
    round_()
seconds = float(sys.argv[2])
n = 0
t0 = time.perf_counter()
while time.perf_counter() - t0 < seconds:
    matching = round_()
    n += len(tests)
print("evaluations/s %.1f" % (n / (time.perf_counter() - t0)))
print("matching %d of %d" % (matching, len(tests)))
