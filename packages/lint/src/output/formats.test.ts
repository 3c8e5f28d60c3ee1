import { describe, expect, it } from 'vitest';
import type { LintReport } from '../types.js';
import { formatReport } from './index.js';

const report: LintReport = {
  findings: [
    {
      rule: 'require-concurrent-index-creation',
      level: 'warning',
      file: 'migrations/002_index.sql',
      line: 4,
      column: 1,
      section: 'up',
      message: 'CREATE INDEX users_email on existing table users without CONCURRENTLY blocks writes to users while it builds',
      help: 'use CREATE INDEX CONCURRENTLY in a `-- +goose NO TRANSACTION` migration',
    },
    {
      rule: 'adding-required-column',
      level: 'error',
      file: 'migrations/003_tier,new.sql',
      line: 2,
      column: 5,
      section: 'up',
      message: 'ADD COLUMN tier NOT NULL without DEFAULT fails on users: 100% sure',
      help: 'give the column a DEFAULT',
    },
  ],
  summary: { files: 3, errors: 1, warnings: 1, suppressed: 2 },
};

describe('output formats', () => {
  it('text: file:line:col  level  rule  message, a help line, a summary', () => {
    expect(formatReport(report, 'text', '0.1.0')).toBe(
      [
        'migrations/002_index.sql:4:1  warning  require-concurrent-index-creation  CREATE INDEX users_email on existing table users without CONCURRENTLY blocks writes to users while it builds',
        '    help: use CREATE INDEX CONCURRENTLY in a `-- +goose NO TRANSACTION` migration',
        'migrations/003_tier,new.sql:2:5  error  adding-required-column  ADD COLUMN tier NOT NULL without DEFAULT fails on users: 100% sure',
        '    help: give the column a DEFAULT',
        '1 error, 1 warning in 3 files (2 suppressed)',
        '',
      ].join('\n'),
    );
  });

  it('json: the report as one document', () => {
    expect(JSON.parse(formatReport(report, 'json', '0.1.0'))).toEqual(report);
  });

  it('github: one workflow command per finding, properties and data escaped', () => {
    expect(formatReport(report, 'github', '0.1.0').split('\n')).toEqual([
      '::warning file=migrations/002_index.sql,line=4,col=1,title=gander lint require-concurrent-index-creation::CREATE INDEX users_email on existing table users without CONCURRENTLY blocks writes to users while it builds%0Ause CREATE INDEX CONCURRENTLY in a `-- +goose NO TRANSACTION` migration',
      '::error file=migrations/003_tier%2Cnew.sql,line=2,col=5,title=gander lint adding-required-column::ADD COLUMN tier NOT NULL without DEFAULT fails on users: 100%25 sure%0Agive the column a DEFAULT',
      '',
    ]);
  });

  it('sarif: 2.1.0 with the used rules and one result per finding', () => {
    const sarif = JSON.parse(formatReport(report, 'sarif', '0.1.0')) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string; help: { text: string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'gander-lint', version: '0.1.0' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['require-concurrent-index-creation', 'adding-required-column']);
    expect(run.results.map((r) => [r.ruleId, run.tool.driver.rules[r.ruleIndex]!.id, r.level])).toEqual([
      ['require-concurrent-index-creation', 'require-concurrent-index-creation', 'warning'],
      ['adding-required-column', 'adding-required-column', 'error'],
    ]);
    expect(run.results[1]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'migrations/003_tier,new.sql' }, region: { startLine: 2, startColumn: 5 } });
  });
});
