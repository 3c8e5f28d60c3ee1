import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioResult } from '../harness/result-types.js';
import type { MachineInfo } from './machine.js';

/** bench/results/{name}.json (everything, raw samples included) and {name}.md (the printed report); `name` is latest, or ci-latest for BENCH_CI=1. */
export async function writeResults(
  dir: string,
  report: { machine: MachineInfo; runs: number; warmups: number; scenarios: readonly ScenarioResult[] },
  markdown: string,
  name = 'latest',
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { machine, ...rest } = report;
  const json = { date: machine.date, machine, ...rest };
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(dir, `${name}.md`), `${markdown}\n`);
}
