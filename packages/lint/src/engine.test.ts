import { describe, expect, it } from 'vitest';
import { parseLintConfig } from './config/config.js';
import { lintFiles } from './engine.js';
import { RULE_IDS } from './rules/index.js';

const file = (path: string, content: string) => ({ path, content });
const brief = (findings: ReadonlyArray<{ file: string; line: number; column: number; level: string; rule: string }>) =>
  findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.level} ${f.rule}`);

const SPLIT_FUNCTION = `-- +goose Up
CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- +goose Down
DROP FUNCTION IF EXISTS touch();
`;

describe('lintFiles', () => {
  it('reports a body goose split once, not also as the fragments PostgreSQL rejects', async () => {
    const report = await lintFiles([file('001_touch.sql', SPLIT_FUNCTION)]);
    expect(brief(report.findings)).toEqual(['001_touch.sql:2:1 error unwrapped-body']);
  });

  it('places a syntax error at the line and column PostgreSQL names, also in a multi-line statement', async () => {
    const report = await lintFiles([file('001_t.sql', '-- +goose Up\nCREATE TABLE IF NOT EXISTS t (\n    id int,\n    name txet text\n);\n\n-- +goose Down\nDROP TABLE IF EXISTS t;\n')]);
    expect(brief(report.findings)).toEqual(['001_t.sql:4:15 error syntax-error']);
    expect(report.findings[0]!.message).toContain('syntax error at or near "text"');
  });

  it('counts columns in UTF-16 units when the statement has non-ASCII text before the error', async () => {
    const report = await lintFiles([file('001_t.sql', "-- +goose Up\nSELECT 'ünïcödé' FROMM t;\n\n-- +goose Down\nSELECT 1;\n")]);
    expect(brief(report.findings)).toEqual(['001_t.sql:2:24 error syntax-error']);
  });

  it('treats a table created in an earlier pending migration as new, and an applied one as existing', async () => {
    const files = [
      file('001_create.sql', '-- +goose Up\nCREATE TABLE IF NOT EXISTS events (id int);\n\n-- +goose Down\nDROP TABLE IF EXISTS events;\n'),
      file('002_index.sql', '-- +goose Up\nCREATE INDEX IF NOT EXISTS events_id ON events (id);\n\n-- +goose Down\nDROP INDEX IF EXISTS events_id;\n'),
    ];
    const only = ['require-concurrent-index-creation'];
    const bothPending = await lintFiles(files, { only, pending: new Set([1n, 2n]) });
    expect(bothPending.findings).toEqual([]);
    const firstApplied = await lintFiles(files, { only, pending: new Set([2n]) });
    expect(brief(firstApplied.findings)).toEqual(['002_index.sql:2:1 warning require-concurrent-index-creation']);
  });

  it('judges Down by rollback rules: dropping what Up created is no finding', async () => {
    const report = await lintFiles([
      file('001_t.sql', "-- +goose Up\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n\n-- +goose Down\nALTER TABLE users DROP COLUMN IF EXISTS nickname;\n"),
    ]);
    expect(report.findings).toEqual([]);
  });

  it('raises a lock finding to an error on a table above the size threshold, naming the size', async () => {
    const files = [file('001_t.sql', '-- +goose Up\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n\n-- +goose Down\nALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n')];
    const config = parseLintConfig('{"sizeThreshold": "1MB"}', 'gander-lint.json', RULE_IDS);
    const small = await lintFiles(files, { config, only: ['setting-not-null'], tableSizes: new Map([['users', 1000]]) });
    expect(small.findings[0]!.level).toBe('warning');
    const big = await lintFiles(files, { config, only: ['setting-not-null'], tableSizes: new Map([['users', 3 * 1024 * 1024 * 1024]]) });
    expect(big.findings[0]!.level).toBe('error');
    expect(big.findings[0]!.message).toContain('users is 3.0 GB on the database');
  });

  describe('suppressions', () => {
    const renames = `-- +goose Up
-- gander-lint-ignore renaming -- nothing reads users.name since 4.2
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE users RENAME COLUMN email TO mail;

-- +goose Down
ALTER TABLE users RENAME COLUMN mail TO email;
ALTER TABLE users RENAME COLUMN full_name TO name;
`;

    it('silence the named rule on the next statement only, and are counted', async () => {
      const report = await lintFiles([file('001_r.sql', renames)], { only: ['renaming', 'invalid-suppression'] });
      expect(brief(report.findings)).toEqual(['001_r.sql:4:1 warning renaming']);
      expect(report.summary.suppressed).toBe(1);
    });

    it('file-wide form silences the rule in the whole file', async () => {
      const text = `-- gander-lint-ignore-file renaming -- the service is stopped for this release\n${renames}`;
      const report = await lintFiles([file('001_r.sql', text)], { only: ['renaming', 'invalid-suppression'] });
      expect(report.findings).toEqual([]);
      expect(report.summary.suppressed).toBe(2);
    });

    it('without a reason are a finding themselves (and still silence the rule)', async () => {
      const report = await lintFiles([file('001_r.sql', renames.replace(' -- nothing reads users.name since 4.2', ''))], { only: ['renaming', 'invalid-suppression'] });
      expect(brief(report.findings)).toEqual(['001_r.sql:2:1 error invalid-suppression', '001_r.sql:4:1 warning renaming']);
      expect(report.findings[0]!.message).toContain('has no reason');
    });
  });

  describe('config', () => {
    const indexOnUsers = [file('001_i.sql', '-- +goose Up\nCREATE INDEX IF NOT EXISTS users_email ON users (email);\n\n-- +goose Down\nDROP INDEX IF EXISTS users_email;\n')];

    it('sets rule levels and turns rules off', async () => {
      const raised = await lintFiles(indexOnUsers, { config: parseLintConfig('{"rules": {"require-concurrent-index-creation": "error"}}', 'c.json', RULE_IDS) });
      expect(brief(raised.findings)).toEqual(['001_i.sql:2:1 error require-concurrent-index-creation']);
      const off = await lintFiles(indexOnUsers, { config: parseLintConfig('{"rules": {"require-concurrent-index-creation": "off"}}', 'c.json', RULE_IDS) });
      expect(off.findings).toEqual([]);
    });

    it('rejects an unknown rule or level, naming the file', () => {
      expect(() => parseLintConfig('{"rules": {"no-such-rule": "off"}}', 'gander-lint.json', RULE_IDS)).toThrow(/gander-lint.json: unknown rule "no-such-rule"/);
      expect(() => parseLintConfig('{"rules": {"renaming": "loud"}}', 'gander-lint.json', RULE_IDS)).toThrow(/gander-lint.json: rule renaming has level "loud"/);
      expect(() => parseLintConfig('{"rules": ', 'gander-lint.json', RULE_IDS)).toThrow(/gander-lint.json: not valid JSON/);
    });
  });
});

describe('positions of statements after non-ASCII text', () => {
  it('places the second statement of a block by characters, not UTF-8 bytes', async () => {
    const text = "-- +goose Up\n-- +goose StatementBegin\nCOMMENT ON TABLE users IS 'ünïcödé'; CREATE INDEX IF NOT EXISTS users_email ON users (email);\n-- +goose StatementEnd\n\n-- +goose Down\nDROP INDEX IF EXISTS users_email;\n";
    const report = await lintFiles([file('001_t.sql', text)], { only: ['require-concurrent-index-creation'] });
    expect(brief(report.findings)).toEqual(['001_t.sql:3:38 warning require-concurrent-index-creation']);
  });
});
