#!/usr/bin/env bash
# mailcheck real-server interop suite (issue 3).
#
#   src/test/interop/run.sh          install what is missing, start everything, run the interop
#                                    tests (Maven profile "interop"), stop everything (also on failure)
#   src/test/interop/run.sh start    install, start and leave running; prints how to use it
#   src/test/interop/run.sh stop     stop what "start" started (by the PIDs it recorded)
#   src/test/interop/run.sh status   show what is running
#
# Everything listens on 127.25.0.0/24 only. Keys, certificates, configs, logs and the PID list live
# in $MAILCHECK_INTEROP_DIR (default /tmp/mailcheck-interop); nothing secret is written to the
# repository. Needs root (binds port 53/25/465/587, installs Debian packages with apt-get).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
D=${MAILCHECK_INTEROP_DIR:-/tmp/mailcheck-interop}
STATE_CACHE=${MAILCHECK_INTEROP_CACHE:-/var/tmp/mailcheck-interop-cache} # kept across lab restarts
PY=/usr/bin/python3 # the Debian python, which sees python3-spf/python3-dkim (not a pyenv shim)

# Addresses (documented in CONTRIBUTING.md; the zones under zones/ point at them).
NET=127.25.0
DNS_IP=$NET.53   # Knot, port 53
MX1_IP=$NET.10   # mx1.good.test: 25 (STARTTLS may), 587 (STARTTLS required + AUTH), 465 (implicit TLS + AUTH)
MX2_IP=$NET.11   # mx2.good.test: 25 (STARTTLS may)
PLAIN_IP=$NET.20 # mx.weak.test: 25 and 587, no TLS at all, AUTH offered in clear text
BAD_IP=$NET.30   # mx.broken.test: 25 (STARTTLS) and 465, expired certificate for another name, TLS 1.0/1.1 accepted
WEB_IP=$NET.40   # nginx, 443: MTA-STS policies (mta-sts.{good,stsmiss,ststesting}.test) and the BIMI logo (bimi.good.test)
ALL_SMTP_IPS="$MX1_IP $MX2_IP $PLAIN_IP $BAD_IP"
SILENT_IP=$NET.54 # a UDP socket that never answers: slow.bl.test (a blocklist that times out) forwards there

PKGS="knot knot-dnsutils knot-dnssecutils postfix dovecot-core swaks libnet-ssleay-perl
      libauthen-sasl-perl python3-spf python3-dnspython python3-dkim python3-nacl opendkim-tools
      openssl nginx pflogsumm
      chromium"

log() { printf '[interop %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Installation (idempotent, non-interactive; no service of the packages is started)
# ---------------------------------------------------------------------------------------------
install_packages() {
  local missing=() p
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "packages already installed"
    return
  fi
  [ "$(id -u)" = 0 ] || die "need root to install: ${missing[*]}"
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # No system Postfix configuration, so the package does not set up an MTA on port 25.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  # Keep maintainer scripts from starting the system knot/postfix/dovecot services: a policy-rc.d
  # that denies every start, only for the duration of the install (and only if there is none).
  local policy_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    policy_added=1
  fi
  local rc=0
  { apt-get update -q && apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"; } \
    > "$D.apt.log" 2>&1 || rc=$?
  [ -n "$policy_added" ] && rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || { tail -30 "$D.apt.log" >&2; die "apt-get failed (log: $D.apt.log)"; }
  # Where systemd runs, make sure the system units stay off (they could take port 25/53).
  if [ -d /run/systemd/system ]; then
    systemctl disable --now postfix.service dovecot.service knot.service nginx.service >/dev/null 2>&1 || true
  fi
  log "installed"
}

# ---------------------------------------------------------------------------------------------
# Keys and certificates (generated at every start; private keys stay in $D)
# ---------------------------------------------------------------------------------------------
make_pki() {
  local p=$D/pki
  mkdir -p "$p/ca/newcerts"
  ( cd "$p"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -sha256 \
      -subj "/O=mailcheck interop/CN=mailcheck interop test CA" \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
    # The good certificate: every name of the TLS listeners that are meant to be right.
    openssl req -newkey rsa:2048 -nodes -keyout mx.key -out mx.csr -subj "/CN=mx1.good.test" 2>/dev/null
    printf '%s\n' "subjectAltName=DNS:mx1.good.test,DNS:mx2.good.test" \
      "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth" > mx.ext
    openssl x509 -req -in mx.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -sha256 \
      -extfile mx.ext -out mx.crt 2>/dev/null
    cat mx.crt ca.crt > mx.chain.pem
    # The HTTPS server's certificate: every MTA-STS policy host and the BIMI logo host.
    openssl req -newkey rsa:2048 -nodes -keyout web.key -out web.csr -subj "/CN=mta-sts.good.test" 2>/dev/null
    printf '%s\n' "subjectAltName=DNS:mta-sts.good.test,DNS:mta-sts.stsmiss.test,DNS:mta-sts.ststesting.test,DNS:bimi.good.test" \
      "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth" > web.ext
    openssl x509 -req -in web.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -sha256 \
      -extfile web.ext -out web.crt 2>/dev/null
    cat web.crt ca.crt > web.chain.pem
    # Expired (2020-01-01..2021-01-01) and for a name no MX has: openssl ca can set both dates
    # (OpenSSL 3.0's req/x509 cannot), so no faketime is needed.
    openssl req -newkey rsa:2048 -nodes -keyout expired.key -out expired.csr -subj "/CN=wrong-name.invalid" 2>/dev/null
    : > ca/index.txt
    echo 1000 > ca/serial
    cat > ca.cnf <<EOF
[ca]
default_ca = interop
[interop]
dir = $p/ca
database = $p/ca/index.txt
new_certs_dir = $p/ca/newcerts
serial = $p/ca/serial
default_md = sha256
policy = any
unique_subject = no
x509_extensions = server
[any]
commonName = supplied
[server]
subjectAltName = DNS:wrong-name.invalid
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
EOF
    openssl ca -batch -notext -config ca.cnf -cert ca.crt -keyfile ca.key \
      -startdate 20200101000000Z -enddate 20210101000000Z -in expired.csr -out expired.crt 2>/dev/null
    cat expired.crt ca.crt > expired.chain.pem
    chmod 600 ./*.key
  )
}

# TXT presentation of a DKIM key record: the value split into <=255-octet character-strings.
txt_strings() {
  local s=$1 out=""
  while [ ${#s} -gt 0 ]; do out+="\"${s:0:255}\" "; s=${s:255}; done
  printf '%s' "${out% }"
}

rsa_dkim_key() { # name bits -> $D/dkim/name.key (PEM) and prints the base64 SubjectPublicKeyInfo
  openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$2" -out "$D/dkim/$1.key" 2>/dev/null
  openssl pkey -in "$D/dkim/$1.key" -pubout -outform DER 2>/dev/null | base64 -w0
}

make_dkim_and_zones() {
  mkdir -p "$D/dkim" "$D/zones"
  local good_rsa weak_rsa bad_rsa good_ed
  good_rsa=$(rsa_dkim_key good-rsa2048 2048)
  weak_rsa=$(rsa_dkim_key weak-rsa1024 1024)
  bad_rsa=$(rsa_dkim_key broken-rsa512 512)
  # Ed25519 (RFC 8463) with dkimpy's own key tool: raw 32-byte keys, base64.
  ( cd "$D/dkim" && dknewkey --ktype ed25519 good-ed25519 >/dev/null 2>&1 )
  good_ed=$(sed -n 's/.*p=\([A-Za-z0-9+\/=]*\).*/\1/p' "$D/dkim/good-ed25519.dns")
  [ -n "$good_ed" ] || die "could not read the Ed25519 public key from dknewkey"
  chmod 600 "$D"/dkim/*.key
  # DANE (RFC 7672): TLSA data from the lab's certificates. mx1: DANE-EE SPKI SHA-256 (3 1 1);
  # mx2: DANE-TA full CA certificate SHA-256 (2 0 1); mx3 (bad-tlsa.good.test): 3 1 1 of the
  # expired certificate's key, which no lab server presents (a stale record after a key change).
  local tlsa_mx tlsa_ca tlsa_stale
  tlsa_mx=$(openssl x509 -in "$D/pki/mx.crt" -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1)
  tlsa_ca=$(openssl x509 -in "$D/pki/ca.crt" -outform DER | sha256sum | cut -d' ' -f1)
  tlsa_stale=$(openssl x509 -in "$D/pki/expired.crt" -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1)
  presign_expired
  local ds_expired
  ds_expired=$(keymgr -c "$D/presign/knot.conf" expired.good.test ds 2>/dev/null | awk '$5 == 2 {print $3, $4, $5, $6; exit}')
  [ -n "$ds_expired" ] || die "could not read the DS of the pre-signed expired.good.test"
  local f
  for f in "$HERE"/zones/*.zone; do
    sed -e "s|@DKIM_GOOD_RSA2048@|$(txt_strings "v=DKIM1; k=rsa; p=$good_rsa")|" \
        -e "s|@TLSA_MX_SPKI@|$tlsa_mx|" -e "s|@TLSA_CA_CERT@|$tlsa_ca|" -e "s|@TLSA_STALE@|$tlsa_stale|" \
        -e "s|@DS_EXPIRED@|$ds_expired|" \
        -e "s|@DKIM_GOOD_ED25519@|$(txt_strings "v=DKIM1; k=ed25519; p=$good_ed")|" \
        -e "s|@DKIM_WEAK_RSA1024@|$(txt_strings "v=DKIM1; k=rsa; p=$weak_rsa")|" \
        -e "s|@DKIM_BROKEN_RSA512@|$(txt_strings "v=DKIM1; k=rsa; t=y; p=$bad_rsa")|" \
        "$f" > "$D/zones/$(basename "$f")"
  done
  # The pre-signed zone is served as kzonesign wrote it.
  cp "$D/presign/zones/expired.good.test.zone" "$D/zones/expired.good.test.zone"
  make_scale_zone
}

# Issue 17: scale.test, 1,000 generated mail domains d1..d1000.scale.test for the many-domain run
# (ScaleInteropIT): MX to mx1.good.test (one shared MX host), SPF, and DMARC on the even ones.
SCALE_DOMAINS=1000
make_scale_zone() {
  local i
  {
    printf '$ORIGIN scale.test.\n$TTL 300\n'
    printf '@ SOA ns.scale.test. hostmaster.scale.test. 1 3600 600 86400 300\n@ NS ns.scale.test.\n'
    printf 'ns A %s\n' "$DNS_IP"
    for i in $(seq 1 "$SCALE_DOMAINS"); do
      printf 'd%d MX 10 mx1.good.test.\nd%d TXT "v=spf1 mx -all"\n' "$i" "$i"
      if [ $((i % 2)) -eq 0 ]; then printf '_dmarc.d%d TXT "v=DMARC1; p=reject"\n' "$i"; fi
    done
  } > "$D/zones/scale.test.zone"
}

# DNSSEC (issue 12): Knot signs every lab zone itself (automatic signing, policy "lab"), except
#   insecure.good.test   unsigned, delegated from good.test without DS (an insecure delegation)
#   expired.good.test    signed once by kzonesign as of 2020-01-01 (signatures expired 2020-01-15),
#                        DS in good.test, served as a plain zone file: bogus
# The lab's trust anchors are the key-signing DNSKEYs of the top zones, exported to
# $D/dnssec/trust-anchors.zone for --trust-anchor.
UNSIGNED_ZONES="insecure.good.test expired.good.test scale.test"
TOP_ZONES="good.test weak.test broken.test spflimit.test nullmx.test nomx.test ruaext.test reports.test 0.25.127.in-addr.arpa"

presign_expired() {
  mkdir -p "$D/presign/zones" "$D/presign/db"
  cp "$HERE/zones/expired.good.test.zone.in" "$D/presign/zones/expired.good.test.zone"
  cat > "$D/presign/knot.conf" <<CONF
database:
    storage: $D/presign/db
policy:
  - id: expired
    algorithm: ecdsap256sha256
    rrsig-lifetime: 14d
    rrsig-refresh: 7d
    nsec3: off
template:
  - id: default
    storage: $D/presign/zones
    file: "%s.zone"
zone:
  - domain: expired.good.test
    dnssec-signing: on
    dnssec-policy: expired
CONF
  # 1577836800 = 2020-01-01T00:00:00Z: every signature expires on 2020-01-15.
  kzonesign -c "$D/presign/knot.conf" -t 1577836800 expired.good.test > "$D/presign/kzonesign.log" 2>&1 \
    || die "kzonesign failed: $(tail -3 "$D/presign/kzonesign.log")"
  grep -q RRSIG "$D/presign/zones/expired.good.test.zone" || die "kzonesign wrote no signatures"
}

export_trust_anchors() {
  mkdir -p "$D/dnssec"
  local z i keys out="; The interop lab's DNSSEC trust anchors: the key-signing DNSKEYs of its top zones."
  for z in $TOP_ZONES; do
    keys=""
    for i in $(seq 100); do
      keys=$(kdig +short +time=1 +retry=0 @"$DNS_IP" "$z" DNSKEY 2>/dev/null | awk '$1 == 257')
      [ -n "$keys" ] && break
      sleep 0.1
    done
    [ -n "$keys" ] || die "Knot did not sign $z (no DNSKEY; see $D/knot.log)"
    out+=$'\n'$(printf '%s\n' "$keys" | sed "s|^|$z. 3600 IN DNSKEY |")
  done
  printf '%s\n' "$out" > "$D/dnssec/trust-anchors.zone"
}

# ---------------------------------------------------------------------------------------------
# Knot (authoritative DNS)
# ---------------------------------------------------------------------------------------------
start_knot() {
  mkdir -p "$D/knot/db"
  {
    cat <<EOF
server:
    listen: $DNS_IP@53
    rundir: $D/knot
    # slow.bl.test holds a worker for the dnsproxy timeout: keep others free for the rest
    udp-workers: 8
    pidfile: $D/knot/knot.pid
log:
  - target: $D/knot.log
    any: info
database:
    storage: $D/knot/db
control:
    listen: $D/knot/knot.sock
policy:
  - id: lab
    algorithm: ecdsap256sha256
    nsec3: off
remote:
  - id: silent
    address: $SILENT_IP@53
mod-dnsproxy:
  - id: silent
    remote: silent
    timeout: 4000
    fallback: off
template:
  - id: default
    storage: $D/zones
    file: "%s.zone"
    semantic-checks: off
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
    dnssec-signing: on
    dnssec-policy: lab
zone:
EOF
    local f
    for f in "$D"/zones/*.zone; do
      f=$(basename "$f" .zone)
      printf '  - domain: %s\n' "$f"
      case " $UNSIGNED_ZONES " in *" $f "*) printf '    dnssec-signing: off\n' ;; esac
      if [ "$f" = slow.bl.test ]; then printf '    module: mod-dnsproxy/silent\n'; fi
    done
  } > "$D/knot.conf"
  knotc -c "$D/knot.conf" conf-check >/dev/null || die "knot configuration invalid ($D/knot.conf)"
  knotd -c "$D/knot.conf" > "$D/knot.stdout" 2>&1 9>&- &
  echo "knotd $!" >> "$D/pids"
  "$PY" "$HERE/silent_dns.py" "$SILENT_IP" 53 > "$D/silent_dns.log" 2>&1 9>&- &
  echo "silentdns $!" >> "$D/pids"
}

# ---------------------------------------------------------------------------------------------
# Dovecot (SASL authentication only) and Postfix
# ---------------------------------------------------------------------------------------------
make_user() {
  mkdir -p "$D/secrets"
  chmod 700 "$D/secrets"
  printf 'interop@good.test' > "$D/secrets/user"
  openssl rand -hex 16 | tr -d '\n' > "$D/secrets/password"
  chmod 600 "$D/secrets/password"
  # passwd-file with a SHA512-CRYPT hash; the password goes through stdin, never argv.
  local hash
  hash=$(openssl passwd -6 -stdin < "$D/secrets/password")
  mkdir -p "$D/dovecot"
  printf 'interop@good.test:{SHA512-CRYPT}%s::::::\n' "$hash" > "$D/dovecot/users"
  chown root:dovecot "$D/dovecot/users"
  chmod 640 "$D/dovecot/users"
}

write_dovecot() {
  mkdir -p "$D/dovecot/run" "$D/dovecot/state"
  cat > "$D/dovecot/dovecot.conf" <<EOF
# Dovecot as SASL authentication server for Postfix only: no IMAP/POP3, no listeners on the network.
protocols =
base_dir = $D/dovecot/run
state_dir = $D/dovecot/state
log_path = $D/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=SHA512-CRYPT $D/dovecot/users
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=/nonexistent
}
service auth {
  unix_listener $D/postfix-queue/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
}

write_postfix() {
  local c=$D/postfix
  mkdir -p "$c" "$D/postfix-queue" "$D/postfix-data" "$D/maildir"
  chown 65534:65534 "$D/maildir"
  chown postfix:postfix "$D/postfix-data"
  chmod 700 "$D/postfix-data"
  cat > "$c/main.cf" <<EOF
# mailcheck interop Postfix: listeners on 127.25.0.0/24 only, no relaying, nothing ever leaves.
compatibility_level = 3.6
queue_directory = $D/postfix-queue
data_directory = $D/postfix-data
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
maillog_file_prefixes = $D
maillog_file = $D/postfix.log
myhostname = mx1.good.test
mydomain = good.test
myorigin = \$myhostname
mydestination = \$myhostname, good.test
local_recipient_maps =
alias_maps =
alias_database =
# Every smtpd listener in master.cf names its own 127.25.0.x address; Postfix refuses addresses in
# inet_interfaces that no interface carries (lo has only 127.0.0.1/8), so those are listed as
# proxy_interfaces (which is also what makes them count as "this host" for mail routing).
inet_interfaces = loopback-only
proxy_interfaces = $(echo $ALL_SMTP_IPS | sed 's/ /, /g')
inet_protocols = ipv4
# Empty: not even 127.0.0.0/8 is trusted, so the relay test sees what a stranger sees.
mynetworks =
smtpd_peername_lookup = no
smtpd_banner = \$myhostname ESMTP mailcheck-interop
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions =
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = no
smtpd_tls_chain_files = $D/pki/mx.key, $D/pki/mx.chain.pem
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
# TLS 1.2+ only, except on the deliberately bad listener (127.25.0.30), which still takes TLS 1.0/1.1.
smtpd_tls_protocols = >=TLSv1.2
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_loglevel = 1
message_size_limit = 10485760
# Nothing is delivered anywhere: accepted mail is discarded, except three test domains that
# PostfixInteropIT sends to after AUTH on 587, for real deferrals and bounces in postfix.log:
# deferred.test to a port where nothing listens, relayed.test to mx2 (this same instance: Postfix
# bounces it as a loop), nouser.test to local(8), which bounces a user it does not know.
transport_maps = inline:{ deferred.test=smtp:[$MX1_IP]:2599, relayed.test=smtp:[$MX2_IP]:25, nouser.test=local: }
# Nothing is delivered anywhere: accepted mail is discarded, except for msg@inbox.test, which the
# virtual agent delivers into the Maildir $D/maildir/inbox/, and mbox@inbox.test, into the mbox
# $D/maildir/inbox.mbox ("From " lines quoted as ">From "): mailcheck message reads them back.
virtual_mailbox_domains = inbox.test
virtual_mailbox_base = $D/maildir
virtual_mailbox_maps = inline:{ msg@inbox.test=inbox/, mbox@inbox.test=inbox.mbox }
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
virtual_minimum_uid = 100
default_transport = discard:interop
local_transport = discard:interop
relay_transport = discard:interop
biff = no
readme_directory = no
EOF
  local smtpd="inet n - n - - smtpd"
  local auth="-o smtpd_sasl_auth_enable=yes"
  local bad_tls="-o smtpd_tls_chain_files=$D/pki/expired.key,$D/pki/expired.chain.pem -o smtpd_tls_protocols=>=TLSv1 -o smtpd_tls_mandatory_protocols=>=TLSv1 -o tls_low_cipherlist=DEFAULT:@SECLEVEL=0 -o smtpd_tls_ciphers=low"
  local plain="-o smtpd_tls_security_level=none -o smtpd_tls_auth_only=no $auth"
  cat > "$c/master.cf" <<EOF
# service type private unpriv chroot wakeup maxproc command
$MX1_IP:25 $smtpd
$MX1_IP:587 $smtpd -o syslog_name=postfix/submission -o smtpd_tls_security_level=encrypt $auth -o smtpd_client_restrictions=
$MX1_IP:465 $smtpd -o syslog_name=postfix/smtps -o smtpd_tls_wrappermode=yes $auth
$MX2_IP:25 $smtpd -o myhostname=mx2.good.test -o smtpd_reject_unlisted_recipient=no -o smtpd_tls_received_header=yes
$PLAIN_IP:25 $smtpd -o syslog_name=postfix/plain -o myhostname=mx.weak.test $plain
$PLAIN_IP:587 $smtpd -o syslog_name=postfix/plain-submission -o myhostname=mx.weak.test $plain
$BAD_IP:25 $smtpd -o syslog_name=postfix/badcert -o myhostname=mx.broken.test $bad_tls
$BAD_IP:465 $smtpd -o syslog_name=postfix/badcert-smtps -o myhostname=mx.broken.test -o smtpd_tls_wrappermode=yes $auth $bad_tls
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
# only for nouser.test (transport_maps): local(8) bounces users it does not know
local     unix  -       n       n       -       -       local
EOF
}

start_mail() {
  write_dovecot
  write_postfix
  # Postfix creates its queue directories and checks their ownership before it starts.
  # (Postfix commands print their errors only to a terminal or syslog: "script" gives them one.)
  script -qec "postfix -c $D/postfix check" /dev/null >> "$D/postfix.setup.log" 2>&1 || die "postfix check failed: $(tail -5 "$D/postfix.setup.log")"
  # Dovecot in the foreground (its PID is then ours); it creates the auth socket in Postfix's queue.
  dovecot -F -c "$D/dovecot/dovecot.conf" > "$D/dovecot.stdout" 2>&1 9>&- &
  echo "dovecot $!" >> "$D/pids"
  script -qec "postfix -c $D/postfix start" /dev/null >> "$D/postfix.setup.log" 2>&1 9>&- || die "postfix start failed: $(tail -5 "$D/postfix.setup.log")"
  local i
  for i in $(seq 50); do [ -s "$D/postfix-queue/pid/master.pid" ] && break; sleep 0.1; done
  [ -s "$D/postfix-queue/pid/master.pid" ] || die "postfix master did not write its PID"
  echo "postfix-master $(tr -d ' \n' < "$D/postfix-queue/pid/master.pid")" >> "$D/pids"
}

# ---------------------------------------------------------------------------------------------
# nginx (HTTPS: MTA-STS policies, BIMI logo)
# ---------------------------------------------------------------------------------------------
start_web() {
  local w=$D/www
  mkdir -p "$w/good/.well-known" "$w/stsmiss/.well-known" "$w/ststesting/.well-known" "$w/bimi" "$D/nginx/tmp"
  printf 'version: STSv1\r\nmode: enforce\r\nmx: mx1.good.test\r\nmx: *.good.test\r\nmax_age: 1209600\r\n' \
    > "$w/good/.well-known/mta-sts.txt"
  printf 'version: STSv1\nmode: enforce\nmx: mx1.good.test\nmax_age: 604800\n' > "$w/stsmiss/.well-known/mta-sts.txt"
  printf 'version: STSv1\nmode: testing\nmx: mx.broken.test\nmax_age: 86400\n' > "$w/ststesting/.well-known/mta-sts.txt"
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps" viewBox="0 0 100 100">' \
    '  <title>good.test</title>' \
    '  <rect width="100" height="100" fill="#0b6e4f"/>' \
    '  <circle cx="50" cy="50" r="32" fill="#ffffff"/>' \
    '</svg>' > "$w/bimi/logo.svg"
  chmod -R a+rX "$w"
  cat > "$D/nginx.conf" <<NGINX
worker_processes 1;
pid $D/nginx/nginx.pid;
error_log $D/nginx.log info;
events { worker_connections 64; }
http {
  access_log $D/nginx-access.log;
  client_body_temp_path $D/nginx/tmp/body;
  proxy_temp_path $D/nginx/tmp/proxy;
  fastcgi_temp_path $D/nginx/tmp/fastcgi;
  uwsgi_temp_path $D/nginx/tmp/uwsgi;
  scgi_temp_path $D/nginx/tmp/scgi;
  types { text/plain txt; image/svg+xml svg; }
  default_type application/octet-stream;
  ssl_certificate $D/pki/web.chain.pem;
  ssl_certificate_key $D/pki/web.key;
  ssl_protocols TLSv1.2 TLSv1.3;
  server { listen $WEB_IP:443 ssl; server_name mta-sts.good.test; root $w/good; }
  server { listen $WEB_IP:443 ssl; server_name mta-sts.stsmiss.test; root $w/stsmiss; }
  server { listen $WEB_IP:443 ssl; server_name mta-sts.ststesting.test; root $w/ststesting; }
  server { listen $WEB_IP:443 ssl; server_name bimi.good.test; root $w/bimi; }
}
NGINX
  nginx -t -c "$D/nginx.conf" -g 'daemon off;' > "$D/nginx.stdout" 2>&1 \
    || { cat "$D/nginx.stdout" >&2; die "nginx configuration invalid ($D/nginx.conf)"; }
  nginx -c "$D/nginx.conf" -g 'daemon off;' >> "$D/nginx.stdout" 2>&1 9>&- &
  echo "nginx $!" >> "$D/pids"
}

# ---------------------------------------------------------------------------------------------
# Readiness, reference-tool fixtures, environment file
# ---------------------------------------------------------------------------------------------
wait_tcp() { # ip port
  local i
  for i in $(seq 100); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  die "nothing listens on $1:$2 (see $D/*.log)"
}

wait_ready() {
  local i
  for i in $(seq 100); do
    kdig +short +time=1 +retry=0 @"$DNS_IP" good.test SOA 2>/dev/null | grep -q . && break
    sleep 0.1
  done
  kdig +short +time=1 +retry=0 @"$DNS_IP" good.test SOA | grep -q . || die "Knot does not answer on $DNS_IP (see $D/knot.log)"
  wait_tcp "$MX1_IP" 25; wait_tcp "$MX1_IP" 587; wait_tcp "$MX1_IP" 465; wait_tcp "$MX2_IP" 25
  wait_tcp "$PLAIN_IP" 25; wait_tcp "$PLAIN_IP" 587; wait_tcp "$BAD_IP" 25; wait_tcp "$BAD_IP" 465
  wait_tcp "$WEB_IP" 443
  for i in $(seq 50); do [ -S "$D/postfix-queue/private/auth" ] && break; sleep 0.1; done
  [ -S "$D/postfix-queue/private/auth" ] || die "Dovecot auth socket missing (see $D/dovecot.log)"
}

make_fixtures() {
  # SPF oracle: pyspf's result for every case, through Knot.
  "$PY" "$HERE/spf_oracle.py" "$DNS_IP" "$HERE/spf-cases.tsv" > "$D/spf-oracle.tsv" \
    || die "pyspf oracle failed"
  # DKIM: messages signed by dkimpy with every canonicalization pair, RSA and Ed25519, with/without l=.
  "$PY" "$HERE/dkim_sign.py" "$DNS_IP" "$D/dkim" "$D/dkim/messages" || die "dkimpy signing failed"
  # mailcheck message: a dkimpy-signed bulk-style message and its ARC-sealed list forward.
  "$PY" "$HERE/message_fixtures.py" make "$DNS_IP" "$D/dkim" "$D/message" || die "message fixtures failed"
  # The official SARIF 2.1.0 schema (OASIS, rtm.5) as Microsoft ships it in an npm package: the
  # reference --format sarif is validated against. Kept between runs; never committed.
  local sarif=$STATE_CACHE/sarif-2.1.0-rtm.5.json
  if [ ! -s "$sarif" ]; then
    # npm comes with Node.js; Debian's npm package only where no Node.js is installed (a Node.js
    # from elsewhere brings its own npm and conflicts with Debian's)
    command -v npm >/dev/null 2>&1 || apt-get install -y -q npm >>"$D.apt.log" 2>&1 ||
      die "npm is needed to fetch the SARIF schema and could not be installed"
    mkdir -p "$STATE_CACHE"
    (cd "$STATE_CACHE" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null &&
      tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json &&
      mv package/lib/schemas/sarif-2.1.0-rtm.5.json "$sarif" && rm -rf package ./*.tgz) ||
      die "could not fetch the SARIF schema from npm (@microsoft/jest-sarif)"
  fi
}

write_env() {
  cat > "$D/interop.properties" <<EOF
# Written by src/test/interop/run.sh; read by the *InteropIT tests (-Dmailcheck.interop=this file).
dir=$D
dns.server=$DNS_IP
dns.port=53
smtp.mx1=$MX1_IP
smtp.mx2=$MX2_IP
smtp.plain=$PLAIN_IP
smtp.badcert=$BAD_IP
web=$WEB_IP
tls.ca=$D/pki/ca.crt
auth.user=interop@good.test
auth.passwordFile=$D/secrets/password
spf.oracle=$D/spf-oracle.tsv
dkim.messages=$D/dkim/messages
dkim.keys=$D/dkim
message.fixtures=$D/message
message.tool=$HERE/message_fixtures.py
maildir=$D/maildir/inbox
mbox=$D/maildir/inbox.mbox
python=$PY
zones=$D/zones
dnssec.anchors=$D/dnssec/trust-anchors.zone
blocklists=$HERE/blocklists.json
sarif.schema=$STATE_CACHE/sarif-2.1.0-rtm.5.json
EOF
}

# ---------------------------------------------------------------------------------------------
# Stop by PID
# ---------------------------------------------------------------------------------------------
is_ours() { # pid name: the PID is alive and still runs the program we started
  local comm
  comm=$(cat "/proc/$1/comm" 2>/dev/null) || return 1
  case "$2" in
    knotd) [ "$comm" = knotd ] ;;
    dovecot) [ "$comm" = dovecot ] ;;
    postfix-master) [ "$comm" = master ] ;;
    silentdns) tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -q silent_dns.py ;;
    nginx) [ "$comm" = nginx ] ;;
    *) return 1 ;;
  esac
}

stop_all() {
  [ -f "$D/pids" ] || return 0
  local name pid i left
  while read -r name pid; do
    if is_ours "$pid" "$name"; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done < "$D/pids"
  for i in $(seq 50); do
    left=""
    while read -r name pid; do is_ours "$pid" "$name" && left+="$pid "; done < "$D/pids"
    [ -z "$left" ] && break
    sleep 0.1
  done
  if [ -n "$left" ]; then
    log "still running after 5 s, killing: $left"
    for pid in $left; do kill -KILL "$pid" 2>/dev/null || true; done
  fi
  rm -f "$D/pids"
  log "stopped"
}

running() {
  [ -f "$D/pids" ] || return 1
  local name pid
  while read -r name pid; do is_ours "$pid" "$name" && return 0; done < "$D/pids"
  return 1
}

# Something already answering on the fixed addresses (an environment started from another
# MAILCHECK_INTEROP_DIR or another checkout): Knot would share port 53 with it through SO_REUSEPORT
# and the tests would see two sets of keys. Prints the first busy endpoint.
busy_endpoint() {
  local ep
  for ep in "$DNS_IP 53" "$MX1_IP 25" "$MX1_IP 587" "$MX1_IP 465" "$MX2_IP 25" "$PLAIN_IP 25" "$BAD_IP 25" "$WEB_IP 443"; do
    # shellcheck disable=SC2086
    set -- $ep
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then echo "$1:$2"; return 0; fi
  done
  return 1
}

# One start at a time on this machine: the fixed addresses can host one environment.
take_lock() {
  exec 9> /tmp/mailcheck-interop.lock
  flock -w 900 9 || die "another interop run holds /tmp/mailcheck-interop.lock"
}

start_all() {
  if running; then die "already running (from $D/pids): run '$0 stop' first"; fi
  [ "$(id -u)" = 0 ] || die "needs root (binds ports 25/53/465/587 on 127.25.0.x, installs packages)"
  case "$D" in
    /?*/?*) ;;
    *) die "MAILCHECK_INTEROP_DIR must be an absolute path at least two levels deep (it is wiped): $D" ;;
  esac
  install_packages
  local busy waited=0
  while busy=$(busy_endpoint); do
    if [ "${WAIT_FOR_ADDRESSES:-}" != 1 ] || [ $waited -ge 600 ]; then
      die "$busy is already in use: another interop environment (another MAILCHECK_INTEROP_DIR or checkout?) is running on 127.25.0.0/24; stop it first ('run.sh stop' with its MAILCHECK_INTEROP_DIR)"
    fi
    [ $waited = 0 ] && log "$busy is in use by another interop environment; waiting for it to stop (up to 10 min)"
    sleep 5
    waited=$((waited + 5))
  done
  rm -rf "$D"
  mkdir -p "$D"
  chmod 755 "$D"
  : > "$D/pids"
  make_pki
  make_dkim_and_zones
  make_user
  start_knot
  start_mail
  start_web
  wait_ready
  export_trust_anchors
  make_fixtures
  write_env
  log "environment up ($D)"
}

usage_text() {
  cat <<EOF
mailcheck interop environment is running (state: $D)
  DNS (Knot, authoritative):  $DNS_IP port 53    e.g. ./mailcheck mx good.test --resolver $DNS_IP
  zones: good.test weak.test broken.test spflimit.test nullmx.test nomx.test ruaext.test reports.test
         bl.test zen.bl.test dbl.bl.test slow.bl.test (blocklists; lists file $HERE/blocklists.json)
         stsmiss.test ststesting.test
         0.25.127.in-addr.arpa   (templates: src/test/interop/zones, served copies: $D/zones)
  DNSSEC: every zone signed by Knot, except insecure.good.test (no DS) and expired.good.test (bogus:
         signatures expired 2020); trust anchors: --trust-anchor $D/dnssec/trust-anchors.zone
  DANE:  TLSA at _25._tcp.mx1.good.test (3 1 1), _25._tcp.mx2.good.test (2 0 1),
         _25._tcp.mx3.good.test (3 1 1, matches nothing; MX of bad-tlsa.good.test)
  SMTP  $MX1_IP  mx1.good.test   25 STARTTLS, 587 STARTTLS required + AUTH, 465 implicit TLS + AUTH
        $MX2_IP  mx2.good.test   25 STARTTLS
        $PLAIN_IP  mx.weak.test    25, 587 no TLS, AUTH offered in clear text
        $BAD_IP  mx.broken.test  25 STARTTLS, 465 implicit TLS: expired certificate for wrong-name.invalid, TLS 1.0/1.1 accepted
  HTTPS $WEB_IP  nginx 443: mta-sts.{good,stsmiss,ststesting}.test policies, bimi.good.test/logo.svg
                   e.g. ./mailcheck mta-sts good.test --allow-private --ca-file $D/pki/ca.crt --resolver $DNS_IP
  CA certificate:  $D/pki/ca.crt      (--ca-file)
  SMTP AUTH user:  interop@good.test  password in $D/secrets/password
                   e.g. ./mailcheck smtp mx1.good.test:587 --starttls --user interop@good.test --password-file $D/secrets/password --ca-file $D/pki/ca.crt --resolver $DNS_IP
  signed messages: $D/dkim/messages/*.eml    SPF oracle (pyspf): $D/spf-oracle.tsv
  logs: $D/knot.log $D/postfix.log $D/dovecot.log
  tests against it: mvn -B -o -Pinterop verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dmailcheck.interop=$D/interop.properties
  stop: $0 stop
EOF
}

run_tests() {
  # The same JDK discovery as ./run-tests and ./mailcheck (JAVA_HOME first, then /usr/lib/jvm...).
  if [ -f "$ROOT/scripts/find-jdk.sh" ]; then
    # shellcheck source=../../../scripts/find-jdk.sh
    . "$ROOT/scripts/find-jdk.sh"
    find_jdk || die "no JDK 21+ found (set JAVA_HOME)"
    export JAVA_HOME=$JDK_HOME
  elif [ -z "${JAVA_HOME:-}" ]; then
    local j
    for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
      [ -x "$j/bin/java" ] && { export JAVA_HOME=$j; break; }
    done
  fi
  # Maven's own libraries touch sun.misc.Unsafe; JDK 24+ warns on every run unless told (as ./run-tests).
  if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  # Interop classes compiled by an older layout into target/test-classes would be picked up by a
  # later default build's failsafe run; they now live in target/interop-test-classes.
  rm -rf "$ROOT/target/test-classes/dev/mailcheck/interop"
  log "running the interop tests (JAVA_HOME=$JAVA_HOME)"
  # Only the *InteropIT classes (-Dtest=None skips the unit tests: .ci/run ran them just before).
  # Offline by default: ./run-tests has filled ~/.m2 by then (MAILCHECK_MVN_OFFLINE= to go online).
  ( cd "$ROOT" && mvn -B -Dstyle.color=never ${MAILCHECK_MVN_OFFLINE--o} -Pinterop verify \
      -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
      -Dmailcheck.interop="$D/interop.properties" )
}

case "${1:-run}" in
  start)
    take_lock
    if running; then die "already running (from $D/pids): run '$0 stop' first"; fi
    trap 'stop_all' EXIT # only if starting fails half-way
    trap 'exit 130' INT TERM
    start_all
    trap - EXIT INT TERM
    usage_text
    ;;
  stop)
    stop_all
    ;;
  status)
    if running; then usage_text; cat "$D/pids"; else echo "not running"; exit 1; fi
    ;;
  run)
    t0=$(date +%s)
    # One environment at a time on this machine (fixed addresses): wait for a concurrent run.
    take_lock
    # In full mode, wait (up to 10 min) for an environment started by someone else to go away.
    WAIT_FOR_ADDRESSES=1
    if running; then die "an environment started with '$0 start' is running: '$0 stop' it first"; fi
    trap 'stop_all' EXIT
    trap 'exit 130' INT TERM
    start_all
    t1=$(date +%s)
    log "started in $((t1 - t0)) s"
    run_tests
    log "tests done in $(($(date +%s) - t1)) s (total $(($(date +%s) - t0)) s)"
    ;;
  *)
    echo "usage: $0 [run|start|stop|status]" >&2
    exit 2
    ;;
esac
