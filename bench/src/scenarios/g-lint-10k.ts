import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { ganderLintContestant, squawkContestant } from '../contestants/lint.js';
import { nodeStartFloor } from '../contestants/node-start.js';
import { writeLintMigrations } from '../fixtures/lint-migrations.js';
import type { Scenario } from '../harness/types.js';
import { findGanderCli } from '../peers/gander-cli.js';
import { findSquawk, squawkCommand } from '../peers/squawk.js';

const FILES = 10_000;

/** Findings each tool reports on the files: printed with the timings, so speed is never read without them. */
function ganderFindings(bin: string, dir: string): string {
  const out = spawnSync(process.execPath, [bin, 'lint', '-format', 'json', dir], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const report = JSON.parse(out.stdout) as { summary: { errors: number; warnings: number } };
  return `${report.summary.errors + report.summary.warnings} (${report.summary.errors} errors, ${report.summary.warnings} warnings)`;
}

function squawkFindings(bin: string, dir: string): string {
  let stdout: string;
  try {
    const command = squawkCommand(bin, `${dir}/*.sql`);
    stdout = execFileSync(command.command, command.args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  }
  const findings = JSON.parse(stdout) as Array<{ rule_name: string }>;
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule_name, (byRule.get(f.rule_name) ?? 0) + 1);
  return `${findings.length} (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')})`;
}

/** (g) `gander lint` against squawk on 10,000 generated goose migrations, each as a cold process. */
export const lint10kScenario: Scenario = {
  id: 'g-lint-10k',
  title: 'lint 10,000 goose migrations: gander lint vs squawk (cold process, JSON output)',
  unit: 's',
  target: { kind: 'ratio', max: 100, fasterThan: ['squawk'] },
  needsServer: false,
  async prepare({ scratch }) {
    const dir = await writeLintMigrations(join(scratch, 'g-lint-10k', 'migrations'), FILES);
    const cli = findGanderCli();
    const squawk = findSquawk();
    const notes = [
      'Files rotate through five kinds: a new table with its index (quiet for gander: created in the same file), a column and an index added to an earlier table, a trigger function inside StatementBegin/End, a NO TRANSACTION concurrent index, a NOT VALID check plus a rename.',
      'squawk runs as its Rust binary (@squawk-cli/<platform>/bin/squawk, not the npm wrapper); it exits 1 when it finds something, which counts as success here.',
      `Threads: squawk's CPU time is above its wall time when a core is idle (it uses more than one thread); gander lint uses one worker thread per other core from 2,000 files on (at most 3; ${availableParallelism()} cores here, so ${Math.min(3, availableParallelism() - 1)} worker beside the main thread), each thread claiming chunks of files as it goes. "gander lint, 1 thread" (GANDER_LINT_WORKERS=0) is the same work on one thread, for the per-core comparison. Load average ${loadavg()[0]!.toFixed(1)} when the files were written: with other work on the machine a worker only takes turns with it.`,
    ];
    if (cli.path) notes.push(`gander lint findings: ${ganderFindings(cli.path, dir)}.`);
    if (squawk.path) notes.push(`squawk findings: ${squawkFindings(squawk.path, dir)}.`);
    return {
      input: `${FILES} files in one folder, ${FILES / 5} of each kind`,
      notes,
      contestants: [
        nodeStartFloor(),
        ganderLintContestant('gander lint', ['-format', 'json', dir], { okExitCodes: [1] }),
        ganderLintContestant('gander lint, 1 thread', ['-format', 'json', dir], { okExitCodes: [1], env: { GANDER_LINT_WORKERS: '0' } }),
        squawkContestant(`${dir}/*.sql`),
      ],
    };
  },
};
