import { describe, expect, it } from 'vitest';
import { planFix } from './fix.js';

describe('planFix', () => {
  it('renumbers timestamped files after the last sequential one, oldest first', () => {
    const renames = planFix([
      { path: 'm/20230102000000_b.sql', version: 20230102000000n },
      { path: 'm/00002_a.sql', version: 2n },
      { path: 'm/20230101000000_a.sql', version: 20230101000000n },
      { path: 'm/00001_x.sql', version: 1n },
    ]);
    expect(renames).toEqual([
      { from: 'm/20230101000000_a.sql', to: 'm/00003_a.sql' },
      { from: 'm/20230102000000_b.sql', to: 'm/00004_b.sql' },
    ]);
  });

  it('starts at 1 without sequential files, and replaces the first occurrence in the whole path like goose', () => {
    expect(planFix([{ path: 'v20230101000000/20230101000000_a.sql', version: 20230101000000n }])).toEqual([
      { from: 'v20230101000000/20230101000000_a.sql', to: 'v00001/20230101000000_a.sql' },
    ]);
  });
});
