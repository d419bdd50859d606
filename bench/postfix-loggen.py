#!/usr/bin/env python3
"""Writes a synthetic Postfix log (rsyslog RFC 3164 lines) of about SIZE megabytes to stdout.

    bench/postfix-loggen.py SIZE_MB [SEED] > mail.log

Real-shaped message flows as Postfix 3.7 logs them: inbound (postscreen, smtpd with TLS, cleanup,
qmgr, local/lmtp delivery), submission with SASL and outbound smtp over TLS (sent, deferred with
timeouts/greylisting/refusals, bounced with unknown users/policy), rejections (relay, unknown
user, RBL), SASL brute force, lines of other daemons. Deterministic for a seed.
"""
import random
import sys

size = int(sys.argv[1]) * 1024 * 1024
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
out = sys.stdout
months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
domains = ["gmail.com", "outlook.com", "yahoo.com", "example.org", "example.net", "gmx.de", "web.de",
           "icloud.com"] + [f"corp{i}.example" for i in range(200)]
relays = {"gmail.com": "gmail-smtp-in.l.google.com[142.250.1.26]:25",
          "outlook.com": "outlook-com.olc.protection.outlook.com[52.101.1.1]:25",
          "yahoo.com": "mta7.am0.yahoodns.net[67.195.204.72]:25"}
defer = ["connect to mx.{d}[192.0.2.44]:25: Connection timed out",
         "host mx.{d}[192.0.2.50] said: 450 4.7.1 <{r}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{d}.html (in reply to RCPT TO command)",
         "connect to mx.{d}[192.0.2.45]:25: Connection refused",
         "host mx.{d}[192.0.2.51] said: 421 4.7.0 [TSS04] Messages from 198.51.100.1 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command)"]
bounce = ["host mx.{d}[192.0.2.52] said: 550 5.1.1 <{r}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
          "host mx.{d}[192.0.2.53] said: 552 5.2.2 <{r}>: Mailbox full (in reply to RCPT TO command)",
          "host mx.{d}[192.0.2.54] said: 550 5.7.26 This mail has been blocked because the sender is unauthenticated. (in reply to end of DATA command)"]
t = 0
qn = 0x10000
pid = 2000
written = 0
day, month = 1, 4


def ts():
    s = t % 86400
    return f"{months[month]} {day:2d} {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d} mail "


def w(line):
    global written
    out.write(line)
    out.write("\n")
    written += len(line) + 1


while written < size:
    t += rnd.randint(0, 2)
    if t >= 86400 * day:
        day += 1
        if day > 28:
            day, month = 1, month + 1
    pid += 1
    p = ts()
    kind = rnd.random()
    ip = f"198.51.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
    if kind < 0.12:
        w(p + f"postfix/smtpd[{pid}]: connect from unknown[{ip}]")
        r = rnd.choice(["victim@example.com", "ghost@mail.example.com", "x@mail.example.com"])
        if r.startswith("victim"):
            reply = f"554 5.7.1 <{r}>: Relay access denied"
        elif r.startswith("ghost"):
            reply = f"550 5.1.1 <{r}>: Recipient address rejected: User unknown in local recipient table"
        else:
            reply = f"554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{ip}"
        w(p + f"postfix/smtpd[{pid}]: NOQUEUE: reject: RCPT from unknown[{ip}]: {reply}; from=<spam@spam.example> to=<{r}> proto=ESMTP helo=<spam.example>")
        w(p + f"postfix/smtpd[{pid}]: disconnect from unknown[{ip}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4")
        continue
    if kind < 0.16:
        bad = f"203.0.113.{rnd.randint(1, 20)}"
        w(p + f"postfix/submission/smtpd[{pid}]: warning: unknown[{bad}]: SASL LOGIN authentication failed: UGFzc3dvcmQ6")
        continue
    if kind < 0.18:
        w(p + f"dovecot: imap-login: Login: user=<u{rnd.randint(1, 99)}@example.com>, method=PLAIN, rip={ip}")
        continue
    qn += rnd.randint(1, 40)
    q = f"{qn:X}"
    inbound = kind < 0.6
    if inbound:
        svc = "postfix/smtpd"
        w(p + f"{svc}[{pid}]: connect from mx.{rnd.choice(domains)}[{ip}]")
        w(p + f"{svc}[{pid}]: Anonymous TLS connection established from mx.example.net[{ip}]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256")
        w(p + f"{svc}[{pid}]: {q}: client=mx.example.net[{ip}]")
        sender = f"news@{rnd.choice(domains)}"
    else:
        svc = "postfix/submission/smtpd"
        user = f"u{rnd.randint(1, 99)}@example.com"
        w(p + f"{svc}[{pid}]: connect from laptop[{ip}]")
        w(p + f"{svc}[{pid}]: Anonymous TLS connection established from laptop[{ip}]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)")
        w(p + f"{svc}[{pid}]: {q}: client=laptop[{ip}], sasl_method=PLAIN, sasl_username={user}")
        sender = user
    w(p + f"postfix/cleanup[{pid + 1}]: {q}: message-id=<{q}.{pid}@example.com>")
    size_b = rnd.randint(800, 200000)
    n = 1 if inbound else rnd.randint(1, 3)
    w(p + f"postfix/qmgr[900]: {q}: from=<{sender}>, size={size_b}, nrcpt={n} (queue active)")
    w(p + f"{svc}[{pid}]: disconnect from mx.example.net[{ip}] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7")
    for i in range(n):
        if inbound:
            r = f"user{rnd.randint(1, 500)}@mail.example.com"
            d1 = rnd.randint(1, 30) / 100
            w(p + f"postfix/lmtp[{pid + 2}]: {q}: to=<{r}>, relay=mail.example.com[private/dovecot-lmtp], delay={d1:.2f}, delays=0.01/0/0/{d1:.2f}, dsn=2.0.0, status=sent (250 2.0.0 <{r}> Saved)")
            continue
        d = rnd.choice(domains)
        r = f"rcpt{rnd.randint(1, 9999)}@{d}"
        relay = relays.get(d, f"mx.{d}[192.0.2.{rnd.randint(1, 254)}]:25")
        roll = rnd.random()
        a, b, c, e = rnd.randint(1, 20) / 100, rnd.randint(0, 5) / 100, rnd.randint(5, 80) / 100, rnd.randint(10, 150) / 100
        delay = a + b + c + e
        if roll < 0.85:
            w(p + f"postfix/smtp[{pid + 3}]: Untrusted TLS connection established to {relay}: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)")
            w(p + f"postfix/smtp[{pid + 3}]: {q}: to=<{r}>, relay={relay}, delay={delay:.2f}, delays={a:.2f}/{b:.2f}/{c:.2f}/{e:.2f}, dsn=2.0.0, status=sent (250 2.0.0 OK {q})")
        elif roll < 0.95:
            reason = rnd.choice(defer).format(d=d, r=r)
            w(p + f"postfix/smtp[{pid + 3}]: {q}: to=<{r}>, relay=none, delay={delay + 30:.0f}, delays={a:.2f}/{b:.2f}/30/0, dsn=4.4.1, status=deferred ({reason})")
        else:
            reason = rnd.choice(bounce).format(d=d, r=r)
            w(p + f"postfix/smtp[{pid + 3}]: {q}: to=<{r}>, relay={relay}, delay={delay:.2f}, delays={a:.2f}/{b:.2f}/{c:.2f}/{e:.2f}, dsn=5.0.0, status=bounced ({reason})")
    w(p + f"postfix/qmgr[900]: {q}: removed")
