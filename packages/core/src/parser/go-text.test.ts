import { describe, expect, it } from 'vitest';
import { goParseInt64 } from './go-strconv.js';
import { equalFoldAscii, goQuote, goTrimSpace, isGoBlank } from './go-text.js';

describe('goTrimSpace', () => {
  it('trims what Go trims and nothing else', () => {
    expect(goTrimSpace(' \t\n\v\f\r x \u0085\u00a0\u3000')).toBe('x');
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx');
    expect(goTrimSpace('   ')).toBe('');
    expect(isGoBlank('\u2000\u200a\u2028\u2029\u202f\u205f\u1680')).toBe(true);
    expect(isGoBlank('\u200b')).toBe(false);
  });
});

describe('goQuote', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ['\t\n\r\x07\x08\x0b\x0c', '"\\t\\n\\r\\a\\b\\v\\f"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['\ufeff-- +goose Up', '"\\ufeff-- +goose Up"'],
    ['caf\u00e9 \u20ac \u{1f600}', '"caf\u00e9 \u20ac \u{1f600}"'],
    ['\u00a0\u00ad\u2028', '"\\u00a0\\u00ad\\u2028"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});

describe('equalFoldAscii', () => {
  it.each([
    ['statementbegin', 'StatementBegin', true],
    ['STATEMENTBEGIN', 'StatementBegin', true],
    ['\u017ftatementBegin', 'StatementBegin', true],
    ['no transaction', 'NO TRANSACTION', true],
    ['NO  TRANSACTION', 'NO TRANSACTION', false],
    ['Upp', 'Up', false],
    ['U', 'Up', false],
    ['\u0130p', 'Up', false],
    ['U@', 'U`', false],
  ])('%s vs %s', (a, b, expected) => {
    expect(equalFoldAscii(a, b)).toBe(expected);
  });
});

describe('goParseInt64', () => {
  it.each([
    ['1', 1n],
    ['+5', 5n],
    ['-7', -7n],
    ['00042', 42n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['20251105120000', 20251105120000n],
    ['9007199254740993', 9007199254740993n],
  ])('%s', (input, expected) => {
    expect(goParseInt64(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', false],
    ['+', false],
    ['1_000', false],
    [' 1', false],
    ['1a', false],
    ['\u0661', false],
    ['9223372036854775808', true],
    ['-9223372036854775809', true],
    ['99999999999999999999x', true],
  ])('%j fails (range: %s)', (input, range) => {
    const result = goParseInt64(input);
    expect(result).toMatchObject({ ok: false, range });
  });

  it('uses Go error text', () => {
    expect(goParseInt64('x1')).toMatchObject({ message: 'strconv.ParseInt: parsing "x1": invalid syntax' });
    expect(goParseInt64('9223372036854775808', 'Atoi')).toMatchObject({
      message: 'strconv.Atoi: parsing "9223372036854775808": value out of range',
    });
  });
});
