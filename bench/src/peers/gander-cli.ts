import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import type { ColdCommand } from '../harness/cold-process.js';

export const GANDER_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'apps', 'cli', 'dist', 'bin.cjs');

let cached: { path?: string; skip?: string } | undefined;

/**
 * The CLI (apps/cli) is built separately and may not exist yet: skip with a
 * note when dist/bin.cjs is missing or cannot even print its version.
 */
export function findGanderCli(): { path?: string; skip?: string } {
  if (cached) return cached;
  if (!existsSync(GANDER_BIN)) {
    cached = { skip: 'apps/cli/dist/bin.cjs is missing (the CLI is not built yet: run `pnpm build`)' };
    return cached;
  }
  try {
    execFileSync(process.execPath, [GANDER_BIN, '--version'], { stdio: 'pipe', timeout: 20_000 });
    cached = { path: GANDER_BIN };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    cached = { skip: `apps/cli/dist/bin.cjs exists but \`--version\` failed: ${stderr || String(error)}` };
  }
  return cached;
}

/** goose's grammar: `gander [flags] DRIVER DBSTRING COMMAND`. */
export function ganderCliCommand(bin: string, dir: string, url: string, args: readonly string[]): ColdCommand {
  return { command: process.execPath, args: [bin, '-dir', dir, 'postgres', url, ...args] };
}
