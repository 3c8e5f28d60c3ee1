import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './report.js';
import { runScenario } from './runner.js';
import type { ScenarioResult } from './scenario.js';
import { scenarios } from './scenarios/index.js';

/**
 * Runs every scenario (or those whose name contains BENCH_FILTER), prints a
 * markdown table and writes bench/results/latest.json. BENCH_RUNS sets the
 * timed runs per scenario (default 7), BENCH_WARMUPS the untimed ones (2).
 */
const runs = Number(process.env.BENCH_RUNS ?? 7);
const warmups = Number(process.env.BENCH_WARMUPS ?? 2);
const filter = process.env.BENCH_FILTER ?? '';

const results: ScenarioResult[] = [];
for (const scenario of scenarios) {
  if (!scenario.name.includes(filter)) continue;
  process.stderr.write(`running ${scenario.name} (${warmups} warm-up, ${runs} timed)...\n`);
  results.push(await runScenario(scenario, { runs, warmups }));
}

const cpuList = cpus();
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpuList.length, model: cpuList[0]?.model ?? 'unknown', node: process.version },
  scenarios: results,
};
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
await mkdir(resultsDir, { recursive: true });
await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

process.stdout.write(`${markdownTable(results)}\n\n${report.machine.model} × ${report.machine.cpus}, Node ${report.machine.node}\n`);
for (const r of results) process.stdout.write(`- ${r.name}: ${r.input}\n`);
if (results.some((r) => !r.met)) process.exitCode = 1;
