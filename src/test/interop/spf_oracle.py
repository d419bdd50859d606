#!/usr/bin/python3
"""SPF oracle for the interop suite: pyspf's check_host() result for each case, through Knot.

usage: spf_oracle.py DNS_SERVER CASES.tsv > oracle.tsv
Output columns (tab-separated): sender ip helo expected pyspf_result pyspf_explanation
"""
import sys

import dns.resolver
import spf


def main():
    server, cases = sys.argv[1], sys.argv[2]
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [server]
    resolver.timeout = resolver.lifetime = 3
    dns.resolver.default_resolver = resolver  # pyspf asks the module-level resolver
    print("# sender\tip\thelo\texpected\tpyspf\texplanation")
    for line in open(cases, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        sender, ip, helo, expected = line.split("\t")
        result, explanation = spf.check2(i=ip, s=sender, h=helo, querytime=10)
        explanation = " ".join(str(explanation).split())
        print("\t".join([sender, ip, helo, expected, result, explanation]))


if __name__ == "__main__":
    main()
