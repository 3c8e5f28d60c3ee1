import type pg from 'pg';
import type { Env } from './args/dotenv.js';
import { pgConfig, tlsFiles, type TlsFlags } from './dsn/pg-config.js';
import { parseDsn, type PgSettings } from './dsn/parse-dsn.js';
import { endsTlsAttempts, loadTlsMaterial, tlsAttempts, tlsConfig } from './dsn/tls.js';
import type { TlsFiles } from './dsn/parse-dsn.js';
import { loadPg, newPool } from './pg-driver.js';

/**
 * A cold postgres command spends about 35 ms waiting on the server (the TLS
 * probe, SCRAM and the backend's start) after about 70 ms of loading its own
 * modules (bench/README.md, "Profile and changes, second pass"). Starting the
 * connection once the command line is understood, before @gander/core and the
 * command modules load, let the two overlap while those loaded as ES modules.
 * Since the CLI is one CommonJS file (bench/README.md, "Third pass") they load
 * synchronously and the overlap is gone (measured neutral); the connect still
 * starts here, with every error reported as before.
 *
 * Nothing here reports anything: openTarget takes the pool over only for the
 * very same settings, and on any failure it connects again the usual way, so
 * every error (and the order errors are reported in) is what it was.
 */

/** What each TLS attempt gave, in order: a connected pool (the last entry), or the error it failed with. */
export type EarlyAttempt = { pool: pg.Pool } | { error: unknown };

interface Early {
  key: string;
  attempts: Promise<EarlyAttempt[] | undefined>;
}

let early: Early | undefined;

function keyOf(settings: PgSettings, files: TlsFiles, cwd: string): string {
  return JSON.stringify([settings, files, cwd]);
}

/**
 * Start connecting to the postgres target of this command line; a DBSTRING that does not parse is left to
 * the command. Resolves once the first connection is under way (node-postgres loaded, the socket opening):
 * load the rest of the command after that, so the loading and the server's answer overlap.
 */
export function startEarlyConnect(dbstring: string, env: Env, flags: TlsFlags, cwd: string): Promise<void> {
  discardEarlyConnection();
  let settings: PgSettings;
  try {
    settings = parseDsn(dbstring, env);
  } catch {
    return Promise.resolve();
  }
  const files = tlsFiles(settings, flags);
  let underWay: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    underWay = resolve;
  });
  const attempts = connect(settings, files, cwd, underWay).catch(() => undefined);
  void attempts.finally(underWay);
  early = { key: keyOf(settings, files, cwd), attempts };
  return started;
}

/** openTarget's TLS attempts, stopping where it stops; undefined when it could not even start (a TLS file, pg missing). */
async function connect(settings: PgSettings, files: TlsFiles, cwd: string, underWay: () => void): Promise<EarlyAttempt[] | undefined> {
  const material = await loadTlsMaterial(files, cwd);
  const driver = await loadPg();
  const results: EarlyAttempt[] = [];
  for (const attempt of tlsAttempts(settings, files)) {
    const pool = newPool(driver, pgConfig(settings, tlsConfig(attempt, material, settings.host)));
    try {
      const probe = pool.query('SELECT 1');
      underWay();
      await probe;
      results.push({ pool });
      return results;
    } catch (error) {
      results.push({ error });
      await pool.end().catch(() => undefined);
      if (endsTlsAttempts(error)) break;
    }
  }
  return results;
}

function endPools(attempts: Promise<EarlyAttempt[] | undefined>): void {
  void attempts.then((list) => {
    for (const attempt of list ?? []) if ('pool' in attempt) attempt.pool.end().catch(() => undefined);
  });
}

/**
 * What the early connect found for exactly these settings (once): openTarget replays each failed attempt's
 * error and takes over the connected pool. Undefined (connect as usual) when there was none for them.
 */
export async function takeEarlyConnection(settings: PgSettings, files: TlsFiles, cwd: string): Promise<EarlyAttempt[] | undefined> {
  const taken = early;
  early = undefined;
  if (taken === undefined) return undefined;
  if (taken.key !== keyOf(settings, files, cwd)) {
    endPools(taken.attempts);
    return undefined;
  }
  return taken.attempts;
}

/** Close a pool nobody took over (the command failed before connecting, or never connects). */
export function discardEarlyConnection(): void {
  const left = early;
  early = undefined;
  if (left) endPools(left.attempts);
}
