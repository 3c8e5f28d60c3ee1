// Bundles the CLI's tsc output (dist/bundle-entry.js) into an entry and lazy chunks.
//
// Every package stays external, so each exists once per process (`instanceof GanderError` depends on
// it), except node-postgres: its ~25 CommonJS files cost every postgres command ~18 ms of resolving,
// reading and compiling on a cold start (bench/README.md, "Third pass"), and the CLI is its only user
// in the process (connect.ts hands core a pool made from it). Its own dependencies come along; its
// optional native and Cloudflare back ends stay out, as pg requires them only when asked for.
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
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  allowOverwrite: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [keepPackagesExternal],
  // pg is CommonJS: its require() of Node's modules needs a require in an ES module chunk.
  banner: { js: "import { createRequire as __ganderCreateRequire } from 'node:module';\nconst require = __ganderCreateRequire(import.meta.url);" },
});
