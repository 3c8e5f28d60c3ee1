// Bundles the CLI's tsc output (dist/bundle-entry.js) into one CommonJS file, dist/cli.cjs, which
// dist/bin.cjs requires.
//
// CommonJS, one file: as 28 ES module chunks, a cold `gander status` spent ~45 ms in Node's ES module
// loader (resolving, linking, one async job per file); as one CommonJS file it runs ~40 ms sooner
// (bench/README.md, "Third pass"). Commands still load lazily: esbuild keeps each lazily imported module's
// code uninitialised until its import() runs.
//
// Every package stays external, so each exists once per process (`instanceof GanderError` depends on
// it): @gander/core and @gander/lint are required as ES modules (require(esm), Node ≥ 20.19; their
// `exports` have a `default` condition for it), and what the sources import() (the TUI, the testkit) is
// still import()ed. The exception is node-postgres: its ~25 CommonJS files cost every postgres command
// ~18 ms of resolving, reading and compiling, and the CLI is its only user in the process (connect.ts
// hands core a pool made from it). Its own dependencies come along; its optional native and Cloudflare
// back ends stay out, as pg requires them only when asked for.
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

/** Packages the CLI's own code imports that go into the bundle; anything they import comes along. */
const BUNDLED_FROM_CLI = new Set(['pg', 'pg-connection-string']);
/** Required by pg only on request (`pg.native`, a Cloudflare Worker): never installed with the CLI. */
const NEVER_BUNDLED = new Set(['pg-native', 'pg-cloudflare']);
const BUILTINS = new Set(builtinModules);

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const keepPackagesExternal = {
  name: 'keep-packages-external',
  setup(on) {
    on.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageName(args.path);
      if (args.path.startsWith('node:') || BUILTINS.has(name)) return { path: args.path, external: true };
      if (NEVER_BUNDLED.has(name)) return { path: args.path, external: true };
      const fromDependency = args.importer.includes('/node_modules/');
      if (fromDependency || BUNDLED_FROM_CLI.has(name)) return undefined; // esbuild resolves and bundles it
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: ['dist/bundle-entry.js'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/cli.cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [keepPackagesExternal],
  // The sources are ES modules: their import.meta.url is this file's URL.
  define: { 'import.meta.url': '__ganderCliUrl' },
  banner: { js: "const __ganderCliUrl = require('node:url').pathToFileURL(__filename).href;" },
});
