#!/usr/bin/env python3
"""A loopback authoritative DNS responder for the many-domain benchmark (UDP only, asyncio).

    bench/dns-scale-stub.py PORT DELAY_MS [STATS_FILE]

Answers a generated zone of any number of mail domains, each DELAY_MS after its query arrived
(asyncio timers: thousands of queries wait at once without a thread each):

  dN.scale.test                 MX 10 mxK.hosting.scale.test.   (K = N mod 50: MX hosts are shared)
                                TXT "v=spf1 mx include:_spf.hosting.scale.test -all"
  _dmarc.dN.scale.test          TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@dN.scale.test"
  s1._domainkey.dN.scale.test   TXT "v=DKIM1; k=rsa; p=<a 2048-bit key>"
  mxK.hosting.scale.test        A 192.0.2.K+1 (RFC 5737: nothing connects there)
  _spf.hosting.scale.test       TXT "v=spf1 ip4:192.0.2.0/24 -all"
  K+1.2.0.192.in-addr.arpa      PTR mxK.hosting.scale.test.

Other names under scale.test: NODATA when the name exists, else NXDOMAIN; anything else: REFUSED
(so the run's blocklist and root lookups fail fast). Every second it counts the queries received;
with STATS_FILE, writes {"total": n, "max_per_second": m, "per_second": [...]} there on SIGTERM or
SIGINT, for checking a --qps limit at the server. Not for production use.
"""
import asyncio
import base64
import json
import re
import signal
import socket
import struct
import sys
import time

ZONE = "scale.test"
A, PTR, MX, TXT = 1, 12, 15, 16
DOMAIN = re.compile(r"^d(\d+)\.scale\.test$")
MXHOST = re.compile(r"^mx(\d+)\.hosting\.scale\.test$")
REV = re.compile(r"^(\d+)\.2\.0\.192\.in-addr\.arpa$")
# a syntactically valid 2048-bit RSA public key (SubjectPublicKeyInfo), built once
KEY = None


def rsa_key():
    n = (1 << 2047) | 0x10001 | (int.from_bytes(b"mailcheck-bench" * 17, "big") % (1 << 2040))
    nb = n.to_bytes(256, "big")
    nb = b"\x00" + nb

    def der(tag, body):
        ln = len(body)
        if ln < 128:
            return bytes([tag, ln]) + body
        lb = ln.to_bytes((ln.bit_length() + 7) // 8, "big")
        return bytes([tag, 0x80 | len(lb)]) + lb + body

    rsapub = der(0x30, der(0x02, nb) + der(0x02, b"\x01\x00\x01"))
    alg = der(0x30, der(0x06, bytes.fromhex("2a864886f70d010101")) + b"\x05\x00")
    spki = der(0x30, alg + der(0x03, b"\x00" + rsapub))
    return base64.b64encode(spki).decode()


def name(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\x00"


def txt(s):
    b = s.encode()
    return b"".join(bytes([len(b[i : i + 255])]) + b[i : i + 255] for i in range(0, len(b), 255))


def records(qname, qtype):
    """(exists, [rdata]) for a name under the zone."""
    m = DOMAIN.match(qname)
    if m:
        n = int(m.group(1))
        if qtype == MX:
            return True, [struct.pack("!H", 10) + name("mx%d.hosting.scale.test" % (n % 50))]
        if qtype == TXT:
            return True, [txt("v=spf1 mx include:_spf.hosting.scale.test -all")]
        return True, []
    if qname.startswith("_dmarc."):
        m = DOMAIN.match(qname[7:])
        if m:
            if qtype == TXT:
                return True, [txt("v=DMARC1; p=quarantine; rua=mailto:dmarc@" + qname[7:])]
            return True, []
    if qname.startswith("s1._domainkey."):
        if DOMAIN.match(qname[14:]):
            return True, [txt("v=DKIM1; k=rsa; p=" + KEY)] if qtype == TXT else []
    m = MXHOST.match(qname)
    if m:
        return True, [socket.inet_aton("192.0.2.%d" % (int(m.group(1)) + 1))] if qtype == A else []
    if qname == "_spf.hosting.scale.test":
        return True, [txt("v=spf1 ip4:192.0.2.0/24 -all")] if qtype == TXT else []
    if qname in (ZONE, "hosting." + ZONE):
        return True, []
    return False, []


def parse_question(msg):
    labels, i = [], 12
    while msg[i] != 0:
        n = msg[i]
        labels.append(msg[i + 1 : i + 1 + n].decode("ascii", "replace").lower())
        i += n + 1
    qtype, _ = struct.unpack("!HH", msg[i + 1 : i + 5])
    return ".".join(labels), qtype, msg[12 : i + 5]


def answer(msg):
    qid, flags = struct.unpack("!HH", msg[:4])
    qname, qtype, question = parse_question(msg)
    rd = flags & 0x0100
    m = REV.match(qname)
    if m:
        k = int(m.group(1)) - 1
        ok = 0 <= k < 50
        rdatas = [name("mx%d.hosting.scale.test" % k)] if ok and qtype == PTR else []
        rcode = 0 if ok else 3
    elif qname == ZONE or qname.endswith("." + ZONE):
        exists, rdatas = records(qname, qtype)
        rcode = 0 if exists else 3
    else:
        return struct.pack("!HHHHHH", qid, 0x8400 | rd | 5, 1, 0, 0, 0) + question
    out = struct.pack("!HHHHHH", qid, 0x8400 | rd | rcode, 1, len(rdatas), 0, 0) + question
    for rdata in rdatas:
        out += b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, 300, len(rdata)) + rdata
    return out


class Stub(asyncio.DatagramProtocol):
    def __init__(self, delay):
        self.delay = delay
        self.loop = asyncio.get_event_loop()
        self.counts = {}
        self.total = 0

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        sec = int(time.monotonic())
        self.counts[sec] = self.counts.get(sec, 0) + 1
        self.total += 1
        try:
            out = answer(data)
        except (IndexError, struct.error):
            return
        if self.delay > 0:
            self.loop.call_later(self.delay, self.transport.sendto, out, addr)
        else:
            self.transport.sendto(out, addr)


def main():
    global KEY
    KEY = rsa_key()
    port = int(sys.argv[1])
    delay = int(sys.argv[2]) / 1000.0
    stats = sys.argv[3] if len(sys.argv) > 3 else None
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind(("127.0.0.1", port))
    _, stub = loop.run_until_complete(loop.create_datagram_endpoint(lambda: Stub(delay), sock=sock))

    def stop():
        if stats:
            secs = sorted(stub.counts)
            per = [stub.counts[s] for s in secs]
            # the first and last seconds are partial
            inner = per[1:-1] if len(per) > 2 else per
            with open(stats, "w") as f:
                json.dump({"total": stub.total, "max_per_second": max(inner, default=0),
                           "per_second": per}, f)
        loop.stop()

    loop.add_signal_handler(signal.SIGTERM, stop)
    loop.add_signal_handler(signal.SIGINT, stop)
    print("ready", flush=True)
    loop.run_forever()


if __name__ == "__main__":
    main()
