import { describe, expect, it } from 'vitest';
import { orderGroups } from './groups.js';

const targets = [{ name: 'a', group: 'eu' }, { name: 'b' }, { name: 'c', group: 'canary' }, { name: 'd', group: 'eu' }];

describe('orderGroups', () => {
  it('runs named groups first, the rest in order of first appearance', () => {
    expect(orderGroups(targets)).toEqual(['eu', 'default', 'canary']);
    expect(orderGroups(targets, ['canary'])).toEqual(['canary', 'eu', 'default']);
  });

  it('refuses an order naming a group no target has: a typo must not skip the canary', () => {
    expect(() => orderGroups(targets, ['canery'])).toThrow('group order names canery, which no target belongs to');
  });
});
