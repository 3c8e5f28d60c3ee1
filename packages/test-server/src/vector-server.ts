// The real target of the Data Storage schema, PostgreSQL 16+ with
// pgvector, from a folder of binaries (GANDER_PG_BIN; .ci/run sets it to the
// build that the PyPI package pgserver ships). Decided without starting
// anything, so a test file can skip at collection time with one line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findLocalBinDir } from './local-bin-dir.js';

export type VectorServerTarget =
  | { available: true; binDir: string; from: string; version: string; vector: string; label: string }
  | { available: false; why: string };

/** The folder holding vector.control: pg_config's share dir, else the usual places beside the binaries. */
function vectorControl(binDir: string): string | undefined {
  const shareDir = spawnSync(join(binDir, 'pg_config'), ['--sharedir'], { encoding: 'utf8' }).stdout?.trim();
  const candidates = [
    ...(shareDir ? [join(shareDir, 'extension', 'vector.control')] : []),
    join(dirname(binDir), 'share', 'postgresql', 'extension', 'vector.control'),
    join(dirname(binDir), 'share', 'extension', 'vector.control'),
  ];
  return candidates.find((path) => existsSync(path));
}

export function vectorServerTarget(env: NodeJS.ProcessEnv = process.env): VectorServerTarget {
  const found = findLocalBinDir(env);
  if ('unavailable' in found) return { available: false, why: `no PostgreSQL 16+ with pgvector: ${found.unavailable} (.ci/run installs pgserver from PyPI)` };
  const out = spawnSync(join(found.binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const version = /(\d+)(?:\.(\d+))?/.exec(out);
  if (!version || Number(version[1]) < 16) {
    return { available: false, why: `the PostgreSQL in ${found.binDir} (${found.from}) is ${out.trim() || 'unknown'}, not 16+` };
  }
  const control = vectorControl(found.binDir);
  if (!control) return { available: false, why: `the PostgreSQL in ${found.binDir} (${found.from}) has no pgvector extension` };
  const vector = /default_version\s*=\s*'([^']+)'/.exec(readFileSync(control, 'utf8'))?.[1] ?? 'unknown';
  const pgVersion = version[2] === undefined ? version[1]! : `${version[1]}.${version[2]}`;
  return {
    available: true,
    binDir: found.binDir,
    from: found.from,
    version: pgVersion,
    vector,
    label: `PostgreSQL ${pgVersion} with pgvector ${vector} (${found.from})`,
  };
}
