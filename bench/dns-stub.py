#!/usr/bin/env python3
"""A tiny authoritative DNS responder on 127.0.0.1 for start-up benchmarks (UDP only).

Usage: dns-stub.py PORT. Answers for the zone bench.test:
  bench.test        MX 10 mail.bench.test.   TXT "v=spf1 -all"
  mail.bench.test   A 127.0.0.1
  anything else under bench.test: NODATA; outside it: REFUSED.
Prints "ready" on stdout once bound. Not for production use: it exists so that benchmarks never
leave the machine.
"""
import socket
import struct
import sys

ZONE = "bench.test"
RECORDS = {
    ("bench.test", 15): [struct.pack("!H", 10) + b"\x04mail\x05bench\x04test\x00"],
    ("bench.test", 16): [b"\x0bv=spf1 -all"],
    ("mail.bench.test", 1): [socket.inet_aton("127.0.0.1")],
}


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
    name, qtype, question = parse_question(msg)
    rd = flags & 0x0100
    if name != ZONE and not name.endswith("." + ZONE):
        return struct.pack("!HHHHHH", qid, 0x8400 | rd | 5, 1, 0, 0, 0) + question
    rdatas = RECORDS.get((name, qtype), [])
    out = struct.pack("!HHHHHH", qid, 0x8400 | rd, 1, len(rdatas), 0, 0) + question
    for rdata in rdatas:
        out += b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, 300, len(rdata)) + rdata
    return out


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5353
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    print("ready", flush=True)
    while True:
        msg, addr = sock.recvfrom(4096)
        try:
            sock.sendto(answer(msg), addr)
        except (IndexError, struct.error):
            pass


if __name__ == "__main__":
    main()
