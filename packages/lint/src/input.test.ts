import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from './engine.js';

describe('lint input: a file\'s text, or where to read it', () => {
  it('reads a file given only by location when it lints it, with the same findings as its text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gander-lint-input-'));
    try {
      const content = '-- +goose Up\nCREATE INDEX idx_a ON a (x);\n-- +goose Down\nDROP INDEX idx_a;\n';
      await writeFile(join(dir, '001_a.sql'), content);
      const given = await lintFiles([{ path: 'm/001_a.sql', content }]);
      expect(given.findings.map((f) => f.rule)).toContain('require-concurrent-index-creation');
      expect(await lintFiles([{ path: 'm/001_a.sql', readFrom: join(dir, '001_a.sql') }])).toEqual(given);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file with neither text nor location, naming it', async () => {
    await expect(lintFiles([{ path: 'm/001_a.sql' }])).rejects.toMatchObject({ code: 'E_LINT_INPUT', message: expect.stringContaining('m/001_a.sql') });
  });
});
