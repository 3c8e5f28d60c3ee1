import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ColdCommand } from '../harness/cold-process.js';

/**
 * goose v3.26's own binary, the tool gander replaces: `GOOSE_BIN`, else
 * `goose` on PATH (`.ci/install-goose.sh` installs it with Go). It reads the
 * same files and writes the same table as gander, so it runs gander's inputs.
 */
export function findGoose(): { path?: string; skip?: string } {
  const candidates = process.env.GOOSE_BIN ? [process.env.GOOSE_BIN] : (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(d, 'goose'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return { path: candidate };
    } catch {
      // not here
    }
  }
  return { skip: 'goose is not installed (no GOOSE_BIN, no goose on PATH): run `. .ci/install-goose.sh`, which needs Go' };
}

/** pgx would try TLS first; the embedded server has none. */
function gooseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('sslmode', 'disable');
  return parsed.toString();
}

/** goose's grammar, as gander's: `goose -dir DIR postgres DBSTRING COMMAND`. */
export function gooseCommand(goose: string, dir: string, url: string, args: readonly string[]): ColdCommand {
  return { command: goose, args: ['-dir', dir, 'postgres', gooseUrl(url), ...args] };
}
