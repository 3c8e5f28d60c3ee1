import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.js';

const env = { NAME: 'gander', EMPTY: '', WORD: 'goosegander', UNI: 'h\u00e9llo' };

function ok(input: string): string {
  const result = interpolate(env, input);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.value;
}

function failure(input: string): string {
  const result = interpolate(env, input);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('interpolate (mfridman/interpolate v0.0.2 rules)', () => {
  it.each([
    ['$NAME', 'gander'],
    ['${NAME}', 'gander'],
    ['[$NAME]', '[gander]'],
    ['$NAME_x', ''],
    ['$UNSET', ''],
    ['${UNSET:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${UNSET-dflt}', 'dflt'],
    ['${NAME:-dflt}', 'gander'],
    ['${UNSET:-${NAME}!}', 'gander!'],
    ['${UNSET:-}', ''],
    ['${NAME?required}', 'gander'],
    ['${WORD:5}', 'gander'],
    ['${WORD:0:5}', 'goose'],
    ['${WORD: -3}', 'der'],
    ['${WORD:2:-2}', 'osegand'],
    ['${WORD:99}', ''],
    ['${WORD: -99:2}', 'go'],
    ['${WORD: 1 : 2 }', 'oo'],
    ['${UNI:1:2}', '\u00e9'],
    ['$$', '$'],
    ['$$NAME', '$NAME'],
    ['\\$NAME', '$NAME'],
    ['\\\\', '\\\\'],
    ['a\\b', 'a\\b'],
    ['$(date)', '$(date)'],
    ['cost: 5$', 'cost: 5$'],
    ['no dollars at all', 'no dollars at all'],
    ['${\u00e9t\u00e9}', ''],
  ])('%s → %s', (input, expected) => {
    expect(ok(input)).toBe(expected);
  });

  it.each([
    ['$1', 'Expected identifier to start with a letter, got 1'],
    ['$_x', 'Expected identifier to start with a letter, got _'],
    ['${1}', 'Expected identifier to start with a letter, got 1'],
    ['$ x', 'Expected identifier to start with a letter, got  '],
    ['${', 'Expected identifier to start with a letter, got \uFFFD'],
    ['${NAME', 'Expected an operator, got \uFFFD'],
    ['${NAME!}', 'Expected an operator, got !'],
    ['${NAME:-x', 'Expected brace expansion to end with }, got \uFFFD'],
    ['${UNSET?}', '$UNSET: not set'],
    ['${UNSET?need it}', '$UNSET: need it'],
    ['${UNSET?need $NAME}', '$UNSET: need gander'],
    ['${NAME:?x}', 'Unable to parse offset: strconv.Atoi: parsing "?x": invalid syntax'],
    ['${NAME:1:x}', 'Unable to parse length: strconv.Atoi: parsing "x": invalid syntax'],
    ['${NAME:99999999999999999999}', 'Unable to parse offset: strconv.Atoi: parsing "99999999999999999999": value out of range'],
  ])('%s fails with %s', (input, message) => {
    expect(failure(input)).toBe(message);
  });

  it('parses the whole line before expanding, so a syntax error wins over a missing variable', () => {
    expect(failure('${UNSET?missing} $1')).toBe('Expected identifier to start with a letter, got 1');
  });

  it('does not expand the default when the variable is set', () => {
    expect(ok('${NAME:-${UNSET?never evaluated}}')).toBe('gander');
  });

  it('ignores inherited object properties as variables', () => {
    expect(interpolate({}, '[${constructor}][$toString]')).toEqual({ ok: true, value: '[][]' });
  });

  it('reports a substring length that would overflow int64 (goose panics there)', () => {
    const result = interpolate(env, '${WORD:2:9223372036854775807}');
    expect(result.ok).toBe(false);
  });
});
