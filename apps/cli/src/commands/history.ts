import type { AuditRow } from '@gander/core';
import { CliError } from '../errors.js';
import { formatMigrationDuration } from '../output/duration.js';
import { tabulate } from '../output/tabwriter.js';
import type { CommandOutcome, DbCommandContext } from './context.js';

export const DEFAULT_HISTORY_LIMIT = 20;

export function historyLimit(args: readonly string[]): number {
  const text = args[0];
  if (text === undefined) return DEFAULT_HISTORY_LIMIT;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new CliError('E_USAGE', `history takes a number of entries (got '${text}')`, { hint: 'e.g. gander history 50' });
  }
  return Number(text);
}

export function renderHistory(rows: readonly AuditRow[]): string {
  if (rows.length === 0) return 'no entries: gander has not applied or rolled back anything in this database yet\n';
  return tabulate(
    [
      ['WHEN', 'VERSION', 'DIRECTION', 'FILE', 'OUTCOME', 'DURATION', 'DB USER', 'OS USER@HOST', 'ENV'],
      ...rows.map((r) => [
        r.startedAt,
        r.version.toString(),
        r.direction,
        r.file,
        // baseline, lock-retry and started rows say what they are rather than a bare ok/failed.
        r.event === undefined ? r.outcome : r.event === 'lock-retry' ? `lock-retry ${r.attempt ?? ''}`.trim() : r.event,
        formatMigrationDuration(r.durationMs),
        r.dbUser,
        `${r.osUser}@${r.host}`,
        r.envLabel ?? '-',
      ]),
    ],
    2,
  ).replace(/ +\n/g, '\n');
}

/** gander's audit log (gander_migration_log), newest first. */
export async function historyCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const rows = await ctx.provider.history(historyLimit(ctx.args));
  ctx.print(renderHistory(rows));
  return {
    extra: {
      history: rows.map((r) => ({
        id: r.id,
        at: r.startedAt,
        version: r.version,
        direction: r.direction,
        file: r.file,
        outcome: r.outcome,
        durationMs: r.durationMs,
        dbUser: r.dbUser,
        osUser: r.osUser,
        host: r.host,
        envLabel: r.envLabel ?? null,
        checksum: r.checksum ?? null,
        error: r.error ?? null,
        event: r.event ?? null,
        reason: r.reason ?? null,
        group: r.group ?? null,
        attempt: r.attempt ?? null,
      })),
    },
  };
}
