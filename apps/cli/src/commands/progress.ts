import { describeBlockers, describeHolders, type MigrationResult, type ProviderEvent } from '@gander/core';
import { formatMigrationDuration } from '../output/duration.js';
import type { DbCommandContext } from './context.js';

// goose's clearStatement (migration_sql.go): drop whole-line comments and empty lines.
export function clearStatement(sql: string): string {
  return sql
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('--') && line !== '')
    .join('\n');
}

/** goose's `OK   <file> (<dur>)` (OK and three spaces) or `EMPTY <file> (<dur>)`. */
export function migrationLine(file: string, empty: boolean, durationMs: number): string {
  return `${empty ? 'EMPTY ' : 'OK   '}${file} (${formatMigrationDuration(durationMs)})`;
}

/** What the failing statement was, for -v error detail. */
export interface RunTrace {
  lastStatement: string | undefined;
  /** Every migration that finished, as it finished (what ran before a -timeout). */
  results: MigrationResult[];
}

/**
 * Print the provider's progress as goose prints its own: `OK   file (dur)` or
 * `EMPTY file (dur)` per migration, and with -v the transaction steps and each
 * statement in gray. Returns the unsubscribe function.
 */
export function logProgress(ctx: DbCommandContext, trace: RunTrace): () => void {
  const verbose = (text: string) => {
    if (ctx.options.verbose) ctx.log.print(ctx.colors.gray(text));
  };
  const useTx = new Map<bigint, boolean>();
  return ctx.provider.subscribe((event: ProviderEvent) => {
    switch (event.type) {
      case 'lock-wait':
        ctx.log.print(
          `${ctx.options.logPrefix}: waiting for the migration lock, held by ${
            event.lockedBy !== undefined
              ? `${event.lockedBy ?? 'nobody visible'} (goose_lock${event.leaseExpiresAt ? `, lease until ${event.leaseExpiresAt}` : ''})`
              : describeHolders(event.holders)
          }`,
        );
        break;
      case 'lock-retry':
        ctx.log.print(
          `${ctx.options.logPrefix}: ${event.file}${event.statement === undefined ? '' : ` statement ${event.statement}`}: attempt ${event.attempt} of ${event.attempts} gave up waiting for a lock (lock_timeout), blocked by ${describeBlockers(event.blockers)}${event.backoffMs > 0 ? `; retrying in ${Math.round(event.backoffMs)} ms` : ''}`,
        );
        break;
      case 'group-start':
        verbose(`Begin transaction (group ${event.group}: ${event.versions.join(', ')})`);
        break;
      case 'group-done':
        verbose(event.committed ? `Commit transaction (group ${event.group})` : `Rollback transaction (group ${event.group})`);
        break;
      case 'migration-start':
        useTx.set(event.version, event.useTx);
        if (event.useTx) verbose('Begin transaction');
        break;
      case 'statement-start':
        trace.lastStatement = event.sql;
        verbose(`Executing statement: ${clearStatement(event.sql)}`);
        break;
      case 'migration-done': {
        const { result } = event;
        trace.results.push(result);
        if (useTx.get(result.version) && result.group === undefined) verbose(result.error ? 'Rollback transaction' : 'Commit transaction');
        if (result.rolledBack) {
          ctx.log.print(`ROLLED BACK ${result.file} (group ${result.group}: a later migration of its transaction failed)`);
        } else if (!result.error) {
          ctx.log.print(migrationLine(result.file, result.empty, result.durationMs));
        }
        break;
      }
      default:
        break;
    }
  });
}
