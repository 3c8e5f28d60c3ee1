import { DEFAULT_CONFIG, type LintConfig } from './config/config.js';
import { createFileLinter, emptyState, type Collected } from './file-linter.js';
import { loadGrammar } from './grammar/pg-grammar.js';
import { readLintFile } from './model/read-file.js';
import type { LintInputFile } from './input.js';
import type { LintFile } from './model/types.js';
import { lintInWorkers, startLintPool, workerCount, type LintPool, type ParallelOptions } from './parallel.js';
import type { FolderEntry } from './rules/rule.js';
import type { Suppression } from './suppress.js';
import type { Finding, LintReport } from './types.js';

export interface LintOptions {
  config?: LintConfig;
  /**
   * Versions not yet applied (database mode, or files added since `--since`):
   * what they create is new for the pending migrations after them.
   */
  pending?: ReadonlySet<bigint>;
  /** Database mode: table sizes in bytes, by name. */
  tableSizes?: ReadonlyMap<string, number>;
  /** The migrations folders' root entries, for the folder rules. */
  folders?: ReadonlyArray<{ path: string; entries: readonly FolderEntry[] }>;
  /** Findings the caller made (database drift), suppressible like the others. */
  extraFindings?: readonly Finding[];
  /** Only these rules (by id): for tests and `--rule`. */
  only?: readonly string[];
  /**
   * Lint only these files (by path); the others are still seen by the folder
   * rules (version gaps) but never read or reported. Default: all.
   */
  selected?: (path: string) => boolean;
  /**
   * Worker threads besides this one. Default: `GANDER_LINT_WORKERS` when set,
   * else from 2,000 files on one per other core (at most 3), else none. The
   * findings are the same either way.
   */
  workers?: number;
  /**
   * Workers started earlier (runLint starts them before it reads the files);
   * used instead of `workers`, and left for the caller to close.
   */
  pool?: LintPool;
  /** How the files are cut and claimed across threads (tests). */
  parallel?: ParallelOptions;
}

function byVersion(a: LintFile, b: LintFile): number {
  if (a.version !== undefined && b.version !== undefined && a.version !== b.version) return a.version < b.version ? -1 : 1;
  if (a.version === undefined && b.version !== undefined) return 1;
  if (b.version === undefined && a.version !== undefined) return -1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Lints migration files: goose's splitting, PostgreSQL's grammar, then every rule. */
export async function lintFiles(inputs: readonly LintInputFile[], options: LintOptions = {}): Promise<LintReport> {
  await loadGrammar();
  const config = options.config ?? DEFAULT_CONFIG;
  const selected = options.selected ?? (() => true);
  // Names first (cheap), for the order and the folder rules; each file is then read in full, linted and
  // let go, so 10,000 files never hold 10,000 syntax trees at once.
  const inputByPath = new Map(inputs.map((f) => [f.path, f]));
  const files = inputs.map((f) => readLintFile(f.path, '', { nameOnly: true })).sort(byVersion);
  const linterOptions = { config, only: options.only, pending: options.pending, tableSizes: options.tableSizes };
  const linter = createFileLinter(linterOptions);
  const toLint = files.filter((f) => selected(f.path)).map((f) => inputByPath.get(f.path)!);
  const state = emptyState();
  const pool = options.pool ?? startLintPool(workerCount(toLint.length, options.workers));
  try {
    if (pool !== undefined && pool.size > 0) await lintInWorkers(toLint, pool, linter, linterOptions, state, options.parallel);
    else for (const f of toLint) await linter.lint(f, state);
  } finally {
    if (options.pool === undefined) pool?.close();
  }
  const { collected, suppressions: suppressionsByFile, rules, reporter } = linter;

  const project = { files, folders: options.folders ?? [], allowFiles: config.allowFiles };
  for (const rule of rules) rule.project?.(project, (path, section) => reporter(rule, path, section));
  const unselected = new Set(inputs.filter((f) => !selected(f.path)).map((f) => f.path));
  const kept = collected.filter((f) => !unselected.has(f.file));
  // The caller's findings are about files it chose (drift is about applied, so unselected, files).
  for (const extra of options.extraFindings ?? []) {
    const setting = config.rules[extra.rule];
    if (setting === 'off') continue;
    kept.push({ ...extra, level: setting ?? extra.level, statementLine: extra.line, coversUntilLine: extra.line });
  }
  return finish(kept, suppressionsByFile, inputs.length - unselected.size);
}

function finish(collected: readonly Collected[], suppressionsByFile: ReadonlyMap<string, readonly Suppression[]>, fileCount: number): LintReport {
  // goose#91: a body goose split is reported once, as the split, not also as the fragments' syntax errors.
  const splits = collected.filter((f) => f.rule === 'unwrapped-body');
  const explained = (f: Collected) => splits.some((s) => s.file === f.file && f.statementLine >= s.statementLine && f.statementLine <= s.coversUntilLine);
  let suppressed = 0;
  const findings = collected.filter((f) => {
    if (f.rule === 'syntax-error' && explained(f)) return false;
    if (f.rule === 'invalid-suppression') return true;
    const hit = (suppressionsByFile.get(f.file) ?? []).some(
      (s) => s.rules.includes(f.rule) && (s.fileWide || s.target === f.statementLine || s.target === f.line),
    );
    if (hit) suppressed++;
    return !hit;
  });
  findings.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1)));
  const clean: Finding[] = findings.map((f) => ({
    rule: f.rule,
    level: f.level,
    file: f.file,
    line: f.line,
    column: f.column,
    section: f.section,
    message: f.message,
    help: f.help,
  }));
  return {
    findings: clean,
    summary: {
      files: fileCount,
      errors: clean.filter((f) => f.level === 'error').length,
      warnings: clean.filter((f) => f.level === 'warning').length,
      suppressed,
    },
  };
}
