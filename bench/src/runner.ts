import { performance } from 'node:perf_hooks';
import type { Scenario, ScenarioResult } from './scenario.js';
import { summarize } from './stats.js';

export interface RunOptions {
  runs: number;
  warmups: number;
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const prepared = await scenario.prepare();
  try {
    for (let i = 0; i < options.warmups; i++) await prepared.run();
    const seconds: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const start = performance.now();
      await prepared.run();
      seconds.push((performance.now() - start) / 1000);
    }
    const time = summarize(seconds);
    const values = seconds.map((s) => prepared.toValue(s));
    const value = summarize(values);
    const met = scenario.higherIsBetter ? value.median >= scenario.target : value.median <= scenario.target;
    return {
      name: scenario.name,
      unit: scenario.unit,
      ...value,
      runs: options.runs,
      target: scenario.target,
      met,
      input: prepared.input,
      seconds: time,
    };
  } finally {
    await prepared.cleanup?.();
  }
}
