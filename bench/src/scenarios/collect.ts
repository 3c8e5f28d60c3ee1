import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectMigrations } from '@gander/core';
import type { Scenario } from '../scenario.js';

const FILES = 10_000;

function migration(i: number): string {
  return `-- +goose Up\nCREATE TABLE t_${i} (id bigint PRIMARY KEY, payload jsonb);\nCREATE INDEX t_${i}_payload ON t_${i} USING gin (payload);\n\n-- +goose Down\nDROP TABLE t_${i};\n`;
}

/** Collect (list, name-check, read, checksum) a directory of 10,000 migrations. */
export const collectScenario: Scenario = {
  name: 'source: collectMigrations, 10,000 files',
  unit: 's',
  target: 0.5,
  higherIsBetter: false,
  async prepare() {
    const dir = await mkdtemp(join(tmpdir(), 'gander-bench-collect-'));
    for (let start = 0; start < FILES; start += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, FILES - start) }, (_, k) => {
          const i = start + k + 1;
          return writeFile(join(dir, `${String(i).padStart(5, '0')}_create_t_${i}.sql`), migration(i));
        }),
      );
    }
    return {
      input: `${FILES} files in ${dir}`,
      run: () => collectMigrations(dir),
      toValue: (seconds) => seconds,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  },
};
