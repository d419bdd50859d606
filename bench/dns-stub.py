#!/usr/bin/env python3
"""A tiny authoritative DNS responder on 127.0.0.1 for benchmarks (UDP only).

Usage: dns-stub.py PORT [DELAY_MS]. Every answer is sent DELAY_MS after its query arrived (default
0), each on its own timer, so that questions asked at once are answered at once: a loopback stand-in
for a resolver with network latency. Answers for the zone bench.test:

  bench.test        MX 10 mail.bench.test.   TXT "v=spf1 -all"
  mail.bench.test   A 127.0.0.1

and an SPF policy tree of 10 DNS-querying terms, three records deep, for bench/spf-latency.sh:

  tree.bench.test      TXT "v=spf1 mx a include:i1.tree.bench.test include:i2.tree.bench.test -all"
                       MX 10 mx1.tree.bench.test., MX 20 mx2.tree.bench.test.   A, AAAA
  i1.tree.bench.test   TXT "v=spf1 a:h1.tree.bench.test include:j1.tree.bench.test ~all"
  i2.tree.bench.test   TXT "v=spf1 a:h2.tree.bench.test a:h3.tree.bench.test
                            exists:e.tree.bench.test include:j2.tree.bench.test -all"
  j1, j2               TXT "v=spf1 ip4:... -all", "v=spf1 ip6:... -all"
  mx1, mx2, h1, h2, h3 A and AAAA; e A

and for bench/peers.sh's latency rows, on the same tree: a DMARC policy with an external report
destination (its authorization record under report.test) and a DKIM key for a common selector:

  _dmarc.tree.bench.test          TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:agg@report.test"
  tree.bench.test._report._dmarc.report.test   TXT "v=DMARC1"
  default._domainkey.tree.bench.test           TXT "v=DKIM1; k=ed25519; p=..."

Anything else under bench.test: NODATA (under tree.bench.test: NXDOMAIN for names without records);
outside it and report.test: REFUSED. Addresses are documentation ranges (RFC 5737, RFC 3849): nothing connects to
them. Prints "ready" on stdout once bound. Not for production use: it exists so that benchmarks never
leave the machine.
"""
import socket
import struct
import sys
import threading

ZONE = "bench.test"
T = "tree.bench.test"


def name(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\x00"


def txt(s):
    b = s.encode()
    return b"".join(bytes([len(b[i : i + 255])]) + b[i : i + 255] for i in range(0, len(b), 255))


def a(s):
    return socket.inet_pton(socket.AF_INET, s)


def aaaa(s):
    return socket.inet_pton(socket.AF_INET6, s)


def mx(pref, host):
    return struct.pack("!H", pref) + name(host)


A, MX, TXT, AAAA = 1, 15, 16, 28
RECORDS = {
    ("bench.test", MX): [mx(10, "mail.bench.test")],
    ("bench.test", TXT): [txt("v=spf1 -all")],
    ("mail.bench.test", A): [a("127.0.0.1")],
    (T, TXT): [
        txt("v=spf1 mx a include:i1.%s include:i2.%s -all" % (T, T)),
    ],
    (T, MX): [mx(10, "mx1." + T), mx(20, "mx2." + T)],
    (T, A): [a("192.0.2.1")],
    (T, AAAA): [aaaa("2001:db8::1")],
    ("i1." + T, TXT): [txt("v=spf1 a:h1.%s include:j1.%s ~all" % (T, T))],
    ("i2." + T, TXT): [
        txt("v=spf1 a:h2.%s a:h3.%s exists:e.%s include:j2.%s -all" % (T, T, T, T))
    ],
    ("j1." + T, TXT): [txt("v=spf1 ip4:198.51.100.0/24 -all")],
    ("j2." + T, TXT): [txt("v=spf1 ip6:2001:db8:2::/48 -all")],
    ("e." + T, A): [a("127.0.0.2")],
    ("_dmarc." + T, TXT): [txt("v=DMARC1; p=reject; sp=quarantine; rua=mailto:agg@report.test")],
    (T + "._report._dmarc.report.test", TXT): [txt("v=DMARC1")],
    ("default._domainkey." + T, TXT): [
        txt("v=DKIM1; k=ed25519; p=buXi/uXtD4qt+asvKR5lJ33s2VzEOYPAuPsvPwFqMqI=")
    ],
}
for i, host in enumerate(["mx1", "mx2", "h1", "h2", "h3"], start=10):
    RECORDS[(host + "." + T, A)] = [a("192.0.2.%d" % i)]
    RECORDS[(host + "." + T, AAAA)] = [aaaa("2001:db8::%d" % i)]
NAMES = {n for n, _ in RECORDS}


def parse_question(msg):
    labels, i = [], 12
    while msg[i] != 0:
        n = msg[i]
        labels.append(msg[i + 1 : i + 1 + n].decode("ascii", "replace").lower())
        i += n + 1
    qtype, qclass = struct.unpack("!HH", msg[i + 1 : i + 5])
    return ".".join(labels), qtype, msg[12 : i + 5]


def answer(msg):
    (qid, flags) = struct.unpack("!HH", msg[:4])
    qname, qtype, question = parse_question(msg)
    rd = flags & 0x0100
    if not any(qname == z or qname.endswith("." + z) for z in (ZONE, "report.test")):
        return struct.pack("!HHHHHH", qid, 0x8400 | rd | 5, 1, 0, 0, 0) + question
    # NXDOMAIN only inside the SPF tree, where the benchmark could tell; elsewhere NODATA as before
    inside = qname == T or qname.endswith("." + T) or qname.endswith("report.test")
    exists = any(n == qname or n.endswith("." + qname) for n in NAMES)
    rcode = 3 if inside and not exists else 0
    rdatas = RECORDS.get((qname, qtype), [])
    out = struct.pack("!HHHHHH", qid, 0x8400 | rd | rcode, 1, len(rdatas), 0, 0) + question
    for rdata in rdatas:
        out += b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, 300, len(rdata)) + rdata
    return out


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5353
    delay = (int(sys.argv[2]) if len(sys.argv) > 2 else 0) / 1000.0
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    print("ready", flush=True)
    while True:
        msg, addr = sock.recvfrom(4096)
        try:
            out = answer(msg)
        except (IndexError, struct.error):
            continue
        if delay > 0:
            t = threading.Timer(delay, sock.sendto, (out, addr))
            t.daemon = True
            t.start()
        else:
            sock.sendto(out, addr)


if __name__ == "__main__":
    main()
