import { describe, expect, it } from 'vitest';
import { assertEmbeddedAllowed, inCi } from './embedded-guard.js';

describe('the embedded default', () => {
  it('allows read-only commands anywhere', () => {
    for (const command of ['status', 'version', 'plan', 'history']) expect(() => assertEmbeddedAllowed(command, { CI: 'true' }, false)).not.toThrow();
  });

  it('allows a changing command only at a terminal outside CI', () => {
    expect(() => assertEmbeddedAllowed('up', {}, true)).not.toThrow();
    expect(() => assertEmbeddedAllowed('up', { CI: 'true' }, true)).toThrow(/^up: no database given in CI: set GOOSE_DRIVER and GOOSE_DBSTRING/);
    expect(() => assertEmbeddedAllowed('down-to', {}, false)).toThrow(/^down-to: no database given without a terminal: .*gander pglite \.gander\/pglite down-to$/);
  });

  it('reads CI as CI services set it', () => {
    expect([inCi({ CI: 'true' }), inCi({ CI: '1' }), inCi({ CI: 'false' }), inCi({ CI: '0' }), inCi({ CI: '' }), inCi({})]).toEqual([true, true, false, false, false, false]);
  });
});
