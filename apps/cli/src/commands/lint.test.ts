import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../test-support/in-process.js';
import { makeProject } from '../test-support/cli.js';

// `gander lint` in-process: no database (see lint.postgres.test.ts for -db).

const gander = runInProcess;

const CREATE_EVENTS = `-- +goose Up
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, kind text);
CREATE INDEX IF NOT EXISTS events_kind ON events (kind);

-- +goose Down
DROP TABLE IF EXISTS events;
`;
const INDEX_EVENTS = `-- +goose Up
CREATE INDEX IF NOT EXISTS events_id_kind ON events (id, kind);

-- +goose Down
DROP INDEX IF EXISTS events_id_kind;
`;
const REQUIRED_COLUMN = `-- +goose Up
SET LOCAL lock_timeout = '5s';
ALTER TABLE events ADD COLUMN IF NOT EXISTS tier text NOT NULL;

-- +goose Down
ALTER TABLE events DROP COLUMN IF EXISTS tier;
`;

describe('gander lint', () => {
  it('prints file:line:col findings for the -dir folder and exits 0 on warnings only', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS, 'migrations/002_index.sql': INDEX_EVENTS });
    const result = await gander(['-dir', 'migrations', 'lint'], project);
    expect(result.stdout.split('\n')).toEqual([
      'migrations/002_index.sql:2:1  warning  require-concurrent-index-creation  CREATE INDEX events_id_kind on existing table events without CONCURRENTLY blocks writes to events while it builds',
      '    help: use CREATE INDEX CONCURRENTLY in a `-- +goose NO TRANSACTION` migration',
      '0 errors, 1 warning in 2 files',
      '',
    ]);
    expect(result.code).toBe(0);
    expect((await gander(['-dir', 'migrations', 'lint', '-fail-on-warnings'], project)).code).toBe(1);
  });

  it('exits 1 on an error finding and says so on stderr', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS, 'migrations/002_tier.sql': REQUIRED_COLUMN });
    const result = await gander(['lint', 'migrations'], project);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('migrations/002_tier.sql:3:1  error  adding-required-column');
    expect(result.stderr).toContain('lint found 1 error, 0 warnings');
  });

  it('writes json, github and sarif, and carries findings in the --json document', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS, 'migrations/002_tier.sql': REQUIRED_COLUMN });
    const json = JSON.parse((await gander(['lint', '-format', 'json', 'migrations'], project)).stdout) as { findings: Array<{ rule: string; line: number }> };
    expect(json.findings.map((f) => [f.rule, f.line])).toEqual([['adding-required-column', 3]]);
    const github = (await gander(['lint', '-format=github', 'migrations'], project)).stdout;
    expect(github).toMatch(/^::error file=migrations\/002_tier.sql,line=3,col=1,title=gander lint adding-required-column::/);
    const sarif = JSON.parse((await gander(['lint', '-format', 'sarif', 'migrations'], project)).stdout) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(1);
    const doc = JSON.parse((await gander(['--json', 'lint', 'migrations'], project)).stdout) as { ok: boolean; command: string; error: { code: string }; findings: unknown[] };
    expect(doc).toMatchObject({ ok: false, command: 'lint', error: { code: 'E_LINT' } });
    expect(doc.findings).toHaveLength(1);
  });

  it('rejects an unknown -format before reading anything', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS });
    const result = await gander(['lint', '-format', 'xml', 'migrations'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('-format "xml" is not a format');
  });

  it('reads rule levels from gander-lint.json, and -lint-config names another file', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS, 'migrations/002_index.sql': INDEX_EVENTS });
    await writeFile(join(project, 'gander-lint.json'), '{"rules": {"require-concurrent-index-creation": "error"}}');
    expect((await gander(['lint', 'migrations'], project)).code).toBe(1);
    await writeFile(join(project, 'quiet.json'), '{"rules": {"require-concurrent-index-creation": "off"}}');
    const quiet = await gander(['lint', '-lint-config', 'quiet.json', 'migrations'], project);
    expect(quiet.stdout).toBe('0 errors, 0 warnings in 2 files\n');
    await writeFile(join(project, 'bad.json'), '{"rules": {"no-such-rule": "off"}}');
    const bad = await gander(['lint', '-lint-config', 'bad.json', 'migrations'], project);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.json: unknown rule "no-such-rule"');
  });

  it('-since REF lints only files added or changed since REF; files added since are not applied yet', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS, 'migrations/002_index.sql': INDEX_EVENTS });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: project, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    // 003 creates a table, 004 indexes it: both new since HEAD, so the index is on a new table.
    await writeFile(join(project, 'migrations/003_audit.sql'), '-- +goose Up\nCREATE TABLE IF NOT EXISTS audit (id bigint);\n\n-- +goose Down\nDROP TABLE IF EXISTS audit;\n');
    await writeFile(join(project, 'migrations/004_audit_index.sql'), '-- +goose Up\nCREATE INDEX IF NOT EXISTS audit_id ON audit (id);\n\n-- +goose Down\nDROP INDEX IF EXISTS audit_id;\n');
    const result = await gander(['lint', '-since', 'HEAD', 'migrations'], project);
    expect(result.stdout).toBe('0 errors, 0 warnings in 2 files\n');
    // 002's finding is back once 002 changes.
    await writeFile(join(project, 'migrations/002_index.sql'), INDEX_EVENTS.replace('(id, kind)', '(kind, id)'));
    const changed = await gander(['lint', '-since', 'HEAD', 'migrations'], project);
    expect(changed.stdout).toContain('migrations/002_index.sql:2:1  warning  require-concurrent-index-creation');
    const unknown = await gander(['lint', '-since', 'no-such-ref', 'migrations'], project);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('-since no-such-ref: git cannot compare with it');
  });
});

describe('plan --json', () => {
  it('carries the lint findings of the migrations an up would run', async () => {
    const project = await makeProject({ 'migrations/001_events.sql': CREATE_EVENTS, 'migrations/002_index.sql': INDEX_EVENTS });
    const result = await gander(['-dir', 'migrations', '--json', 'pglite', 'memory://', 'plan'], project);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout) as { lint: { findings: Array<{ file: string; line: number; rule: string }>; summary: { warnings: number } } };
    // Both files are pending: 002 indexes a table 001 creates in the same run, so nothing is flagged.
    expect(doc.lint).toEqual({ findings: [], summary: { files: 2, errors: 0, warnings: 0, suppressed: 0 } });
  });

  it('names a finding with its file and line', async () => {
    const project = await makeProject({ 'migrations/001_tier.sql': REQUIRED_COLUMN });
    const result = await gander(['-dir', 'migrations', '--json', 'pglite', 'memory://', 'plan'], project);
    const doc = JSON.parse(result.stdout) as { lint: { findings: Array<{ file: string; line: number; rule: string }> } };
    expect(doc.lint.findings.map((f) => [f.file, f.line, f.rule])).toEqual([['001_tier.sql', 3, 'adding-required-column']]);
  });
});
