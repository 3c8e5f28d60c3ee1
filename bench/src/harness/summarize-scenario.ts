import { summarize, type Summary } from '../stats.js';
import type { InterleaveResult, RawResult } from './interleave.js';
import type { ContestantStats, ScenarioResult } from './result-types.js';
import { describeTargets, judge, targetList, targetsFor } from './targets.js';
import type { PreparedScenario, Scenario } from './types.js';

function toUnit(scenario: Scenario, prepared: PreparedScenario, seconds: number): number {
  if (prepared.toValue) return prepared.toValue(seconds);
  return scenario.unit === 'ms' ? seconds * 1000 : seconds;
}

function phaseSummaries(raw: RawResult): Record<string, Summary> | undefined {
  const names = new Set(raw.samples.flatMap((m) => Object.keys(m.phases ?? {})));
  if (names.size === 0) return undefined;
  const out: Record<string, Summary> = {};
  for (const name of names) {
    out[name] = summarize(raw.samples.map((m) => m.phases?.[name] ?? 0));
  }
  return out;
}

function statsOf(scenario: Scenario, prepared: PreparedScenario, raw: RawResult): ContestantStats {
  const { contestant } = raw;
  const base = { name: contestant.name, role: contestant.role, mode: contestant.mode, runs: raw.samples.length };
  if (contestant.skip !== undefined) return { ...base, status: 'skipped', note: contestant.skip, samples: [] };
  if (raw.failed !== undefined || raw.samples.length === 0) {
    return { ...base, status: 'failed', note: raw.failed ?? 'no timed run', samples: [] };
  }
  const seconds = raw.samples.map((m) => m.seconds);
  const phases = phaseSummaries(raw);
  return {
    ...base,
    status: 'ok',
    value: summarize(seconds.map((s) => toUnit(scenario, prepared, s))),
    seconds: summarize(seconds),
    ...(phases ? { phases } : {}),
    samples: seconds,
  };
}

/** Statistics per contestant, ratios to the floor (of the same mode when there is one), and the target judged for gander's contestants. */
export function summarizeScenario(scenario: Scenario, prepared: PreparedScenario, run: InterleaveResult): ScenarioResult {
  const contestants = run.results.map((r) => statsOf(scenario, prepared, r));
  const floors = contestants.filter((c) => c.role === 'floor' && c.status === 'ok');
  const floor = floors[0];
  for (const c of contestants) {
    // A cold process is held to the cold floor (psql, node -e 0) when there is one: both pay a process start.
    const own = floors.find((f) => f.mode === c.mode) ?? floor;
    if (own?.seconds && c.seconds) {
      c.ratioToFloor = c.seconds.median / own.seconds.median;
      c.floor = own.name;
    }
  }
  const targets = targetList(scenario.target);
  for (const c of contestants.filter((x) => x.role === 'gander')) {
    const own = targetsFor(targets, c.name);
    if (own.length === 0) continue;
    c.target = describeTargets(own, scenario.unit);
    const verdict = judge(own, c, contestants);
    if (c.status === 'ok') c.met = verdict.met;
    if (verdict.detail) c.targetDetail = verdict.detail;
  }
  return {
    id: scenario.id,
    title: scenario.title,
    unit: scenario.unit,
    ...(targets.length > 0 ? { target: describeTargets(targets, scenario.unit) } : {}),
    input: prepared.input,
    notes: run.fingerprints
      ? [...prepared.notes, `Every contestant that ran left the same schema: ${Object.entries(run.fingerprints).map(([phase, f]) => `after ${phase} ${f}`).join(', ')}.`]
      : prepared.notes,
    ...(floor ? { floor: floor.name } : {}),
    contestants,
  };
}
