#!/usr/bin/python3
"""DKIM fixtures for the interop suite, signed by dkimpy with the keys run.sh generated.

usage: dkim_sign.py DNS_SERVER KEY_DIR OUT_DIR

Writes OUT_DIR/*.eml and OUT_DIR/index.tsv with one line per message:
  file  domain  selector  algorithm  canonicalization  length  expected  dkimpy  note
"expected" is what a verifier must say (pass or fail); "dkimpy" is what dkimpy's own verifier says
through the real DNS server, so the test can check the fixtures themselves before comparing mailcheck.
Variants: every header/body canonicalization pair x {RSA-2048, Ed25519} x {without, with l=}; for each,
one body byte changed and one signed header changed (fail); with l=, text appended after the signed
length (pass: what l= allows); one LF-only copy; the 1024-bit key (pass) and the 512-bit test-mode key; and a message signed by
OpenDKIM (opendkim-testmsg) with its body-changed copy.
"""
import os
import shutil
import subprocess
import sys

import dkim
import dns.resolver

MESSAGE = (
    b"From: Alice Example <alice@good.test>\r\n"
    b"To: bob@weak.test\r\n"
    b"Subject: interop   test\r\n"
    b"\tfolded subject line\r\n"
    b"Date: Sat, 28 Nov 2026 12:00:00 +0000\r\n"
    b"Message-ID: <interop-1@good.test>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Hello Bob,  \r\n"
    b"\r\n"
    b"this body has  double  spaces, trailing blanks \t \r\n"
    b"and empty lines at the end.\r\n"
    b"\r\n"
    b"\r\n"
)

KEYS = [
    # key file, domain, selector, algorithm
    ("good-rsa2048", b"good.test", b"rsa2048", b"rsa-sha256"),
    ("good-ed25519", b"good.test", b"ed25519", b"ed25519-sha256"),
]
CANONS = [(h, b) for h in (b"simple", b"relaxed") for b in (b"simple", b"relaxed")]


def main():
    server, key_dir, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [server]
    resolver.timeout = resolver.lifetime = 3

    def dnsfunc(name, timeout=5):
        try:
            answer = resolver.resolve(name.decode("ascii").rstrip("."), "TXT")
        except Exception:
            return None
        return b"".join(b"".join(r.strings) for r in answer)

    rows = []

    def emit(name, msg, domain, selector, alg, canon, length, expected, note, minkey=1024):
        with open(os.path.join(out_dir, name + ".eml"), "wb") as f:
            f.write(msg)
        try:
            verdict = "pass" if dkim.verify(msg.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
                                            dnsfunc=dnsfunc, minkey=minkey) else "fail"
        except Exception as e:  # dkimpy raises on keys it refuses
            verdict = "error:" + type(e).__name__
        rows.append([name + ".eml", domain.decode(), selector.decode(), alg.decode(),
                     canon, "yes" if length else "no", expected, verdict, note])

    def key(name):
        with open(os.path.join(key_dir, name + ".key"), "rb") as f:
            return f.read()

    for key_file, domain, selector, alg in KEYS:
        for hc, bc in CANONS:
            for length in (False, True):
                canon = (hc + b"/" + bc).decode()
                base = "%s-%s-%s%s" % (key_file, hc.decode(), bc.decode(), "-l" if length else "")
                sig = dkim.sign(MESSAGE, selector, domain, key(key_file), canonicalize=(hc, bc),
                                signature_algorithm=alg, length=length,
                                include_headers=[b"from", b"to", b"subject", b"date",
                                                 b"message-id", b"mime-version", b"content-type"])
                signed = sig + MESSAGE
                emit(base, signed, domain, selector, alg, canon, length, "pass", "as signed")
                emit(base + "-body-changed", signed.replace(b"Hello Bob", b"Hello Rob"),
                     domain, selector, alg, canon, length, "fail", "body hash mismatch")
                emit(base + "-header-changed", signed.replace(b"interop   test", b"interop   TEST"),
                     domain, selector, alg, canon, length, "fail", "signature mismatch")
                if length:
                    emit(base + "-appended", signed + b"Appended after signing.\r\n",
                         domain, selector, alg, canon, length, "pass", "text after l= length")
    # An LF-only copy (as most mail clients save files).
    sig = dkim.sign(MESSAGE, b"rsa2048", b"good.test", key("good-rsa2048"),
                    canonicalize=(b"relaxed", b"relaxed"))
    emit("good-rsa2048-lf-only", (sig + MESSAGE).replace(b"\r\n", b"\n"), b"good.test", b"rsa2048",
         b"rsa-sha256", "relaxed/relaxed", False, "pass", "LF line endings")
    # Weak key: verifies, but 1024 bits.
    sig = dkim.sign(MESSAGE.replace(b"good.test", b"weak.test"), b"rsa1024", b"weak.test",
                    key("weak-rsa1024"), canonicalize=(b"relaxed", b"relaxed"))
    emit("weak-rsa1024", sig + MESSAGE.replace(b"good.test", b"weak.test"), b"weak.test", b"rsa1024",
         b"rsa-sha256", "relaxed/relaxed", False, "pass", "1024-bit key")
    # 512-bit key in test mode (t=y): cryptographically valid, but too short (RFC 8301: < 1024 must fail).
    try:
        msg = MESSAGE.replace(b"good.test", b"broken.test")
        sig = dkim.sign(msg, b"rsa512", b"broken.test", key("broken-rsa512"),
                        canonicalize=(b"relaxed", b"relaxed"))
        emit("broken-rsa512", sig + msg, b"broken.test", b"rsa512", b"rsa-sha256", "relaxed/relaxed",
             False, "fail", "512-bit key in test mode")
    except Exception as e:
        print("note: dkimpy refused to sign with the 512-bit key: %s" % e, file=sys.stderr)

    # A second, independent signer: OpenDKIM's library (opendkim-testmsg signs relaxed/simple with
    # rsa-sha1, which RFC 8301 deprecates: valid cryptographically, to be verified with a warning).
    if shutil.which("opendkim-testmsg"):
        out = subprocess.run(["opendkim-testmsg", "-C", "-d", "good.test", "-s", "rsa2048",
                              "-k", os.path.join(key_dir, "good-rsa2048.key")],
                             input=MESSAGE, capture_output=True, check=True).stdout
        if b"DKIM-Signature:" not in out:
            raise SystemExit("opendkim-testmsg did not sign")
        alg = b"rsa-sha1" if b"a=rsa-sha1" in out else b"rsa-sha256"
        emit("opendkim-rsa2048", out, b"good.test", b"rsa2048", alg, "relaxed/simple", False,
             "pass", "opendkim: as signed")
        emit("opendkim-rsa2048-body-changed", out.replace(b"Hello Bob", b"Hello Rob"), b"good.test",
             b"rsa2048", alg, "relaxed/simple", False, "fail", "opendkim: body hash mismatch")
    else:
        print("note: opendkim-testmsg not installed; no OpenDKIM-signed fixtures", file=sys.stderr)

    with open(os.path.join(out_dir, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tdomain\tselector\talgorithm\tcanonicalization\tlength\texpected\tdkimpy\tnote\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
