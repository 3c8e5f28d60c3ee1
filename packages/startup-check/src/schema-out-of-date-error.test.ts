import { describe, expect, it } from 'vitest';
import { fixCommand } from './schema-out-of-date-error.js';
import type { SchemaReport } from './schema-report.js';

const behind = (missing: bigint[] = []): SchemaReport => ({
  ok: false,
  mode: 'at-least',
  currentVersion: 11n,
  requiredVersion: 12n,
  pending: [12n],
  missing,
  unknown: [],
  drifted: [],
  problems: ['version 12 is pending'],
  checkedAt: '<time>',
  durationMs: 0,
});

describe('fixCommand', () => {
  it('names the embedded database as `pglite DIR`: the implicit form is refused without a terminal and in CI', () => {
    expect(fixCommand(behind(), { embedded: true })).toBe('gander -dir migrations pglite .gander/pglite up-to 12');
    expect(fixCommand(behind(), { dir: 'db/migrations', embeddedDir: 'var/pglite' })).toBe('gander -dir db/migrations pglite var/pglite up-to 12');
  });

  it('names the variable the service reads its DSN from, so the command runs as written and shows no password', () => {
    expect(fixCommand(behind([3n]), { dsnVariable: 'DATABASE_URL', dsn: 'postgres://svc:hunter2@db/app' })).toBe(
      'gander -dir migrations -allow-missing postgres "$DATABASE_URL" up-to 12',
    );
  });

  it('quotes paths a shell would split', () => {
    expect(fixCommand(behind(), { dir: "my migrations/it's", embeddedDir: '/srv/data dir' })).toBe(
      `gander -dir 'my migrations/it'\\''s' pglite '/srv/data dir' up-to 12`,
    );
  });
});
