#!/usr/bin/env python3
"""Writes the DKIM inputs of bench/peers.sh into DIR: keys, signed messages and their key records.

    /usr/bin/python3 make-dkim-inputs.py DIR

Makes an RSA-2048 key (openssl) and an Ed25519 key (PyNaCl), a ~20 KB and a ~1 MB message
(deterministic text with runs of spaces and trailing blanks, so that relaxed canonicalization has
work to do), and signs them with dkimpy (relaxed/relaxed, seven signed headers):

  rsa-20k.eml   rsa-sha256, ~20 KB      ed-20k.eml   ed25519-sha256, ~20 KB
  rsa-1m.eml    rsa-sha256, ~1 MB
  zone.txt      NAME<TAB>TXT value, one key record a line (rsa._domainkey.bench.example, ...)

Every verifier in the benchmark reads the same files, so they verify the same bytes with the same
keys. Needs python3-dkim and python3-nacl (Debian), and openssl.
"""
import base64
import os
import random
import subprocess
import sys

import dkim
import nacl.signing

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
DOMAIN = b"bench.example"

rsa_pem = subprocess.run(["openssl", "genrsa", "-traditional", "2048"], check=True,
                         capture_output=True).stdout
rsa_pub = subprocess.run(["openssl", "rsa", "-pubout", "-outform", "DER"], input=rsa_pem,
                         check=True, capture_output=True).stdout
seed = bytes(random.Random(7).getrandbits(8) for _ in range(32))
ed = nacl.signing.SigningKey(seed)
ed_priv = base64.b64encode(seed)
ed_pub = base64.b64encode(bytes(ed.verify_key)).decode()

WORDS = "deliver mail server the report signature domain key and to of hello".split()


def message(size, seed):
    r = random.Random(seed)
    lines = []
    n = 0
    while n < size:
        line = ""
        while len(line) < 70:
            line += r.choice(WORDS) + ("  " if r.randrange(5) == 0 else " ")
        if r.randrange(4):
            line = line.rstrip()
        lines.append(line)
        n += len(line) + 2
    head = ("From: Sender <sender@bench.example>\r\nTo: rcpt@example.net\r\n"
            "Subject: Benchmark message\r\nDate: Fri, 04 Dec 2026 21:00:00 +0000\r\n"
            "Message-ID: <bench-%d@bench.example>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=us-ascii\r\n\r\n" % seed)
    return (head + "\r\n".join(lines) + "\r\n").encode()


HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type"]


def sign(msg, selector, key, alg):
    sig = dkim.sign(msg, selector, DOMAIN, key, canonicalize=(b"relaxed", b"relaxed"),
                    signature_algorithm=alg, include_headers=HEADERS, linesep=b"\r\n")
    return sig + msg


for name, size, sel, key, alg in [
    ("rsa-20k", 20_000, b"rsa", rsa_pem, b"rsa-sha256"),
    ("ed-20k", 20_000, b"ed", ed_priv, b"ed25519-sha256"),
    ("rsa-1m", 1_000_000, b"rsa", rsa_pem, b"rsa-sha256"),
]:
    with open(os.path.join(out, name + ".eml"), "wb") as f:
        f.write(sign(message(size, len(name) + size), sel, key, alg))
with open(os.path.join(out, "zone.txt"), "w") as f:
    f.write("rsa._domainkey.bench.example\tv=DKIM1; k=rsa; p=%s\n" % base64.b64encode(rsa_pub).decode())
    f.write("ed._domainkey.bench.example\tv=DKIM1; k=ed25519; p=%s\n" % ed_pub)
