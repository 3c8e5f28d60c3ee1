import type { Database } from '../db/database.js';
import { maskConnectionString } from '../db/mask.js';
import { pgDatabase } from '../db/pg-adapter.js';
import { GanderError } from '../errors.js';
import { createProvider } from '../provider/provider.js';
import { collectMigrations } from '../source/index.js';
import { toFleetError } from './fleet-error.js';
import { assertUniqueNames, DEFAULT_GROUP, orderGroups } from './groups.js';
import { runBounded } from './pool.js';
import { summarize } from './summary.js';
import type { FleetOptions, FleetResult, FleetTarget, FleetTargetResult, ResolvedTarget } from './types.js';

const DEFAULT_CONCURRENCY = 4;

function positiveInteger(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new GanderError('E_INVALID_OPTION', `${name} must be a whole number of at least 1 (got ${value})`);
  }
}

function resolve(target: FleetTarget): ResolvedTarget {
  const display =
    target.display ?? (typeof target.connection === 'string' ? maskConnectionString(target.connection) : target.name);
  return { name: target.name, group: target.group ?? DEFAULT_GROUP, labels: { ...target.labels }, display };
}

async function openTarget(target: FleetTarget): Promise<Database> {
  if (target.open) return target.open();
  if (target.connection !== undefined) return pgDatabase(target.connection);
  throw new GanderError('E_INVALID_OPTION', `target ${target.name} has neither a connection nor an open function`);
}

/**
 * One release applied to many databases: each target gets its own provider
 * (the one path that decides what runs), at most `concurrency` at once, group
 * after group. A mutating task's failure stops every later group (the canary
 * guards the rest); `onError: 'stop'` and `maxFailures` stop starting targets
 * within a group too. Never throws for a target's failure: every target gets
 * a result, and the summary counts them.
 */
export async function runFleet(options: FleetOptions): Promise<FleetResult> {
  positiveInteger(options.concurrency, 'concurrency');
  positiveInteger(options.maxFailures, 'maxFailures');
  assertUniqueNames(options.targets);
  const groups = orderGroups(options.targets, options.groups);
  const { task, onEvent = () => undefined } = options;
  const onError = options.onError ?? 'continue';
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // Read and parse the migrations once, not once per database.
  const { dir, sources: given, ...shared } = options.provider;
  const sources = given ?? (await collectMigrations(dir ?? '.'));

  const results = new Map<string, FleetTargetResult>();
  let failures = 0;
  let stopReason: string | undefined;

  const skip = (target: FleetTarget, because: string) => {
    const result: FleetTargetResult = { ...resolve(target), status: 'skipped', skippedBecause: because, applied: [], durationMs: 0 };
    results.set(target.name, result);
    onEvent({ type: 'target-done', result });
  };

  async function runOne(target: FleetTarget): Promise<FleetTargetResult> {
    const resolved = resolve(target);
    const secrets = target.secrets ?? [];
    onEvent({ type: 'target-start', target: resolved });
    const started = performance.now();
    let db: Database | undefined;
    let result: FleetTargetResult;
    try {
      db = await openTarget(target);
      const provider = await createProvider({
        ...shared,
        db,
        sources,
        onEvent: (event) => onEvent({ type: 'target-event', target: resolved, event }),
      });
      const outcome = await task.run(provider, resolved);
      result = {
        ...resolved,
        status: outcome.error === undefined ? 'ok' : 'failed',
        ...(outcome.fromVersion === undefined ? {} : { fromVersion: outcome.fromVersion }),
        ...(outcome.toVersion === undefined ? {} : { toVersion: outcome.toVersion }),
        applied: [...(outcome.applied ?? [])],
        durationMs: performance.now() - started,
        ...(outcome.error === undefined ? {} : { error: toFleetError(outcome.error, secrets) }),
        ...(outcome.details ? { details: outcome.details } : {}),
      };
    } catch (error) {
      result = { ...resolved, status: 'failed', applied: [], durationMs: performance.now() - started, error: toFleetError(error, secrets) };
    } finally {
      await db?.close().catch(() => undefined);
    }
    return result;
  }

  for (const group of groups) {
    const members = options.targets.filter((t) => (t.group ?? DEFAULT_GROUP) === group);
    if (stopReason !== undefined) {
      onEvent({ type: 'group-skipped', group, because: stopReason });
      for (const t of members) skip(t, stopReason);
      continue;
    }
    onEvent({ type: 'group-start', group, targets: members.length });
    await runBounded(
      members,
      concurrency,
      async (target) => {
        const result = await runOne(target);
        results.set(target.name, result);
        if (result.status === 'failed') {
          failures++;
          if (onError === 'stop') stopReason ??= `not started: ${target.name} failed and on-error is stop`;
          if (options.maxFailures !== undefined && failures >= options.maxFailures) {
            stopReason ??= `not started: ${failures} target${failures === 1 ? '' : 's'} failed (max failures ${options.maxFailures})`;
          }
        }
        onEvent({ type: 'target-done', result });
      },
      () => stopReason === undefined,
      (target) => skip(target, stopReason!),
    );
    const groupFailures = members.filter((t) => results.get(t.name)?.status === 'failed').length;
    if (groupFailures > 0 && task.mutates) {
      stopReason ??= `not started: group ${group} had ${groupFailures} failed target${groupFailures === 1 ? '' : 's'}`;
    }
  }

  const ordered = options.targets.map((t) => results.get(t.name)!);
  const summary = summarize(ordered);
  return { task: task.name, ok: summary.failed === 0 && summary.skipped === 0, targets: ordered, summary, groups };
}
