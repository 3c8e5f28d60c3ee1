import { collectMigrations } from '@gander/core';
import { join } from 'node:path';
import { callContestant } from '../contestants/in-process.js';
import { writeSmallMigrations } from '../fixtures/small-migrations.js';
import type { Scenario } from '../harness/types.js';

const FILES = 10_000;

/** The file half of c-status-10k on its own: collect (list, name-check, read, checksum) 10,000 migrations. */
export const collectScenario: Scenario = {
  id: 'source-collect',
  title: `collectMigrations on ${FILES.toLocaleString('en-US')} files`,
  unit: 's',
  target: { kind: 'value', bound: 0.5, comparison: '<=' },
  needsServer: false,
  async prepare({ scratch }) {
    const dir = await writeSmallMigrations(join(scratch, 'source-collect'), FILES);
    return {
      input: `${FILES} small files`,
      notes: ['In-process, no database: the share of c-status-10k spent on files.'],
      contestants: [callContestant({ name: 'gander collectMigrations', role: 'gander', call: () => collectMigrations(dir) })],
    };
  },
};
