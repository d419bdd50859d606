#!/usr/bin/env bash
# Regenerates completions/mailcheck.bash and completions/_mailcheck from the picocli command model
# (via CompletionsTest with -Dmailcheck.regenerate=true). Review the diff and commit it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec "$root/run-tests" -q -Dtest=CompletionsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmailcheck.regenerate=true -DskipITs "$@"
