import { describe, expect, it } from 'vitest';
import type { StatusReport } from '@gander/core';
import { rowsFromStatus } from './rows.js';

describe('rows for a NO TRANSACTION migration that failed part-way', () => {
  it('shows it as failed, not plainly pending', () => {
    const status: StatusReport = {
      currentVersion: 1n,
      latestVersion: 2n,
      noVersioning: false,
      failed: [],
      migrations: [
        { version: 1n, file: '00001_a.sql', state: 'applied', appliedAt: '2025-01-01T00:00:00.000000', drifted: false },
        { version: 2n, file: '00002_idx.sql', state: 'pending', drifted: false, failedPartWay: true },
      ],
    };
    expect(rowsFromStatus(status, []).map((r) => r.state)).toEqual(['applied', 'failed']);
  });
});
