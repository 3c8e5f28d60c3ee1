import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['1h13m', 4_380_000],
    ['30s', 30_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['.5s', 500],
    ['1.s', 1000],
    ['2h45m30.5s', 9_930_500],
    ['100us', 0.1],
    ['100µs', 0.1],
    ['100μs', 0.1],
    ['1000000ns', 1],
    ['-1m', -60_000],
    ['+3s', 3000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '10', '1d', 's', '.s', '1.5.3s', 'abc', '+', '1h 2m'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});
