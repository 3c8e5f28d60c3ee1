import { describe, expect, it } from 'vitest';
import { formatAnsic, statusLine, statusLines } from './status-table.js';

describe('status table', () => {
  it('formats the stored wall clock as time.ANSIC, day padded with a space', () => {
    expect(formatAnsic('2006-01-02T15:04:05.000000')).toBe('Mon Jan  2 15:04:05 2006');
    expect(formatAnsic('2024-10-15T09:00:01.123456')).toBe('Tue Oct 15 09:00:01 2024');
    expect(formatAnsic('2025-11-05 23:59:59')).toBe('Wed Nov  5 23:59:59 2025');
  });

  it('pads the first column to 24 characters', () => {
    expect(statusLine('Mon Jan  2 15:04:05 2006', '00001_x.sql')).toBe('    Mon Jan  2 15:04:05 2006 -- 00001_x.sql');
    expect(statusLine('Pending', '00002_y.sql')).toBe('    Pending                  -- 00002_y.sql');
  });

  it('prints a header and one row per file, skipping versions without a file', () => {
    const lines = statusLines(
      [
        { version: 1n, file: '001_a.sql', state: 'applied', appliedAt: '2024-10-15T09:00:01.000000', drifted: false },
        { version: 2n, file: '002_b.sql', state: 'pending', drifted: false },
        { version: 3n, state: 'unknown', appliedAt: '2024-10-15T09:00:01.000000', drifted: false },
      ],
      false,
    );
    expect(lines).toEqual([
      '    Applied At                  Migration',
      '    =======================================',
      '    Tue Oct 15 09:00:01 2024 -- 001_a.sql',
      '    Pending                  -- 002_b.sql',
    ]);
    expect(statusLines([{ version: 1n, file: '001_a.sql', state: 'pending', drifted: false }], true)[2]).toBe(
      '    no versioning            -- 001_a.sql',
    );
  });
});
