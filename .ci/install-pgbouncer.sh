#!/usr/bin/env bash
# PgBouncer for the table-lock tests (-lock-mode table behind transaction
# pooling): Debian's package, from apt. The tests start it themselves and skip,
# saying why, where it is missing; so failing to install it is not fatal.
set -uo pipefail
if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null) \
    || echo "pgbouncer could not be installed; the PgBouncer table-lock tests will be skipped"
else
  echo "pgbouncer is not installed and apt-get is not usable here; the PgBouncer table-lock tests will be skipped"
fi
# The package starts a system service where it can; the tests run their own.
if command -v systemctl >/dev/null 2>&1; then systemctl stop pgbouncer >/dev/null 2>&1 || true; fi
exit 0
