import { expect, it } from 'vitest';

// A fixture for global-setup.exit-code.test.ts, which runs the workspace's
// root vitest config on this file alone: with GANDER_DELIBERATE_FAILURE=1 the
// assertion fails and the run must exit non-zero. In every other run it holds.
it('fails only when GANDER_DELIBERATE_FAILURE=1', () => {
  expect(process.env.GANDER_DELIBERATE_FAILURE === '1' ? 'asked to fail' : 'ok').toBe('ok');
});
