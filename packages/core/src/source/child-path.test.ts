import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPathOf } from './child-path.js';

describe('childPathOf', () => {
  it('gives what join(dir, name) gives for a plain file name', () => {
    for (const dir of ['migrations', './migrations/', 'a/../b', '/', '/tmp//x/.', '.', '']) {
      const child = childPathOf(dir);
      for (const name of ['001_a.sql', '.hidden', 'x']) expect(child(name)).toBe(join(dir, name));
    }
  });
});
