import type { AuditRow, StatusReport } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { lastFailures } from './last-failures.js';
import { rowsFromStatus } from './rows.js';

function audit(id: number, version: bigint, outcome: 'ok' | 'failed', direction: 'up' | 'down' = 'up'): AuditRow {
  return {
    id: BigInt(id),
    version,
    direction,
    file: `0000${version}_m.sql`,
    checksum: 'c',
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    outcome,
    error: outcome === 'failed' ? 'boom' : undefined,
    dbUser: 'u',
    osUser: 'o',
    host: 'h',
    ganderVersion: '0',
    envLabel: undefined,
  };
}

describe('lastFailures', () => {
  it('keeps a version whose latest audit row failed, and drops it once a later run succeeded', () => {
    // Newest first, as provider.history() returns it.
    const history = [audit(5, 3n, 'failed'), audit(4, 2n, 'ok'), audit(3, 2n, 'failed'), audit(2, 1n, 'ok'), audit(1, 3n, 'ok')];
    expect([...lastFailures(history).keys()]).toEqual([3n]);
  });
});

describe('rowsFromStatus with failures', () => {
  const status: StatusReport = {
    currentVersion: 1n,
    latestVersion: 3n,
    noVersioning: false,
    migrations: [
      { version: 1n, file: '00001_a.sql', state: 'applied', drifted: false },
      { version: 2n, file: '00002_b.sql', state: 'pending', drifted: false },
      { version: 3n, file: '00003_c.sql', state: 'pending', drifted: false },
    ],
  };

  it('says failed for a rolled-back failure, partial for a NO TRANSACTION one, and marks the current version', () => {
    const failures = lastFailures([audit(2, 3n, 'failed'), audit(1, 2n, 'failed')]);
    const rows = rowsFromStatus(status, [], { noTx: new Set([3n]), failures });
    expect(rows.map((r) => [r.version, r.state, r.current, r.noTx])).toEqual([
      [1n, 'applied', true, false],
      [2n, 'failed', false, false],
      [3n, 'partial', false, true],
    ]);
  });
});
