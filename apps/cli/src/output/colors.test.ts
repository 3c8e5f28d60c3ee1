import { describe, expect, it } from 'vitest';
import { colorEnabled, gooseNoColor, palette } from './colors.js';

describe('colour', () => {
  it('is on only on a terminal without -no-color and without NO_COLOR', () => {
    expect(colorEnabled({ isTTY: true, noColorFlag: false, env: {} })).toBe(true);
    expect(colorEnabled({ isTTY: false, noColorFlag: false, env: {} })).toBe(false);
    expect(colorEnabled({ isTTY: true, noColorFlag: true, env: {} })).toBe(false);
    // no-color.org: any non-empty value, even one goose's ParseBool rejects.
    expect(colorEnabled({ isTTY: true, noColorFlag: false, env: { NO_COLOR: 'yes' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, noColorFlag: false, env: { NO_COLOR: '' } })).toBe(true);
  });

  it('reports NO_COLOR the way goose reads it', () => {
    expect(gooseNoColor({ NO_COLOR: '1' })).toBe(true);
    expect(gooseNoColor({ NO_COLOR: 'yes' })).toBe(false);
    expect(gooseNoColor({})).toBe(false);
  });

  it('uses goose’s gray', () => {
    expect(palette(true).gray('x')).toBe('\x1b[90mx\x1b[00m');
    expect(palette(false).gray('x')).toBe('x');
  });
});
