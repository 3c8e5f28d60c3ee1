import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLint } from '../run.js';
import { ALL_RULES } from './index.js';

/**
 * Each rule's testdata/<rule>/bad and good folders are small migrations
 * folders. bad.expected lists the rule's findings on bad/ as
 * `file:line:col level rule`; good/ must give none of that rule's findings.
 * UPDATE_TESTDATA=1 rewrites the .expected files (read the diff before committing).
 */
const here = dirname(fileURLToPath(import.meta.url));
const testdata = join(here, 'testdata');
// Database-mode rules: testdata needs a database (see ../db/database-mode.postgres.test.ts).
const DATABASE_ONLY = new Set(['drift']);

async function findingsOf(rule: string, folder: 'bad' | 'good'): Promise<string[]> {
  const report = await runLint({ paths: [folder], cwd: join(testdata, rule), only: [rule] });
  return report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.level} ${f.rule}`);
}

describe('rule testdata', () => {
  for (const rule of ALL_RULES) {
    if (DATABASE_ONLY.has(rule.id)) continue;
    describe(rule.id, () => {
      it('has a bad and a good case', () => {
        expect(existsSync(join(testdata, rule.id, 'bad')), `testdata/${rule.id}/bad`).toBe(true);
        expect(existsSync(join(testdata, rule.id, 'good')), `testdata/${rule.id}/good`).toBe(true);
      });

      it('finds exactly the expected findings in bad/', async () => {
        const actual = await findingsOf(rule.id, 'bad');
        const expectedPath = join(testdata, rule.id, 'bad.expected');
        if (process.env.UPDATE_TESTDATA === '1') writeFileSync(expectedPath, `${actual.join('\n')}\n`);
        const expected = readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l !== '');
        expect(expected.length, 'a bad case must expect at least one finding').toBeGreaterThan(0);
        expect(actual).toEqual(expected);
      });

      it('finds nothing in good/', async () => {
        expect(await findingsOf(rule.id, 'good')).toEqual([]);
      });
    });
  }

  it('has no folder for a rule that does not exist', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    expect(readdirSync(testdata).filter((d) => !ids.has(d))).toEqual([]);
  });
});
