# Sourced by .ci/run. PostgreSQL 16 with pgvector, for the tests that prove the
# Data Storage schema on its real target: the PyPI package pgserver ships both
# inside its wheel (no download at run time). Installed into a virtual
# environment outside the clone, in a folder every user can read (as root the
# tests run PostgreSQL as an unprivileged user, who cannot enter /root), kept
# between runs on the same machine, and
# handed to the tests as GANDER_PG_BIN. Where Python or PyPI is missing, the
# tests that need it skip, each saying why; this never fails CI.
gander_pgserver() {
  local venv="${GANDER_CI_CACHE:-/var/cache/gander-ci}/pgserver-0.1.4"
  local bin
  if ! command -v python3 >/dev/null 2>&1; then
    echo "pgserver: no python3 on this machine; the PostgreSQL 16 + pgvector tests will skip"
    return 0
  fi
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pgserver' >/dev/null 2>&1; then
    rm -rf "$venv"
    # World-readable whatever the caller's umask.
    if ! { mkdir -p -m 755 "$(dirname "$venv")" && (umask 022 && python3 -m venv "$venv") && (umask 022 && "$venv/bin/pip" install --quiet --disable-pip-version-check 'pgserver==0.1.4'); } >/dev/null 2>&1; then
      echo "pgserver: could not be installed from PyPI; the PostgreSQL 16 + pgvector tests will skip"
      rm -rf "$venv"
      return 0
    fi
  fi
  bin="$("$venv/bin/python" -c 'import os, pgserver; print(os.path.join(os.path.dirname(pgserver.__file__), "pginstall", "bin"))' 2>/dev/null)"
  if [ -x "$bin/postgres" ]; then
    export GANDER_PG_BIN="$bin"
    echo "pgserver: $("$bin/postgres" --version) with pgvector, GANDER_PG_BIN set"
  else
    echo "pgserver: installed, but it holds no postgres binary; the PostgreSQL 16 + pgvector tests will skip"
  fi
}
gander_pgserver
