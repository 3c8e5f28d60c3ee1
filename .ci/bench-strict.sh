#!/usr/bin/env bash
# A short strict pass of the CLI cold-start benchmarks (bench/README.md, "CI pass"):
# `gander --version`, `gander status` and `gander lint` of one file against `node -e 0`, interleaved, medians,
# ratios only, judged by each scenario's ciTarget (loose enough for a loaded 2-core
# runner, red when start-up regresses, e.g. when Ink or PGlite is imported eagerly).
# Exits non-zero on a missed bound or a contestant that did not run. Takes < 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM="npx -y pnpm@10.34.9"

# The CLI is measured as built (cached by turbo when `pnpm test` already built it).
$PNPM exec turbo run build --filter=gander... --output-logs=errors-only
BENCH_CI=1 BENCH_STRICT=1 BENCH_ONLY=e-cli-version,e-cli-status,e-cli-lint BENCH_RUNS="${BENCH_RUNS:-11}" BENCH_WARMUPS=1 \
  $PNPM --filter @gander/bench run bench
