#!/usr/bin/python3
"""Fixtures for the `mailcheck message` interop tests (MessageInteropIT), made with dkimpy.

usage: message_fixtures.py make DNS_SERVER KEY_DIR OUT_DIR
         writes OUT_DIR/dkimpy-signed.eml   a bulk-style message (List-Unsubscribe one-click)
                                            signed by dkimpy as d=good.test s=rsa2048
                OUT_DIR/arc-forward.eml     that message as a mailing list forwards it: the
                                            list's Authentication-Results, a footer added to the
                                            body (DKIM now fails), then ARC-sealed by dkimpy as
                                            d=good.test s=rsa2048 (cv=none, i=1)
       message_fixtures.py verify DNS_SERVER FILE
         prints dkimpy's DKIM verdict on FILE ("pass" or "fail") through the given DNS server
       message_fixtures.py arc-verify DNS_SERVER FILE
         prints dkimpy's ARC chain verdict on FILE (none, pass or fail)
"""
import os
import sys

import dkim
import dns.resolver

MESSAGE = (
    b"From: Alice Example <alice@good.test>\r\n"
    b"To: msg@inbox.test\r\n"
    b"Subject: interop message analysis\r\n"
    b"Date: Sat, 28 Nov 2026 12:00:00 +0000\r\n"
    b"Message-ID: <message-interop-1@good.test>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"List-Unsubscribe: <https://good.test/unsubscribe/1>\r\n"
    b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
    b"\r\n"
    b"Hello,\r\n"
    b"\r\n"
    b"this message goes through the lab's Postfix.\r\n"
)


def dnsfunc_for(server):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [server]
    resolver.timeout = resolver.lifetime = 3

    def dnsfunc(name, timeout=5):
        try:
            answer = resolver.resolve(name.decode("ascii").rstrip("."), "TXT")
        except Exception:
            return None
        return b"".join(b"".join(r.strings) for r in answer[:1])

    return dnsfunc


def make(server, key_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(key_dir, "good-rsa2048.key"), "rb") as f:
        key = f.read()
    headers = [b"from", b"to", b"subject", b"date", b"message-id", b"list-unsubscribe",
               b"list-unsubscribe-post", b"from"]
    sig = dkim.sign(MESSAGE, b"rsa2048", b"good.test", key, canonicalize=(b"relaxed", b"relaxed"),
                    include_headers=headers)
    signed = sig + MESSAGE
    with open(os.path.join(out_dir, "dkimpy-signed.eml"), "wb") as f:
        f.write(signed)
    d = dnsfunc_for(server)
    if not dkim.verify(signed, dnsfunc=d):
        raise SystemExit("dkimpy does not verify its own signature")
    # The list receives it (DKIM passes there), adds a footer, and seals what it saw.
    received = (b"Authentication-Results: lists.good.test; dkim=pass header.d=good.test"
                b" header.s=rsa2048; spf=pass smtp.mailfrom=alice@good.test;"
                b" dmarc=pass header.from=good.test\r\n")
    forwarded = received + signed + b"--\r\nlists.good.test: unsubscribe at https://good.test/l\r\n"
    arc = dkim.arc_sign(forwarded, b"rsa2048", b"good.test", key, b"lists.good.test",
                        include_headers=[b"from", b"to", b"subject", b"date", b"message-id",
                                         b"mime-version"])
    sealed = b"".join(arc) + forwarded
    with open(os.path.join(out_dir, "arc-forward.eml"), "wb") as f:
        f.write(sealed)
    cv, _, reason = dkim.arc_verify(sealed, dnsfunc=d)
    if cv != dkim.CV_Pass:
        raise SystemExit("dkimpy does not validate its own ARC seal: %s %s" % (cv, reason))


def main():
    cmd = sys.argv[1]
    if cmd == "make":
        make(*sys.argv[2:5])
    elif cmd == "verify":
        with open(sys.argv[3], "rb") as f:
            print("pass" if dkim.verify(f.read(), dnsfunc=dnsfunc_for(sys.argv[2])) else "fail")
    elif cmd == "arc-verify":
        with open(sys.argv[3], "rb") as f:
            cv, _, _ = dkim.arc_verify(f.read(), dnsfunc=dnsfunc_for(sys.argv[2]))
        print(cv.decode("ascii").lower())
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
