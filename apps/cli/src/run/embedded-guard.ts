import type { Env } from '../args/dotenv.js';
import { CliError } from '../errors.js';

/**
 * The embedded database is the default only where nothing can go wrong
 * silently: a read-only command anywhere, or any command typed at a terminal.
 * In CI, or with no terminal, a command that changes a database and was given
 * no DRIVER/DBSTRING is refused: a missing GOOSE_DBSTRING secret must not
 * "migrate" a local database and exit 0 while production was never touched
 * (goose prints its usage and exits 1 there).
 */
const READ_ONLY = new Set(['status', 'version', 'plan', 'history', 'tui']);

/** CI=true (GitHub, GitLab, CircleCI, …): anything but empty, 0 or false. */
export function inCi(env: Env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

export function assertEmbeddedAllowed(command: string, env: Env, interactive: boolean): void {
  if (READ_ONLY.has(command)) return;
  if (interactive && !inCi(env)) return;
  const where = inCi(env) ? 'in CI' : 'without a terminal';
  throw new CliError(
    'E_USAGE',
    `${command}: no database given ${where}: set GOOSE_DRIVER and GOOSE_DBSTRING (or pass DRIVER DBSTRING), or name the embedded database explicitly: gander pglite .gander/pglite ${command}`,
  );
}
