import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathShower } from './shown-path.js';

describe('paths as the user gave them', () => {
  const cwd = join(sep, 'work', 'project');
  const show = pathShower(cwd);
  const cases = [
    join(cwd, 'migrations', '001_a.sql'),
    join(cwd, '001_a.sql'),
    join(cwd, '..foo.sql'),
    join(cwd, 'migrations', '..', 'other', '002_b.sql'),
    join(sep, 'work', 'elsewhere', '003_c.sql'),
    join(sep, 'work', 'project-two', '004_d.sql'),
    join(sep, '005_e.sql'),
  ];

  it('gives for each file what relative() to the working folder gives, or the path itself outside it', () => {
    for (const path of cases) expect(show.file(path)).toBe(show.path(path));
    expect(show.file(join(cwd, 'migrations', '001_a.sql'))).toBe(join('migrations', '001_a.sql'));
    expect(show.file(join(cwd, '..foo.sql'))).toBe(join(cwd, '..foo.sql'));
    expect(show.file(join(sep, 'work', 'elsewhere', '003_c.sql'))).toBe(join(sep, 'work', 'elsewhere', '003_c.sql'));
    expect(show.path(cwd)).toBe('.');
  });

  it('answers the same for a second file of a folder it has seen', () => {
    expect(show.file(join(cwd, 'migrations', '002_b.sql'))).toBe(join('migrations', '002_b.sql'));
  });
});
