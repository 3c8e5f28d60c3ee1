import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLint } from '../run.js';

/**
 * DO blocks: the statements a PL/pgSQL body runs (and EXECUTE of a constant
 * string) are linted at their own line and column. testdata/do-blocks/bad
 * gives exactly bad.expected with every rule on (UPDATE_TESTDATA=1 rewrites
 * it: read the diff); good/ gives nothing.
 */
const here = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'do-blocks');

async function findings(folder: 'bad' | 'good'): Promise<string[]> {
  const report = await runLint({ paths: [folder], cwd: here });
  return report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.level} ${f.rule}: ${f.message}`);
}

describe('DO blocks', () => {
  it('lint the statements of the body at their real place', async () => {
    const actual = await findings('bad');
    const expectedPath = join(here, 'bad.expected');
    if (process.env.UPDATE_TESTDATA === '1') writeFileSync(expectedPath, `${actual.join('\n')}\n`);
    expect(actual).toEqual(readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l !== ''));
  });

  it('are quiet on guarded statements, new objects and built EXECUTE strings', async () => {
    expect(await findings('good')).toEqual([]);
  });

  it('say how to fix what the body runs: CONCURRENTLY cannot run inside the block', async () => {
    const report = await runLint({ paths: ['bad/002_concurrently.sql'], cwd: here, only: ['non-transactional-statement'] });
    expect(report.findings.map((f) => [f.line, f.column, f.help])).toEqual([
      [6, 5, 'move it out of the DO block, to its own migration with `-- +goose NO TRANSACTION` (written to be re-runnable)'],
    ]);
  });
});
