import { resolveBinary } from 'dbmate';
import type { ColdCommand } from '../harness/cold-process.js';

/**
 * The npm package's `dbmate` bin is a Node wrapper that spawnSyncs the Go
 * binary from the platform package, adding a Node start-up to every call. We
 * run the Go binary itself, as a user of the release binary (brew, apt, Docker)
 * does: it is dbmate's own cost we want.
 */
export function findDbmate(): { path?: string; skip?: string } {
  try {
    return { path: resolveBinary() };
  } catch (error) {
    return { skip: `dbmate's platform binary is not installed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** lib/pq would try TLS first; the embedded server has none. */
function dbmateUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('sslmode', 'disable');
  return parsed.toString();
}

export function dbmateCommand(dbmate: string, url: string, dir: string, command: string): ColdCommand {
  return { command: dbmate, args: ['--url', dbmateUrl(url), '--migrations-dir', dir, '--no-dump-schema', command] };
}
