import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findGoose } from '../peers/goose.js';
import { findPsql } from '../peers/psql.js';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function psqlVersion(): string {
  const psql = findPsql();
  if (!psql.path) return 'not installed';
  try {
    return execFileSync(psql.path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** `goose version: v3.26.0` → `v3.26.0`. */
function gooseVersion(): string {
  const goose = findGoose();
  if (!goose.path) return 'not installed';
  try {
    return execFileSync(goose.path, ['--version'], { encoding: 'utf8' }).trim().replace(/^goose version: /, '');
  } catch {
    return 'unknown';
  }
}

/** The peers' versions, so a result file says what gander was measured against. */
export function toolVersions(): Record<string, string> {
  return { goose: gooseVersion(), dbmate: packageVersion('dbmate'), 'node-pg-migrate': packageVersion('node-pg-migrate'), psql: psqlVersion(), pg: packageVersion('pg') };
}
