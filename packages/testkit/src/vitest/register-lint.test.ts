import { describe, expect, it } from 'vitest';
import { makeMigrationsDir } from '../test-support/lint-dir.js';
import { assertLintClean } from './register-lint.js';

describe('migrationSuite lint', () => {
  it('passes a folder whose findings are warnings only, and fails it with failOnWarnings', async () => {
    const dir = await makeMigrationsDir({
      '001_t.sql': '-- +goose Up\nCREATE INDEX IF NOT EXISTS users_email ON users (email);\n\n-- +goose Down\nDROP INDEX IF EXISTS users_email;\n',
    });
    await expect(assertLintClean(dir)).resolves.toBeUndefined();
    await expect(assertLintClean(dir, { failOnWarnings: true })).rejects.toThrow(/001_t.sql:2:1 {2}warning {2}require-concurrent-index-creation/);
  });

  it('fails on an error finding and prints it as gander lint does', async () => {
    const dir = await makeMigrationsDir({
      '001_t.sql': "-- +goose Up\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN IF NOT EXISTS tier text NOT NULL;\n\n-- +goose Down\nALTER TABLE users DROP COLUMN IF EXISTS tier;\n",
    });
    await expect(assertLintClean(dir)).rejects.toMatchObject({ code: 'E_LINT_FINDINGS', message: expect.stringMatching(/001_t.sql:3:1 {2}error {2}adding-required-column/) });
  });
});
