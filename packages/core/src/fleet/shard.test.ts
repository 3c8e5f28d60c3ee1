import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardTargets } from './shard.js';

const named = (names: readonly string[]) => names.map((name) => ({ name }));

describe('shardTargets', () => {
  it('puts every target in exactly one of n shards, sizes within one, whatever the list order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 80 }), fc.integer({ min: 1, max: 9 }), (names, n) => {
        const targets = named(names);
        const shards = Array.from({ length: n }, (_, i) => shardTargets(targets, { index: i + 1, count: n }).map((t) => t.name));
        const all = shards.flat();
        expect(all.length).toBe(names.length);
        expect(new Set(all)).toEqual(new Set(names));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        // The same set in another order splits the same way.
        const reversed = shardTargets(named([...names].reverse()), { index: 1, count: n }).map((t) => t.name);
        expect(new Set(reversed)).toEqual(new Set(shards[0]));
      }),
    );
  });

  it('keeps the list order within a shard', () => {
    expect(shardTargets(named(['c', 'a', 'd', 'b']), { index: 1, count: 2 }).map((t) => t.name)).toEqual(['c', 'a']);
  });
});

describe('parseShard', () => {
  it.each([
    ['1/3', { index: 1, count: 3 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('%s', (text, expected) => expect(parseShard(text)).toEqual(expected));

  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '-1/2'])('refuses %s', (text) => {
    expect(() => parseShard(text)).toThrow(/is not i\/n/);
  });
});
