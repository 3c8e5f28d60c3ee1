import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioResult } from '../harness/result-types.js';
import type { MachineInfo } from './machine.js';

/** bench/results/latest.json (everything, raw samples included) and latest.md (the printed report). */
export async function writeResults(
  dir: string,
  report: { machine: MachineInfo; runs: number; warmups: number; scenarios: readonly ScenarioResult[] },
  markdown: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { machine, ...rest } = report;
  const json = { date: machine.date, machine, ...rest };
  await writeFile(join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(dir, 'latest.md'), `${markdown}\n`);
}
