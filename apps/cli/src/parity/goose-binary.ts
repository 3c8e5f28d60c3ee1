import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * goose v3.26's own binary, the peer of the parity suites: `GOOSE_BIN`, else
 * `goose` on PATH (`.ci/install-goose.sh` installs it). Returns the path, or
 * the one-line reason the suites skip.
 */
export function findGoose(env: NodeJS.ProcessEnv = process.env): { path: string } | { skip: string } {
  const explicit = env.GOOSE_BIN;
  if (explicit) {
    try {
      accessSync(explicit, constants.X_OK);
      return { path: explicit };
    } catch {
      return { skip: `GOOSE_BIN=${explicit} is not an executable file` };
    }
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'goose');
    try {
      accessSync(candidate, constants.X_OK);
      return { path: candidate };
    } catch {
      // not here
    }
  }
  return { skip: 'goose v3.26.0 is not installed (no GOOSE_BIN, no goose on PATH): run .ci/install-goose.sh, which needs Go' };
}
