import { createRequire } from 'node:module';
import type { ColdCommand } from '../harness/cold-process.js';

/** Its bin script, run with `node` as npm's .bin shim would. */
export function findNodePgMigrate(): { path?: string; skip?: string } {
  try {
    return { path: createRequire(import.meta.url).resolve('node-pg-migrate/bin/node-pg-migrate') };
  } catch (error) {
    return { skip: `node-pg-migrate is not installed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * `node-pg-migrate up|down N -m DIR` with DATABASE_URL set, all else default:
 * one transaction for all pending migrations (--single-transaction), its own
 * advisory lock, and --verbose, which prints every statement (to a pipe here).
 */
export function nodePgMigrateCommand(bin: string, url: string, dir: string, args: readonly string[]): ColdCommand {
  return { command: process.execPath, args: [bin, ...args, '-m', dir], env: { DATABASE_URL: url } };
}
