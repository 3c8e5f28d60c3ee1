import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { collectLintInput, type CollectedInput } from './collect.js';
import type { LintInputFile } from './input.js';
import { pathShower } from './shown-path.js';
import { startLintPool, workerCount, type LintPool } from './parallel.js';
import { DEFAULT_CONFIG, DEFAULT_CONFIG_FILE, parseLintConfig, type LintConfig } from './config/config.js';
import type { DatabaseContext } from './db/database-context.js';
import { lintFiles } from './engine.js';
import { LintConfigError } from './errors.js';
import { changedSince } from './git-since.js';
import { fileNameOf } from './model/read-file.js';
import { parseMigrationFileName } from '@gander/core';
import { RULE_IDS } from './rules/index.js';
import type { LintReport } from './types.js';

export interface LintRunOptions {
  /** Folders or files; folders give every `.sql` file in their root. */
  paths: readonly string[];
  /** Where relative paths, the config file and git start. */
  cwd: string;
  /** An explicit config file; else `gander-lint.json` in `cwd` when there is one. */
  configPath?: string;
  /** Lint only files added or changed since this git ref; files added since are not applied anywhere yet. */
  since?: string;
  /** Database mode: only pending migrations, drift of applied files, table sizes. */
  database?: DatabaseContext;
  only?: readonly string[];
}

/** Reads the config file: the explicit one must exist; the default one may not. */
export async function loadLintConfig(cwd: string, configPath: string | undefined): Promise<LintConfig> {
  const path = resolve(cwd, configPath ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (configPath === undefined) return DEFAULT_CONFIG;
    throw new LintConfigError(`cannot read lint config ${configPath}`, 'check the path given to -lint-config');
  }
  return parseLintConfig(text, configPath ?? DEFAULT_CONFIG_FILE, RULE_IDS);
}

/** Collects, selects (database, --since) and lints: what `gander lint` and the testkit run. */
export async function runLint(options: LintRunOptions): Promise<LintReport> {
  const config = await loadLintConfig(options.cwd, options.configPath);
  const absolute = options.paths.map((p) => resolve(options.cwd, p));
  let pool: LintPool | undefined;
  // Workers start as soon as the folder is listed, when every listed file will be linted. With a database
  // or --since most files are usually left out: lintFiles then starts workers itself if enough remain.
  const lintsAll = options.database === undefined && options.since === undefined;
  const onListed = (count: number) => {
    if (lintsAll) pool = startLintPool(workerCount(count, undefined));
  };
  try {
    const input = await collectLintInput(absolute, { onListed, readContents: false });
    return await lintCollected(options, config, input, pool);
  } finally {
    pool?.close();
  }
}

async function lintCollected(options: LintRunOptions, config: LintConfig, input: CollectedInput, pool: LintPool | undefined): Promise<LintReport> {
  // Show paths as the user gave them.
  const shown = pathShower(options.cwd);
  const files = input.files.map((f): LintInputFile => (f.content === undefined ? { path: shown.file(f.path), readFrom: f.readFrom! } : { path: shown.file(f.path), content: f.content }));
  const folders = input.folders.map((f) => ({ path: shown.path(f.path), entries: f.entries }));

  let pending: Set<bigint> | undefined;
  const selectedPaths = new Set(files.map((f) => f.path));
  if (options.database !== undefined) {
    pending = new Set(options.database.pending);
    for (const f of files) {
      const name = parseMigrationFileName(fileNameOf(f.path));
      if (name.ok && options.database.applied.has(name.version)) selectedPaths.delete(f.path);
    }
  }
  if (options.since !== undefined) {
    const changed = await changedSince(options.since, options.cwd);
    const sincePending = new Set<bigint>();
    for (const f of files) {
      const key = relative(options.cwd, resolve(options.cwd, f.path)).split('\\').join('/');
      if (!changed.added.has(key) && !changed.modified.has(key)) selectedPaths.delete(f.path);
      const name = parseMigrationFileName(fileNameOf(f.path));
      if (changed.added.has(key) && name.ok) sincePending.add(name.version);
    }
    // Without a database, a file added since the ref is not applied anywhere yet.
    pending ??= sincePending;
  }
  return lintFiles(files, {
    config,
    ...(pending === undefined ? {} : { pending }),
    ...(options.database === undefined ? {} : { tableSizes: options.database.tableSizes, extraFindings: options.database.drift.map((d) => ({ ...d, file: shown.path(resolve(options.cwd, d.file)) })) }),
    folders,
    selected: (path) => selectedPaths.has(path),
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(pool === undefined ? {} : { pool }),
  });
}

