import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_GROUP, orderGroups, runFleet, shardTargets, type FleetResult } from '@gander/core';
import { CliError } from '../errors.js';
import { fleetFlags } from '../fleet/fleet-flags.js';
import { toFleetTargets } from '../fleet/fleet-targets.js';
import { lineProgress, terminalProgress } from '../fleet/progress.js';
import { namesToRetry, toReport } from '../fleet/report.js';
import { resultTable, summaryLines } from '../fleet/table.js';
import { fleetTask } from '../fleet/task.js';
import { loadTargetList } from '../fleet/targets-source.js';
import { toJsonText } from '../output/json.js';
import type { CommandContext, CommandOutcome } from './context.js';
import { cliProviderOptions } from '../run/provider-options.js';

function failureError(result: FleetResult): CliError {
  const failed = result.targets.filter((t) => t.status === 'failed').map((t) => t.name);
  const shown = failed.length > 10 ? `${failed.slice(0, 10).join(', ')}, …` : failed.join(', ');
  const notRun = result.summary.skipped;
  return new CliError(
    'E_FLEET_FAILED',
    `fleet ${result.task}: ${failed.length} of ${result.summary.total} target${result.summary.total === 1 ? '' : 's'} failed${shown ? ` (${shown})` : ''}${notRun > 0 ? `, ${notRun} not run` : ''}`,
    { hint: 'see the ERROR column (or the report); fix, then re-run only those with --only-failed REPORT' },
  );
}

/**
 * `gander fleet <command> [args]`: one command on every listed database
 * through core's runFleet (one provider per database, a bounded pool, groups
 * in order). Prints one row per database and a summary; exit 1 when any
 * database failed or did not run.
 */
export async function fleetCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const { io, options } = ctx;
  const lintConfig = ctx.flags.get('lint-config');
  const task = fleetTask(ctx.args, {
    dir: ctx.usablePath(options.dir),
    cwd: io.cwd,
    ...(typeof lintConfig === 'string' && lintConfig !== '' ? { configPath: lintConfig } : {}),
    failOnWarnings: ctx.flags.get('fail-on-warnings') === true,
  });
  const flags = fleetFlags(ctx.flags);
  const list = await loadTargetList(flags.source, io.cwd, io.env);
  let specs = list.targets;
  // A group order naming no group is a typo, checked against the whole list:
  // after a shard or --only-failed, a group may simply have nothing left.
  const groupOrder = orderGroups(list.targets, flags.groups.length > 0 ? flags.groups : list.groups);
  if (flags.onlyFailed !== '') {
    const retry = await namesToRetry(flags.onlyFailed, io.cwd);
    const known = new Set(specs.map((s) => s.name));
    for (const name of retry) {
      if (!known.has(name)) ctx.log.print(`fleet: warning: ${name} is in ${flags.onlyFailed} but no longer among the targets`);
    }
    specs = specs.filter((s) => retry.has(s.name));
  }
  if (flags.shard) specs = shardTargets(specs, flags.shard);
  const targets = toFleetTargets(specs, io.env, io.cwd, { certfile: options.certfile, sslCert: options.sslCert, sslKey: options.sslKey });
  if (targets.length === 0) {
    ctx.log.print(`fleet ${task.name}: no targets to run${flags.shard ? ` in shard ${flags.shard.index}/${flags.shard.count}` : ''}${flags.onlyFailed ? ` (nothing failed in ${flags.onlyFailed})` : ''}`);
  }
  const live = io.isTTY && !options.json;
  const progress = live ? terminalProgress(io.stderr, ctx.colors, task.name, targets.length) : lineProgress(ctx.log, ctx.colors);
  let result: FleetResult;
  try {
    result = await runFleet({
      targets,
      task,
      provider: { dir: ctx.usablePath(options.dir), ...cliProviderOptions(options, io.env) },
      concurrency: flags.concurrency,
      groups: groupOrder.filter((g) => specs.some((s) => (s.group ?? DEFAULT_GROUP) === g)),
      onError: flags.onError,
      ...(flags.maxFailures === undefined ? {} : { maxFailures: flags.maxFailures }),
      onEvent: (event) => progress.onEvent(event),
    });
  } finally {
    progress.finish();
  }
  const report = toReport(result);
  if (flags.report !== '') {
    try {
      await writeFile(resolve(io.cwd, flags.report), toJsonText(report));
    } catch (error) {
      throw new CliError('E_IO', `--report ${flags.report}: ${(error as Error).message}`, { hint: 'pass a writable path for the report' });
    }
  }
  if (targets.length > 0) ctx.print(resultTable(result));
  ctx.log.printAll(summaryLines(result));
  return { extra: { fleet: report }, ...(result.ok ? {} : { error: failureError(result) }) };
}
