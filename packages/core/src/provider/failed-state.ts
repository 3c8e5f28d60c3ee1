import type { Queryable } from '../db/database.js';
import { GanderError } from '../errors.js';
import type { DbState } from './db-state.js';
import type { ProviderContext } from './provider-options.js';
import type { FailedMigration } from './types.js';

/** Index names a migration's statements create: `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name`. */
export function createdIndexNames(statements: readonly string[]): string[] {
  const names: string[] = [];
  const pattern = /\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?((?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))?)\s+ON\b/gi;
  for (const sql of statements) {
    for (const match of sql.matchAll(pattern)) {
      const last = match[1]!.split(/\s*\.\s*(?=(?:"|[A-Za-z_]))/).at(-1)!;
      names.push(last.startsWith('"') ? last.slice(1, -1).replaceAll('""', '"') : last.toLowerCase());
    }
  }
  return [...new Set(names)];
}

async function invalidIndexes(q: Queryable, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { rows } = await q.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND c.relname = ANY ($1::text[])
      ORDER BY 1`,
    [names],
  );
  return rows.map((r) => r.name);
}

function recoverySteps(f: Omit<FailedMigration, 'recovery'>, versionTable: string): string[] {
  const steps: string[] = [];
  for (const index of f.invalidIndexes) steps.push(`DROP INDEX CONCURRENTLY IF EXISTS ${index};  -- invalid index left by the failed CREATE INDEX CONCURRENTLY`);
  steps.push(
    `check what else the statements of ${f.file} that ran before the failure changed (NO TRANSACTION: each committed on its own)`,
    f.direction === 'up'
      ? `fix the cause, make its statements safe to repeat (IF NOT EXISTS), then run it again: gander up --retry-failed`
      : `fix the cause, then roll it back again: gander down --retry-failed`,
    f.direction === 'up'
      ? `or, if you finished it by hand, record it: INSERT INTO ${versionTable} (version_id, is_applied) VALUES (${f.version}, true);`
      : `or, if you finished the rollback by hand, record it: DELETE FROM ${versionTable} WHERE version_id = ${f.version};`,
  );
  return steps;
}

/**
 * NO TRANSACTION migrations whose last run (from the audit log) did not end
 * well: it failed, or it started and never recorded an end (killed), and the
 * version table does not show it done. What PostgreSQL can tell about what it
 * left behind (invalid indexes it names) comes with the recovery steps.
 */
export async function findFailedMigrations(ctx: ProviderContext, q: Queryable, state: DbState): Promise<FailedMigration[]> {
  if (!ctx.audit) return [];
  const runs = await ctx.audit.lastRuns(q);
  const failed: FailedMigration[] = [];
  for (const run of runs.values()) {
    if (!run.noTx || run.outcome !== 'failed') continue;
    const done = run.direction === 'up' ? state.applied.has(run.version) : !state.applied.has(run.version);
    if (done) continue;
    const source = ctx.sources.find((s) => s.version === run.version);
    let statements: string[] = [];
    if (source?.kind === 'sql') {
      try {
        const parsed = ctx.collector.parseSource(source);
        statements = (run.direction === 'up' ? parsed.up : parsed.down).map((s) => s.sql);
      } catch {
        // A file that no longer parses still shows as failed; it just names no index.
      }
    }
    const base = {
      version: run.version,
      file: run.file,
      direction: run.direction,
      startedAt: run.startedAt,
      error: run.event === 'started' ? undefined : run.error,
      invalidIndexes: await invalidIndexes(q, createdIndexNames(statements)),
    };
    failed.push({ ...base, recovery: recoverySteps(base, ctx.store.table.qualified) });
  }
  return failed.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

export function failedMigrationError(failed: readonly FailedMigration[]): GanderError {
  const first = failed[0]!;
  const what = first.error ?? 'the process stopped before it could record how it ended (killed?)';
  return new GanderError(
    'E_FAILED_MIGRATION',
    `${first.file} (version ${first.version}) ran without a transaction and failed part-way on its last ${first.direction}: ${what}${first.invalidIndexes.length > 0 ? `; invalid indexes left: ${first.invalidIndexes.join(', ')}` : ''}${failed.length > 1 ? ` (and ${failed.length - 1} more: see status)` : ''}\nrecovery:\n${first.recovery.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}`,
    { hint: 'follow the recovery steps, then run again with --retry-failed (retryFailed) to run it from its first statement' },
  );
}
