import type pg from 'pg';
import type { PgConfig } from './dsn/pg-config.js';
import { CliError } from './errors.js';

/**
 * node-postgres, as the CLI uses it: the built CLI carries its own copy in its
 * bundle (scripts/bundle.mjs), initialised on the first postgres connect, which
 * spares every postgres command resolving and compiling pg's ~25 CommonJS files. Every pool the CLI uses is
 * made here and handed to @gander/core as `{ pool }`, so core never loads a
 * second copy.
 *
 * At import, pg/lib/stream.js asks whether it runs in a Cloudflare Worker: it
 * reads `navigator.userAgent`, and where there is no global `navigator`
 * (Node 20) it builds a `new Response(null, { cf })`, which makes Node load
 * its bundled undici: about a third of `node -e 0` on every postgres command
 * (bench/README.md, "Profile"). A `navigator` that exists only while pg is
 * evaluated answers the probe the same way ("not Cloudflare") without undici.
 * Node ≥ 21 has a global `navigator`; then this is a plain import.
 */
let loading: Promise<typeof pg> | undefined;

export function loadPg(): Promise<typeof pg> {
  loading ??= importPg();
  return loading;
}

async function importPg(): Promise<typeof pg> {
  const global = globalThis as { navigator?: unknown };
  const shimmed = global.navigator === undefined;
  if (shimmed) global.navigator = { userAgent: 'Node.js' };
  try {
    return ((await import('pg')) as { default: typeof pg }).default;
  } catch (error) {
    // The built CLI carries pg; unbundled (the tsc output, the sources under test) it is a dependency that
    // can be missing. Worded as core's adapter words it, without loading core: the early connect starts
    // before core loads (early-connect.ts).
    throw new CliError('E_DRIVER_MISSING', 'the postgres driver needs the npm package "pg", which is not installed', {
      hint: 'install it next to gander: npm install pg',
      cause: error,
    });
  } finally {
    if (shimmed) delete global.navigator;
  }
}

/**
 * A pool as core's pgDatabase makes its own: at most 4 connections, an idle client's error ignored (a server
 * restart must not crash the process; the next query reports it). allowExitOnIdle: a pool nobody ends never
 * holds the process open.
 */
export function newPool(driver: typeof pg, config: PgConfig): pg.Pool {
  const pool = new driver.Pool({ ...config, max: 4, allowExitOnIdle: true });
  pool.on('error', () => undefined);
  return pool;
}
