import { describe, expect, it } from 'vitest';
import { resolveNoColor } from './no-color.js';

describe('resolveNoColor', () => {
  it('follows NO_COLOR when set and not empty; the option wins', () => {
    expect(resolveNoColor(undefined, {})).toBe(false);
    expect(resolveNoColor(undefined, { NO_COLOR: '1' })).toBe(true);
    expect(resolveNoColor(undefined, { NO_COLOR: '' })).toBe(false);
    expect(resolveNoColor(false, { NO_COLOR: '1' })).toBe(false);
    expect(resolveNoColor(true, {})).toBe(true);
  });
});
