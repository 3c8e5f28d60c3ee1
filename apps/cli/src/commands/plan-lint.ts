import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '@gander/core';
import type { Finding, LintSummary } from '@gander/lint';

/**
 * What `gander lint` says about the migrations an `up` plan would run, for
 * `plan --json` (and any face that shows a plan before confirming): the
 * planned files are the pending ones, so what one creates is new for the next.
 */
export async function lintPlannedUp(plan: Plan, dir: string): Promise<{ findings: Finding[]; summary: LintSummary } | undefined> {
  const steps = plan.steps.filter((s) => s.direction === 'up' && s.file.endsWith('.sql'));
  if (steps.length === 0 || plan.steps.some((s) => s.direction !== 'up')) return undefined;
  const { lintFiles } = await import('@gander/lint');
  const files = await Promise.all(steps.map(async (s) => ({ path: s.file, content: await readFile(join(dir, s.file), 'utf8') })));
  const report = await lintFiles(files, { pending: new Set(steps.map((s) => s.version)) });
  return { findings: report.findings, summary: report.summary };
}
