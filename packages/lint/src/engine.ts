import { DEFAULT_CONFIG, humanSize, type LintConfig } from './config/config.js';
import { loadGrammar } from './grammar/pg-grammar.js';
import { loadPlpgsql } from './grammar/plpgsql.js';
import { createdRelations, setsLockTimeout } from './model/created.js';
import { doBlockStatements, hasDoBlock } from './model/do-block.js';
import { placeIn, readLintFile } from './model/read-file.js';
import type { GooseStatement, LintFile } from './model/types.js';
import { ALL_RULES } from './rules/index.js';
import type { FolderEntry, RawFinding, Report, Rule, StatementContext } from './rules/rule.js';
import { readSuppressions, type Suppression } from './suppress.js';
import type { Finding, LintReport, Section } from './types.js';

export interface LintInputFile {
  path: string;
  content: string;
}

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
}

interface Collected extends Finding {
  /** First line of the statement the finding is in, for line suppressions. */
  statementLine: number;
  coversUntilLine: number;
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
  const rules = ALL_RULES.filter((r) => (options.only === undefined || options.only.includes(r.id)) && config.rules[r.id] !== 'off');
  const selected = options.selected ?? (() => true);
  // Names first (cheap), for the order and the folder rules; each file is then read in full, linted and
  // let go, so 10,000 files never hold 10,000 syntax trees at once.
  const contents = new Map(inputs.map((f) => [f.path, f.content]));
  const files = inputs.map((f) => readLintFile(f.path, f.content, { nameOnly: true })).sort(byVersion);
  const suppressionsByFile = new Map<string, Suppression[]>();
  const collected: Collected[] = [];

  const reporter = (rule: Rule, path: string, section: Section, statementLine?: number): Report => (raw: RawFinding) => {
    let level = config.rules[rule.id] ?? rule.defaultLevel;
    let message = raw.message;
    const size = raw.table === undefined ? undefined : options.tableSizes?.get(raw.table);
    if (size !== undefined && size >= config.sizeThresholdBytes) {
      level = 'error';
      message += ` (${raw.table} is ${humanSize(size)} on the database)`;
    }
    collected.push({
      rule: rule.id,
      level: level === 'off' ? 'warning' : level,
      file: path,
      line: raw.line,
      column: raw.column,
      section,
      message,
      help: raw.help,
      statementLine: statementLine ?? raw.line,
      coversUntilLine: raw.coversUntilLine ?? statementLine ?? raw.line,
    });
  };
  const enabled = new Set(rules.map((r) => r.id));
  const builtin = (id: string): Rule => ALL_RULE_BY_ID.get(id)!;

  let carried = new Set<string>();
  const indexTables = new Map<string, string>();
  const partitioned = new Set<string>();
  // Built once per run, not per file: on 10,000 files the per-file closures showed in the profile.
  const fileRules = rules.filter((r) => r.file !== undefined);
  const walkers = { up: sectionWalker('up', rules, reporter), down: sectionWalker('down', rules, reporter) };
  for (const named of files) {
    if (!selected(named.path)) continue;
    const file = readLintFile(named.path, contents.get(named.path)!);
    const suppressions = readSuppressions(file.lines);
    suppressionsByFile.set(file.path, suppressions);
    if (enabled.has('invalid-suppression')) checkSuppressions(suppressions, (line) => reporter(builtin('invalid-suppression'), file.path, 'file', line));
    // A `.sql` file without a migration name is not a migration: file-name says so, nothing else applies.
    if (file.version === undefined) {
      for (const rule of rules) if (rule.id === 'file-name') rule.file?.(file, reporter(rule, file.path, 'file'));
      continue;
    }
    if (file.gooseError) {
      if (enabled.has('goose-parse')) {
        reporter(builtin('goose-parse'), file.path, 'file')({
          line: file.gooseError.line,
          column: 1,
          message: `goose cannot read this file: ${file.gooseError.message}`,
          help: file.gooseError.hint ?? 'fix the goose annotations',
        });
      }
      continue;
    }
    if (hasDoBlock(file)) await readDoBlocks(file);
    for (const rule of fileRules) rule.file!(file, reporter(rule, file.path, 'file'));
    const pending = file.version !== undefined && options.pending?.has(file.version) === true;
    const known = pending ? new Set(carried) : new Set<string>();
    const walk = { file, enabled, reporter, indexTables, partitioned };
    walkSection(walk, walkers.up, file.up, known);
    // Down runs after Up: what Up created is Down's to drop.
    walkSection(walk, walkers.down, file.down, new Set(known));
    if (pending) carried = known;
  }

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

interface Walk {
  file: LintFile;
  enabled: ReadonlySet<string>;
  reporter: (rule: Rule, path: string, section: Section, statementLine?: number) => Report;
  /** Index name → table, from every statement walked so far. */
  indexTables: Map<string, string>;
  /** Tables created PARTITION BY, from every statement walked so far. */
  partitioned: Set<string>;
}

/** The statement rules of one section kind, with one report function each for the whole run. */
interface SectionWalker {
  section: 'up' | 'down';
  active: readonly Rule[];
  reports: readonly Report[];
  /** What the report functions read when they report: the file and statement being walked. */
  at: { path: string; statementLine: number };
}

function sectionWalker(section: 'up' | 'down', rules: readonly Rule[], reporter: Walk['reporter']): SectionWalker {
  const at = { path: '', statementLine: 0 };
  const active = rules.filter((r) => r.statement !== undefined && (r.sections ?? ['up']).includes(section));
  const reports = active.map((rule) => (raw: RawFinding) => reporter(rule, at.path, section, at.statementLine)(raw));
  return { section, active, reports, at };
}

function walkSection(walk: Walk, walker: SectionWalker, statements: readonly GooseStatement[], known: Set<string>): void {
  const { file, enabled, reporter, indexTables, partitioned } = walk;
  const { section, active, reports, at } = walker;
  let lockTimeoutSet = false;
  const sectionMemory = new Set<string>();
  at.path = file.path;
  const isNew = (name: string) => known.has(name);
  const tableOfIndex = (name: string) => indexTables.get(name);
  const isPartitioned = (name: string) => partitioned.has(name);
  for (const statement of statements) {
    at.statementLine = statement.line;
    if (!statement.grammar.ok) {
      if (enabled.has('syntax-error')) {
        const text = statement.text;
        const offset = statement.grammar.offset;
        const place = placeIn(text, offset, statement.line, statement.column);
        reporter(ALL_RULE_BY_ID.get('syntax-error')!, file.path, section, statement.line)({
          ...place,
          message: `PostgreSQL's grammar rejects this statement: ${statement.grammar.message}`,
          help: 'fix the SQL; goose would send it as written and PostgreSQL would fail the migration here',
        });
      }
      continue;
    }
    for (const sql of statement.sql.some((s) => s.body !== undefined) ? statement.sql.flatMap((s) => [s, ...(s.body ?? [])]) : statement.sql) {
      const ctx: StatementContext = { file, section, statement, sql, isNew, tableOfIndex, isPartitioned, lockTimeoutSet, sectionMemory };
      for (let i = 0; i < active.length; i++) active[i]!.statement!(ctx, reports[i]!);
      for (const name of createdRelations(sql)) known.add(name);
      if ('CreateStmt' in sql.node && sql.node.CreateStmt.partspec !== undefined && sql.node.CreateStmt.relation?.relname !== undefined) {
        partitioned.add(sql.node.CreateStmt.relation.relname);
      }
      if ('IndexStmt' in sql.node && sql.node.IndexStmt.idxname !== undefined && sql.node.IndexStmt.relation?.relname !== undefined) {
        indexTables.set(sql.node.IndexStmt.idxname, sql.node.IndexStmt.relation.relname);
      }
      if (setsLockTimeout(sql)) lockTimeoutSet = true;
    }
  }
}

/** Reads the statements of the file's DO blocks (the PL/pgSQL parser loads on the first one). */
async function readDoBlocks(file: LintFile): Promise<void> {
  await loadPlpgsql();
  for (const statement of [...file.up, ...file.down]) {
    for (const sql of statement.sql) if (sql.kind === 'DoStmt') sql.body = doBlockStatements(statement, sql);
  }
}

const ALL_RULE_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

/** Suppression comments that are findings themselves: no reason, no rule, an unknown rule. */
function checkSuppressions(suppressions: readonly Suppression[], report: (line: number) => Report): void {
  for (const s of suppressions) {
    const r = report(s.line);
    const unknown = s.rules.filter((id) => !ALL_RULE_BY_ID.has(id));
    if (s.rules.length === 0) {
      r({ line: s.line, column: s.column, message: 'suppression names no rule', help: 'write `-- gander-lint-ignore <rule>[, <rule>] -- <reason>`' });
    } else if (unknown.length > 0) {
      r({ line: s.line, column: s.column, message: `suppression names unknown rule ${unknown.join(', ')}`, help: 'use the rule ids that findings show' });
    }
    if (s.reason === '') {
      r({
        line: s.line,
        column: s.column,
        message: `suppression of ${s.rules.join(', ') || 'nothing'} has no reason`,
        help: 'say why after a second `--`: `-- gander-lint-ignore <rule> -- <reason>`',
      });
    }
  }
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
