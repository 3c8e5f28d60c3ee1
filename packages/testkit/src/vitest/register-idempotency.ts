import { it } from 'vitest';
import { createIdempotencyChecker, type IdempotencyChecker } from '../scenarios/idempotency-checker.js';
import { snapshotOptionsOf } from '../scenarios/migration-input.js';
import { expectScenarioOk, scenarioOptions, type SuiteContext } from './suite-context.js';

/** One test per file: its Up runs twice without error (and, with `down`, its Down too, newest first). */
export function registerIdempotency(context: SuiteContext, options: { down: boolean }): void {
  let checker: IdempotencyChecker | undefined;
  const checkerFor = async (): Promise<IdempotencyChecker> => {
    if (!checker) {
      const base = scenarioOptions(context);
      checker = createIdempotencyChecker({ ...base, db: await context.database.fresh(), snapshot: snapshotOptionsOf(base) });
    }
    return checker;
  };
  for (const source of context.sources) {
    it(`${source.fileName}: Up runs twice without error`, async (ctx) => {
      const check = await checkerFor();
      if (check.broken) ctx.skip(`not run: ${check.broken}`);
      const result = await check.checkUp(source.version);
      expectScenarioOk(context, 'verifyIdempotentSql', result);
    }, context.timeout);
  }
  if (!options.down) return;
  for (const source of [...context.sources].reverse()) {
    it(`${source.fileName}: Down runs twice without error`, async (ctx) => {
      const check = await checkerFor();
      if (check.broken) ctx.skip(`not run: ${check.broken}`);
      const result = await check.checkDown(source.version);
      expectScenarioOk(context, 'verifyIdempotentSql', result);
    }, context.timeout);
  }
}
