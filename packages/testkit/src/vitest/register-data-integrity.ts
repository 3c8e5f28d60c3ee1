import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { assertDataIntegrity } from '../scenarios/verify-data-integrity.js';
import { displayPath } from './display-path.js';
import { scenarioOptions, type SuiteContext } from './suite-context.js';

export type SuiteSeed = { at: number | bigint; to?: number | bigint } & ({ file: string } | { sql: string });

/** One test: data loaded at `at` survives every later migration's up and down. */
export function registerDataIntegrity(context: SuiteContext, seed: SuiteSeed): void {
  const seedLabel = 'file' in seed ? displayPath(resolve(seed.file)) : 'inline SQL';
  const to = seed.to === undefined ? 'the newest version' : `version ${seed.to}`;
  it(`data loaded at version ${seed.at} (${seedLabel}) survives up to ${to} and down again`, async () => {
    const report = await assertDataIntegrity({
      ...scenarioOptions(context),
      db: await context.database.fresh(),
      seed: 'file' in seed ? { file: resolve(seed.file) } : { sql: seed.sql },
      at: seed.at,
      ...(seed.to === undefined ? {} : { to: seed.to }),
    });
    expect(report.failures).toEqual([]);
  }, context.timeout);
}
