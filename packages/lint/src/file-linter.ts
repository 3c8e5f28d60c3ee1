import { humanSize, type LintConfig } from './config/config.js';
import { loadPlpgsql } from './grammar/plpgsql.js';
import { inputText, type LintInputFile } from './input.js';
import { createdRelations, setsLockTimeout } from './model/created.js';
import { doBlockStatements, hasDoBlock } from './model/do-block.js';
import { placeIn, readLintFile } from './model/read-file.js';
import type { GooseStatement, LintFile } from './model/types.js';
import { ALL_RULES } from './rules/index.js';
import type { RawFinding, Report, Rule, StatementContext } from './rules/rule.js';
import { readSuppressions, type Suppression } from './suppress.js';
import type { Finding, Section } from './types.js';

/**
 * Lints one file after the other with what the files before them left: the
 * part of a run that the main thread and the worker threads (parallel.ts)
 * share. The folder rules and the final sorting stay in engine.ts.
 */

export interface Collected extends Finding {
  /** First line of the statement the finding is in, for line suppressions. */
  statementLine: number;
  coversUntilLine: number;
}

/** What the files linted so far leave for the next ones. */
export interface RunState {
  /** Relations created by pending migrations: new for the pending migrations after them. */
  carried: Set<string>;
  /** Index name → table, from every statement walked so far. */
  indexTables: Map<string, string>;
  /** Tables created PARTITION BY, from every statement walked so far. */
  partitioned: Set<string>;
}

export function emptyState(): RunState {
  return { carried: new Set(), indexTables: new Map(), partitioned: new Set() };
}

/**
 * Names a rule looked up in the run state and did not find. A worker lints
 * its files with an empty state; its findings hold only if the files before
 * its chunk created none of these names (else the chunk is linted again).
 */
export interface Misses {
  carried: Set<string>;
  indexTables: Set<string>;
  partitioned: Set<string>;
}

export function noMisses(): Misses {
  return { carried: new Set(), indexTables: new Set(), partitioned: new Set() };
}

export interface FileLinterOptions {
  config: LintConfig;
  only?: readonly string[] | undefined;
  pending?: ReadonlySet<bigint> | undefined;
  tableSizes?: ReadonlyMap<string, number> | undefined;
}

export interface FileLinter {
  rules: readonly Rule[];
  collected: Collected[];
  suppressions: Map<string, Suppression[]>;
  reporter: (rule: Rule, path: string, section: Section, statementLine?: number) => Report;
  /** Lints one file, reading and updating `state`; `misses` records the lookups `state` could not answer. */
  lint(input: LintInputFile, state: RunState, misses?: Misses): Promise<void>;
}

const ALL_RULE_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function createFileLinter(options: FileLinterOptions): FileLinter {
  const config = options.config;
  const rules = ALL_RULES.filter((r) => (options.only === undefined || options.only.includes(r.id)) && config.rules[r.id] !== 'off');
  const suppressions = new Map<string, Suppression[]>();
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
  // Built once per run, not per file: on 10,000 files the per-file closures showed in the profile.
  const fileRules = rules.filter((r) => r.file !== undefined);
  const walkers = { up: sectionWalker('up', rules, reporter), down: sectionWalker('down', rules, reporter) };

  async function lint(input: LintInputFile, state: RunState, misses?: Misses): Promise<void> {
    const file = readLintFile(input.path, inputText(input));
    const found = readSuppressions(file.lines);
    suppressions.set(file.path, found);
    if (enabled.has('invalid-suppression')) checkSuppressions(found, (line) => reporter(builtin('invalid-suppression'), file.path, 'file', line));
    // A `.sql` file without a migration name is not a migration: file-name says so, nothing else applies.
    if (file.version === undefined) {
      for (const rule of rules) if (rule.id === 'file-name') rule.file?.(file, reporter(rule, file.path, 'file'));
      return;
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
      return;
    }
    if (hasDoBlock(file)) await readDoBlocks(file);
    for (const rule of fileRules) rule.file!(file, reporter(rule, file.path, 'file'));
    const pending = options.pending?.has(file.version) === true;
    const known = pending ? new Set(state.carried) : new Set<string>();
    // Only a pending file starts from what earlier pending files created: only its lookups depend on them.
    const fileMisses = misses === undefined || pending ? misses : { carried: new Set<string>(), indexTables: misses.indexTables, partitioned: misses.partitioned };
    const walk: Walk = { file, enabled, reporter, state, misses: fileMisses };
    walkSection(walk, walkers.up, file.up, known);
    // Down runs after Up: what Up created is Down's to drop.
    walkSection(walk, walkers.down, file.down, new Set(known));
    if (pending) state.carried = known;
  }

  return { rules, collected, suppressions, reporter, lint };
}

interface Walk {
  file: LintFile;
  enabled: ReadonlySet<string>;
  reporter: (rule: Rule, path: string, section: Section, statementLine?: number) => Report;
  state: RunState;
  misses: Misses | undefined;
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
  const { file, enabled, reporter, misses } = walk;
  const { indexTables, partitioned } = walk.state;
  const { section, active, reports, at } = walker;
  let lockTimeoutSet = false;
  const sectionMemory = new Set<string>();
  at.path = file.path;
  const isNew = (name: string) => {
    const hit = known.has(name);
    if (!hit) misses?.carried.add(name);
    return hit;
  };
  const tableOfIndex = (name: string) => {
    const table = indexTables.get(name);
    if (table === undefined) misses?.indexTables.add(name);
    return table;
  };
  const isPartitioned = (name: string) => {
    const hit = partitioned.has(name);
    if (!hit) misses?.partitioned.add(name);
    return hit;
  };
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
      if (sql.bodyError !== undefined && enabled.has('syntax-error')) {
        reporter(ALL_RULE_BY_ID.get('syntax-error')!, file.path, section, statement.line)({
          line: sql.line,
          column: sql.column,
          message: `PL/pgSQL's grammar rejects this DO block's body: ${sql.bodyError}`,
          help: 'fix the body; PostgreSQL compiles it when the DO statement runs, and the migration would fail here',
        });
      }
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
    for (const sql of statement.sql) {
      if (sql.kind !== 'DoStmt') continue;
      const { statements, syntaxError } = doBlockStatements(statement, sql);
      sql.body = statements;
      if (syntaxError !== undefined) sql.bodyError = syntaxError;
    }
  }
}


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
