import { describe, expect, it } from 'vitest';
import { endsTlsAttempts } from './tls.js';

// The early connect and openTarget both stop trying TLS modes on these errors, so a replayed early
// failure stops exactly where a connect made later would have.
describe('endsTlsAttempts', () => {
  it("stops on a wrong password or a missing database, as node-postgres reports them or as core's E_CONNECTION wraps them", () => {
    expect(endsTlsAttempts({ code: '28P01' })).toBe(true);
    expect(endsTlsAttempts({ code: '3D000' })).toBe(true);
    expect(endsTlsAttempts({ code: 'E_CONNECTION', cause: { code: '28P01' } })).toBe(true);
  });

  it('goes on after what another TLS mode may not meet: a refused TLS, a network error, no code at all', () => {
    expect(endsTlsAttempts(new Error('The server does not support SSL connections'))).toBe(false);
    expect(endsTlsAttempts({ code: 'ECONNREFUSED' })).toBe(false);
    expect(endsTlsAttempts({ code: 'E_CONNECTION', cause: { code: 'ECONNRESET' } })).toBe(false);
    expect(endsTlsAttempts({ code: '28000' })).toBe(false);
    expect(endsTlsAttempts(undefined)).toBe(false);
  });
});
