#!/usr/bin/env bash
# Real traffic through the lab Postfix for PostfixInteropIT (and the committed log sample):
# delivered (discarded locally), deferred (connection refused), bounced (a mail loop and an
# unknown local user), relay attempts refused, failed SASL logins. Waits until Postfix has logged
# every outcome, at most 20 s. Usage: postfix-traffic.sh STATE_DIR
set -euo pipefail
D=${1:?state dir}
IP=$(sed -n 's/^smtp.mx1=//p' "$D/interop.properties")
USER=$(cat "$D/secrets/user")
LOG=$D/postfix.log
FAIL_IP=127.0.0.77 # the failed logins come from here (lo carries all of 127.0.0.0/8)
export SWAKS_OPT_auth_password
SWAKS_OPT_auth_password=$(cat "$D/secrets/password")
sub() { # to
  swaks --server "$IP" --port 587 --tls --auth PLAIN --auth-user "$USER" --from "$USER" --to "$1" \
    --h-Subject "mailcheck interop $1" --timeout 10 >/dev/null 2>&1 || true
}
before=$(wc -l < "$LOG")
sub "interop@good.test"
sub "someone@deferred.test"
sub "someone@relayed.test"
sub "no-such-user-4711@nouser.test"
sub "nobody-at-all@good.test.invalid"
# relay attempts from a stranger on port 25
for to in victim@example.com other@example.org; do
  # (without the password variable: it would make swaks insist on AUTH, which port 25 does not offer)
  env -u SWAKS_OPT_auth_password swaks --server "$IP" --port 25 --from spammer@example.net --to "$to" \
    --timeout 10 >/dev/null 2>&1 || true
done
# failed logins (wrong password) on 587, at once: each failure is answered after a delay. From
# their own source address: Dovecot delays every later login from an address that failed (auth
# penalty), which would slow down the other interop tests' logins from 127.0.0.1.
for i in 1 2 3; do
  SWAKS_OPT_auth_password=wrong-password-$i swaks --local-interface "$FAIL_IP" --server "$IP" --port 587 --tls --auth PLAIN \
    --auth-user "$USER" --from "$USER" --to interop@good.test --timeout 10 >/dev/null 2>&1 &
done
wait
# Postfix logs the outcomes asynchronously: wait for the deferral and both bounces.
for i in $(seq 200); do
  new=$(tail -n +"$((before + 1))" "$LOG")
  if grep -q 'status=deferred' <<<"$new" && [ "$(grep -c 'status=bounced' <<<"$new")" -ge 2 ] \
     && grep -q 'status=sent' <<<"$new" && [ "$(grep -c 'authentication failed' <<<"$new")" -ge 3 ] \
     && [ "$(grep -c 'NOQUEUE: reject: RCPT' <<<"$new")" -ge 2 ]; then
    exit 0
  fi
  sleep 0.1
done
echo "postfix-traffic: not every outcome was logged within 20 s" >&2
tail -n +"$((before + 1))" "$LOG" | grep -E 'status=|reject:' >&2 || true
exit 1
