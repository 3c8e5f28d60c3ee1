import { GanderError, type StatusReport } from '@gander/core';
import { statusLines } from '../output/status-table.js';
import type { CommandOutcome, DbCommandContext } from './context.js';

/**
 * goose's status table, on stderr through the log like goose's. gander adds a
 * warning line for a file that changed after it was applied and for a version
 * the database has without a file (goose shows neither).
 */
export async function statusCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  let report: StatusReport;
  try {
    report = await ctx.provider.status();
  } catch (error) {
    // goose's status says where it failed (status.go: `failed to ensure DB version: …`).
    if (error instanceof GanderError && error.code === 'E_NO_NEXT_VERSION') {
      throw new GanderError(error.code, `failed to ensure DB version: ${error.message}`, error.hint === undefined ? {} : { hint: error.hint });
    }
    throw error;
  }
  ctx.log.printAll(statusLines(report.migrations, report.noVersioning));
  const prefix = ctx.options.logPrefix;
  for (const m of report.migrations) {
    if (m.drifted) {
      ctx.log.print(`${prefix}: warning: ${m.file} changed after it was applied (checksum differs from the audit log)`);
    }
    if (m.state === 'unknown') ctx.log.print(`${prefix}: warning: version ${m.version} is applied but has no migration file`);
  }
  for (const f of report.failed) {
    ctx.log.print(
      `${prefix}: FAILED PART-WAY: ${f.file} (version ${f.version}, ${f.direction}, NO TRANSACTION, started ${f.startedAt}): ${f.error ?? 'it never recorded an end: the process was killed or lost its connection'}`,
    );
    if (f.invalidIndexes.length > 0) ctx.log.print(`${prefix}:   left behind: invalid index${f.invalidIndexes.length === 1 ? '' : 'es'} ${f.invalidIndexes.join(', ')}`);
    ctx.log.print(`${prefix}:   recovery:`);
    f.recovery.forEach((step, i) => ctx.log.print(`${prefix}:     ${i + 1}. ${step}`));
  }
  return {
    currentVersion: report.currentVersion,
    extra: {
      latestVersion: report.latestVersion,
      noVersioning: report.noVersioning,
      migrations: report.migrations.map((m) => ({
        version: m.version,
        file: m.file ?? null,
        state: m.state,
        appliedAt: m.appliedAt ?? null,
        drifted: m.drifted,
        appliedBy: m.appliedBy ?? null,
        failedPartWay: m.failedPartWay === true,
      })),
      failed: report.failed.map((f) => ({
        version: f.version,
        file: f.file,
        direction: f.direction,
        startedAt: f.startedAt,
        error: f.error ?? null,
        invalidIndexes: f.invalidIndexes,
        recovery: f.recovery,
      })),
    },
  };
}
