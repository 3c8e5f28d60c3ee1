import { hideSubstitutions, type ParsedMigrationSql } from '../parser/index.js';
import { loadCodeMigration } from './code-migration.js';
import type { PlanStep } from './plan.js';
import type { PlannedMigration } from './types.js';

/** A SQL step: its statements, with the printable text where ENVSUB put values in. */
export function preparedSql(step: PlanStep, sql: ParsedMigrationSql): PlannedMigration {
  const subs = sql.substitutions;
  return {
    version: step.source.version,
    file: step.source.fileName,
    path: step.source.path,
    direction: step.direction,
    useTx: sql.useTx,
    statements: (step.direction === 'up' ? sql.up : sql.down).map((s) => {
      const shown = hideSubstitutions(s.sql, subs);
      return shown === s.sql ? { sql: s.sql, line: s.line } : { sql: s.sql, line: s.line, shown };
    }),
    ...(subs ? { substitutions: subs } : {}),
    checksum: step.source.checksum,
  };
}

/**
 * A code (.js/.ts) step. Importing the module runs its top-level code, so a
 * plan (which promises to change nothing) never loads it: the step says what
 * it is, and its statements are known only when it runs.
 */
export async function prepareCode(step: PlanStep, loadCode: boolean): Promise<PlannedMigration> {
  const kind = step.source.kind === 'ts' ? 'ts' : 'js';
  const base = {
    version: step.source.version,
    file: step.source.fileName,
    path: step.source.path,
    direction: step.direction,
    statements: [],
    checksum: step.source.checksum,
    codeMigration: kind,
  } as const;
  if (!loadCode) return { ...base, statements: [], useTx: declaresTransaction(step.source.content) };
  const code = await loadCodeMigration(step.source);
  const fn = step.direction === 'up' ? code.up : code.down;
  return { ...base, statements: [], useTx: code.useTx, ...(fn ? { code: fn } : {}) };
}

/**
 * The transaction mode a code migration declares, read from its text (a plan
 * must not import it): `export const transaction = false` opts out, as the
 * loader's check does when it runs.
 */
function declaresTransaction(text: string): boolean {
  return !/^\s*export\s+const\s+transaction\s*(?::\s*boolean\s*)?=\s*false\b/m.test(text);
}
