import { it } from 'vitest';
import { createRoundTripper, type RoundTripper } from '../scenarios/round-trip.js';
import { expectScenarioOk, scenarioOptions, type SuiteContext } from './suite-context.js';

/** One test per migration (up, down, up with the catalog compared), then "a second up runs nothing". */
export function registerRoundTrips(context: SuiteContext): void {
  let tripper: RoundTripper | undefined;
  for (const source of context.sources) {
    it(`${source.fileName}: up, down, up leaves the catalog as it was`, async (ctx) => {
      tripper ??= await createRoundTripper({ ...scenarioOptions(context), db: await context.database.fresh() });
      if (tripper.broken) ctx.skip(`not run: ${tripper.broken}`);
      const result = await tripper.check(source.version);
      expectScenarioOk(context, 'verifyMigrations', result);
    }, context.timeout);
  }
  it('a second up runs nothing', async (ctx) => {
    if (!tripper) return ctx.skip('no migration was applied');
    if (tripper.broken) return ctx.skip(`not run: ${tripper.broken}`);
    const result = await tripper.secondUp();
    expectScenarioOk(context, 'verifyMigrations', result);
  }, context.timeout);
}
