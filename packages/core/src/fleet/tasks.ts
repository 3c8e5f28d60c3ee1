import type { Provider } from '../provider/provider.js';
import type { PlanOperation, RunResult } from '../provider/types.js';
import type { AppliedMigration, FleetTask, TaskOutcome } from './types.js';

/** A run's outcome: the version before (read just before the run), after, and what ran. */
async function runOutcome(provider: Provider, run: (p: Provider) => Promise<RunResult>): Promise<TaskOutcome> {
  const fromVersion = await provider.version();
  const result = await run(provider);
  const applied: AppliedMigration[] = result.results
    .filter((r) => r.error === undefined)
    .map((r) => ({ version: r.version, file: r.file, direction: r.direction, durationMs: r.durationMs }));
  return { fromVersion, toVersion: result.currentVersion, applied, ...(result.error ? { error: result.error } : {}) };
}

function planLabel(op: PlanOperation): string {
  return 'version' in op ? `plan ${op.kind} ${op.version}` : `plan ${op.kind}`;
}

/** The fleet's built-in tasks: each is one provider call, exactly what `gander <command>` runs on one database. */
export const fleetTasks = {
  up: (): FleetTask => ({ name: 'up', mutates: true, run: (p) => runOutcome(p, (q) => q.up()) }),
  upTo: (version: bigint): FleetTask => ({ name: `up-to ${version}`, mutates: true, run: (p) => runOutcome(p, (q) => q.upTo(version)) }),
  down: (): FleetTask => ({ name: 'down', mutates: true, run: (p) => runOutcome(p, (q) => q.down()) }),
  downTo: (version: bigint): FleetTask => ({
    name: `down-to ${version}`,
    mutates: true,
    run: (p) => runOutcome(p, (q) => q.downTo(version)),
  }),
  /** Version, pending count and drift per database. */
  status: (): FleetTask => ({
    name: 'status',
    mutates: false,
    async run(p) {
      const report = await p.status();
      const count = (state: string) => report.migrations.filter((m) => m.state === state).length;
      return {
        fromVersion: report.currentVersion,
        toVersion: report.currentVersion,
        details: {
          latestVersion: report.latestVersion,
          pending: count('pending'),
          missing: count('missing'),
          unknown: count('unknown'),
          drifted: report.migrations.filter((m) => m.drifted).map((m) => m.version),
        },
      };
    },
  }),
  version: (): FleetTask => ({
    name: 'version',
    mutates: false,
    async run(p) {
      const version = await p.version();
      return { fromVersion: version, toVersion: version };
    },
  }),
  /** What `op` would run on each database; changes nothing. */
  plan: (op: PlanOperation): FleetTask => ({
    name: planLabel(op),
    mutates: false,
    async run(p) {
      const plan = await p.plan(op);
      return {
        fromVersion: plan.currentVersion,
        toVersion: plan.currentVersion,
        details: {
          steps: plan.steps.map((s) => ({ version: s.version, file: s.file, direction: s.direction, statements: s.statements.length })),
        },
      };
    },
  }),
} as const;
