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
PY=/usr/bin/python3 # the Debian python, which sees python3-spf/python3-dkim (not a pyenv shim)

# Addresses (documented in CONTRIBUTING.md; the zones under zones/ point at them).
NET=127.25.0
DNS_IP=$NET.53   # Knot, port 53
MX1_IP=$NET.10   # mx1.good.test: 25 (STARTTLS may), 587 (STARTTLS required + AUTH), 465 (implicit TLS + AUTH)
MX2_IP=$NET.11   # mx2.good.test: 25 (STARTTLS may)
PLAIN_IP=$NET.20 # mx.weak.test: 25 and 587, no TLS at all, AUTH offered in clear text
BAD_IP=$NET.30   # mx.broken.test: 25 (STARTTLS) and 465, expired certificate for another name, TLS 1.0/1.1 accepted
ALL_SMTP_IPS="$MX1_IP $MX2_IP $PLAIN_IP $BAD_IP"

PKGS="knot knot-dnsutils postfix dovecot-core swaks libnet-ssleay-perl libauthen-sasl-perl
      python3-spf python3-dnspython python3-dkim python3-nacl opendkim-tools openssl"

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
    systemctl disable --now postfix.service dovecot.service knot.service >/dev/null 2>&1 || true
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
  local f
  for f in "$HERE"/zones/*.zone; do
    sed -e "s|@DKIM_GOOD_RSA2048@|$(txt_strings "v=DKIM1; k=rsa; p=$good_rsa")|" \
        -e "s|@DKIM_GOOD_ED25519@|$(txt_strings "v=DKIM1; k=ed25519; p=$good_ed")|" \
        -e "s|@DKIM_WEAK_RSA1024@|$(txt_strings "v=DKIM1; k=rsa; p=$weak_rsa")|" \
        -e "s|@DKIM_BROKEN_RSA512@|$(txt_strings "v=DKIM1; k=rsa; t=y; p=$bad_rsa")|" \
        "$f" > "$D/zones/$(basename "$f")"
  done
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
    pidfile: $D/knot/knot.pid
log:
  - target: $D/knot.log
    any: info
database:
    storage: $D/knot/db
control:
    listen: $D/knot/knot.sock
template:
  - id: default
    storage: $D/zones
    file: "%s.zone"
    semantic-checks: off
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
zone:
EOF
    local f
    for f in "$D"/zones/*.zone; do
      f=$(basename "$f" .zone)
      printf '  - domain: %s\n' "$f"
    done
  } > "$D/knot.conf"
  knotc -c "$D/knot.conf" conf-check >/dev/null || die "knot configuration invalid ($D/knot.conf)"
  knotd -c "$D/knot.conf" > "$D/knot.stdout" 2>&1 9>&- &
  echo "knotd $!" >> "$D/pids"
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
# Nothing is delivered anywhere: accepted mail is discarded, except for msg@inbox.test, which the
# virtual agent delivers into the Maildir $D/maildir/inbox/ (mailcheck message reads it back).
virtual_mailbox_domains = inbox.test
virtual_mailbox_base = $D/maildir
virtual_mailbox_maps = inline:{ msg@inbox.test=inbox/ }
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
tls.ca=$D/pki/ca.crt
auth.user=interop@good.test
auth.passwordFile=$D/secrets/password
spf.oracle=$D/spf-oracle.tsv
dkim.messages=$D/dkim/messages
dkim.keys=$D/dkim
message.fixtures=$D/message
message.tool=$HERE/message_fixtures.py
maildir=$D/maildir/inbox
python=$PY
zones=$D/zones
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
  for ep in "$DNS_IP 53" "$MX1_IP 25" "$MX1_IP 587" "$MX1_IP 465" "$MX2_IP 25" "$PLAIN_IP 25" "$BAD_IP 25"; do
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
  wait_ready
  make_fixtures
  write_env
  log "environment up ($D)"
}

usage_text() {
  cat <<EOF
mailcheck interop environment is running (state: $D)
  DNS (Knot, authoritative):  $DNS_IP port 53    e.g. ./mailcheck mx good.test --resolver $DNS_IP
  zones: good.test weak.test broken.test spflimit.test nullmx.test nomx.test ruaext.test reports.test
         0.25.127.in-addr.arpa   (templates: src/test/interop/zones, served copies: $D/zones)
  SMTP  $MX1_IP  mx1.good.test   25 STARTTLS, 587 STARTTLS required + AUTH, 465 implicit TLS + AUTH
        $MX2_IP  mx2.good.test   25 STARTTLS
        $PLAIN_IP  mx.weak.test    25, 587 no TLS, AUTH offered in clear text
        $BAD_IP  mx.broken.test  25 STARTTLS, 465 implicit TLS: expired certificate for wrong-name.invalid, TLS 1.0/1.1 accepted
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
