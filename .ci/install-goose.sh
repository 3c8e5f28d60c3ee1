#!/usr/bin/env bash
# Installs goose v3.26.0 (the peer gander's parity suites run against) into a
# cache outside the clone, builds it once, and prints ONE line. Source it to get
# GOOSE_BIN exported: `. .ci/install-goose.sh`. It never fails the caller: with no
# Go toolchain (or no module proxy) the parity tests skip and say why.
goose_version="v3.26.0"
goose_dir="${GANDER_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gander-ci}/goose-${goose_version}"
goose_bin="${goose_dir}/bin/goose"

if [ -x "$goose_bin" ]; then
  export GOOSE_BIN="$goose_bin"
  echo "goose ${goose_version}: cached at ${goose_bin}"
elif ! command -v go >/dev/null 2>&1; then
  echo "goose ${goose_version}: not installed (no Go toolchain); the goose parity tests will be skipped"
elif GOBIN="${goose_dir}/bin" GOFLAGS=-mod=mod go install \
  -tags 'no_clickhouse no_libsql no_mssql no_mysql no_sqlite3 no_vertica no_ydb' \
  "github.com/pressly/goose/v3/cmd/goose@${goose_version}" >"${TMPDIR:-/tmp}/gander-goose-install.log" 2>&1 \
  && [ -x "$goose_bin" ]; then
  export GOOSE_BIN="$goose_bin"
  echo "goose ${goose_version}: installed at ${goose_bin}"
else
  echo "goose ${goose_version}: go install failed (see ${TMPDIR:-/tmp}/gander-goose-install.log); the goose parity tests will be skipped"
fi
