import { afterAll, expect, vi } from 'vitest';
import { testdata } from '../test-support/server-database.js';
import { migrationSuite } from './migration-suite.js';

// A history with harmless differences, accepted with reasons: the suite
// passes, and says out loud what it accepted and why.
const printed: string[] = [];
const info = vi.spyOn(console, 'info').mockImplementation((line: unknown) => void printed.push(String(line)));

migrationSuite({
  dir: testdata('accepted-differences'),
  accept: {
    '00002_drop_legacy_flag.sql': [
      { match: /: position \d+ → \d+$/, reason: 'legacy_flag is re-added at the end' },
      { match: '+ extension pg_trgm', reason: 'kept on purpose' },
    ],
  },
});

afterAll(() => {
  info.mockRestore();
  expect(printed).toEqual([
    '00002_drop_legacy_flag.sql: accepted: ~ column public.users.email: position 3 → 2 (reason: legacy_flag is re-added at the end)',
    '00002_drop_legacy_flag.sql: accepted: ~ column public.users.legacy_flag: position 2 → 3 (reason: legacy_flag is re-added at the end)',
    '00002_drop_legacy_flag.sql: accepted: + extension pg_trgm (1.6, schema public) (reason: kept on purpose)',
  ]);
});
