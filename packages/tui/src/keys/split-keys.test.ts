import { describe, expect, it } from 'vitest';
import { splitKeys } from './split-keys.js';

describe('splitKeys', () => {
  it('leaves single keys and plain pastes alone', () => {
    expect(splitKeys('u', {})).toEqual([{ input: 'u', key: {} }]);
    expect(splitKeys('', { return: true })).toEqual([{ input: '', key: { return: true } }]);
    expect(splitKeys('posts', {})).toEqual([{ input: 'posts', key: {} }]);
  });

  it('splits text and line ends into separate presses', () => {
    expect(splitKeys('12\r', {})).toEqual([
      { input: '12', key: {} },
      { input: '', key: { return: true } },
    ]);
    expect(splitKeys('a\r\nb', {})).toEqual([
      { input: 'a', key: {} },
      { input: '', key: { return: true } },
      { input: 'b', key: {} },
    ]);
  });
});
