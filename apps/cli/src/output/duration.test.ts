import { describe, expect, it } from 'vitest';
import { formatGoDuration, formatMigrationDuration, roundDuration, truncateDuration } from './duration.js';

describe('Go Duration.String', () => {
  it.each([
    [0, '0s'],
    [1, '1ns'],
    [999, '999ns'],
    [1_000, '1µs'],
    [512_340, '512.34µs'],
    [7_130_000, '7.13ms'],
    [1_050_000_000, '1.05s'],
    [62_350_000_000, '1m2.35s'],
    [3_600_000_000_000, '1h0m0s'],
    [300_000_000_000, '5m0s'],
    [-1_500_000, '-1.5ms'],
  ])('%d ns → %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });
});

describe("goose's truncateDuration", () => {
  it('rounds above 1s to 10ms, above 1ms to 10µs, above 1µs to 10ns', () => {
    expect(truncateDuration(1_054_999_999)).toBe(1_050_000_000);
    expect(truncateDuration(1_055_000_000)).toBe(1_060_000_000);
    expect(truncateDuration(7_134_999)).toBe(7_130_000);
    expect(truncateDuration(512_344)).toBe(512_340);
    expect(truncateDuration(1_000)).toBe(1_000);
    expect(truncateDuration(1_005)).toBe(1_010);
    expect(truncateDuration(999)).toBe(999);
  });

  it('rounds halves away from zero like Duration.Round', () => {
    expect(roundDuration(15, 10)).toBe(20);
    expect(roundDuration(14, 10)).toBe(10);
    expect(roundDuration(-15, 10)).toBe(-20);
  });

  it('formats what goose prints in OK lines', () => {
    expect(formatMigrationDuration(7.1349)).toBe('7.13ms');
    expect(formatMigrationDuration(1050.4)).toBe('1.05s');
    expect(formatMigrationDuration(0.51234)).toBe('512.34µs');
    expect(formatMigrationDuration(62_345.6)).toBe('1m2.35s');
    expect(formatMigrationDuration(0)).toBe('0s');
  });
});
