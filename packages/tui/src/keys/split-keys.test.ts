import { describe, expect, it } from 'vitest';
import { splitKeys } from './split-keys.js';

describe('splitKeys', () => {
  it('leaves single keys and escape sequences alone', () => {
    expect(splitKeys('u', {})).toEqual([{ input: 'u', key: {} }]);
    expect(splitKeys('', { return: true })).toEqual([{ input: '', key: { return: true } }]);
    expect(splitKeys('[A', { upArrow: true, meta: true })).toEqual([{ input: '[A', key: { upArrow: true, meta: true } }]);
  });

  it('splits a burst of letters into one press per key', () => {
    expect(splitKeys('jjj', {})).toEqual([
      { input: 'j', key: {} },
      { input: 'j', key: {} },
      { input: 'j', key: {} },
    ]);
    expect(splitKeys('uU', {})).toEqual([
      { input: 'u', key: {} },
      { input: 'U', key: { shift: true } },
    ]);
  });

  it('splits text and line ends into separate presses', () => {
    expect(splitKeys('12\r', {})).toEqual([
      { input: '1', key: {} },
      { input: '2', key: {} },
      { input: '', key: { return: true } },
    ]);
    expect(splitKeys('a\r\nb', {})).toEqual([
      { input: 'a', key: {} },
      { input: '', key: { return: true } },
      { input: 'b', key: {} },
    ]);
  });

  it('turns a burst of backspaces (DEL) and control keys into presses', () => {
    expect(splitKeys('\u007f\u007f\u007f', {})).toEqual([
      { input: '', key: { delete: true } },
      { input: '', key: { delete: true } },
      { input: '', key: { delete: true } },
    ]);
    expect(splitKeys('j\u0003', {})).toEqual([
      { input: 'j', key: {} },
      { input: 'c', key: { ctrl: true } },
    ]);
  });
});
