import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLintFile } from './model/read-file.js';
import { createdRelations } from './model/created.js';
import { loadGrammar } from './grammar/pg-grammar.js';
import { runLint } from './run.js';

/**
 * The real workload: the Data Storage migrations at the workspace root. The
 * findings are pinned in testdata/data-storage.expected (UPDATE_TESTDATA=1
 * rewrites it: read the diff), and no lock finding may name a table the same
 * file created before the statement.
 */
const here = dirname(fileURLToPath(import.meta.url));
const workspace = join(here, '..', '..', '..');

describe('the Data Storage migrations', () => {
  it('give exactly the pinned findings', async () => {
    const report = await runLint({ paths: ['migrations'], cwd: workspace });
    const lines = report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.level} ${f.rule}: ${f.message}`);
    const expectedPath = join(here, 'testdata', 'data-storage.expected');
    if (process.env.UPDATE_TESTDATA === '1') writeFileSync(expectedPath, `${lines.join('\n')}\n`);
    expect(lines).toEqual(readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l !== ''));
  });

  it('never flag an object created earlier in the same file', async () => {
    await loadGrammar();
    const report = await runLint({ paths: ['migrations'], cwd: workspace });
    for (const finding of report.findings.filter((f) => f.section === 'up')) {
      const file = readLintFile(finding.file, readFileSync(join(workspace, finding.file), 'utf8'));
      const createdBefore = file.up.filter((s) => s.line < finding.line).flatMap((s) => s.sql.flatMap(createdRelations));
      for (const name of createdBefore) expect(finding.message, `${finding.file}:${finding.line}`).not.toMatch(new RegExp(`\\b${name}\\b(?! is partitioned)`));
    }
  });
});
