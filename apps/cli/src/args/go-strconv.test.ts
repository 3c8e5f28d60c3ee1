import { describe, expect, it } from 'vitest';
import { goQuote, parseGoBool, parseGoInt64 } from './go-strconv.js';

describe('Go strconv', () => {
  it('ParseBool', () => {
    for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseGoBool(t)).toBe(true);
    for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseGoBool(f)).toBe(false);
    for (const bad of ['', 'yes', 'on', 'tRUE']) expect(parseGoBool(bad)).toBeUndefined();
  });

  it('ParseInt(s, 10, 64)', () => {
    expect(parseGoInt64('012')).toBe(12n);
    expect(parseGoInt64('+5')).toBe(5n);
    expect(parseGoInt64('-3')).toBe(-3n);
    expect(parseGoInt64('9223372036854775807')).toBe(9223372036854775807n);
    for (const bad of ['', '1_000', '0x10', '12a', ' 1', '9223372036854775808']) expect(parseGoInt64(bad)).toBeUndefined();
  });

  it('%q', () => {
    expect(goQuote('plain')).toBe('"plain"');
    expect(goQuote('a"b\\c\n\t\x01\x7f')).toBe('"a\\"b\\\\c\\n\\t\\x01\\x7f"');
    expect(goQuote('µs ü')).toBe('"µs ü"');
  });
});
