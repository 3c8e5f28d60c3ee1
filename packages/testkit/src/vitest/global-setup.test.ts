import { afterEach, describe, expect, it } from 'vitest';
import { testServerUrl } from '../test-support/server-database.js';
import { setup, teardown } from './global-setup.js';

// The workspace's global setup already runs for this test run; here it runs
// again inside this worker against the same server, as an "external" one, to
// check its environment contract without starting a second postgres.
const saved = { ...process.env };
afterEach(() => {
  for (const key of ['GANDER_TEST_SERVER', 'GANDER_TEST_DATABASE_URL', 'GANDER_TEST_SERVER_URL', 'GANDER_TEST_SERVER_KIND']) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = saved[key];
  }
});

describe('global setup', () => {
  it('publishes the server in GANDER_TEST_SERVER_URL and GANDER_TEST_SERVER_KIND; teardown leaves an external server running', async () => {
    const url = testServerUrl();
    process.env.GANDER_TEST_SERVER = 'external';
    process.env.GANDER_TEST_DATABASE_URL = url;
    await setup();
    expect(process.env.GANDER_TEST_SERVER_URL).toBe(url);
    expect(process.env.GANDER_TEST_SERVER_KIND).toBe('external');
    await teardown();
  });

  it('rejects an unknown kind in GANDER_TEST_SERVER', async () => {
    process.env.GANDER_TEST_SERVER = 'embedded-postgres,nope';
    await expect(setup()).rejects.toMatchObject({ code: 'E_INVALID_OPTION', message: 'GANDER_TEST_SERVER names unknown server kinds: nope' });
  });
});
