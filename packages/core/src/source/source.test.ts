import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GanderError } from '../errors.js';
import { collectMigrations, parseVersionFromFileName, sourcesFromList } from './index.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gander-source-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(entries: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(entries)) await writeFile(join(dir, name), content);
}

async function collectError(path = dir): Promise<GanderError> {
  try {
    await collectMigrations(path);
  } catch (error) {
    if (error instanceof GanderError) return error;
    throw error;
  }
  throw new Error('expected collectMigrations to fail');
}

const UP = '-- +goose Up\nSELECT 1;\n';

describe('parseVersionFromFileName (goose NumericComponent)', () => {
  it.each([
    ['1_x.sql', 1n],
    ['00001_create_users.sql', 1n],
    ['20251105120000_add_index.sql', 20251105120000n],
    ['9007199254740993_x.sql', 9007199254740993n],
    ['9223372036854775807_max.sql', 9223372036854775807n],
    ['+5_x.sql', 5n],
    ['7_seed.ts', 7n],
    ['8_seed.js', 8n],
    ['1_x.go', 1n],
    ['dir/3_x.sql', 3n],
    ['12_.sql', 12n],
  ])('%s → %s', (name, version) => {
    expect(parseVersionFromFileName(name)).toBe(version);
  });

  it.each([
    '1.sql',
    'x_1.sql',
    '0_x.sql',
    '-1_x.sql',
    '1e3_x.sql',
    '0x1F_x.sql',
    ' 1_x.sql',
    '9223372036854775808_x.sql',
    '1_x.SQL',
    '1_x',
    '_x.sql',
  ])('%s → undefined', (name) => {
    expect(parseVersionFromFileName(name)).toBeUndefined();
  });
});

describe('collectMigrations', () => {
  it("lists goose's .go migrations (as goose does), not their tests or helpers", async () => {
    await files({ '00001_one.sql': UP, '00002_two.go': 'package m\n', '00002_two_test.go': 'package m\n', 'helpers.go': 'package m\n' });
    const sources = await collectMigrations(dir);
    expect(sources.map((s) => [s.fileName, s.kind])).toEqual([
      ['00001_one.sql', 'sql'],
      ['00002_two.go', 'go'],
    ]);
  });

  it('sorts by version numerically, not by name', async () => {
    await files({ '10_ten.sql': UP, '2_two.sql': UP, '00001_one.sql': UP, '20251105120000_stamp.sql': UP });
    const sources = await collectMigrations(dir);
    expect(sources.map((s) => s.version)).toEqual([1n, 2n, 10n, 20251105120000n]);
    expect(sources[0]).toMatchObject({ fileName: '00001_one.sql', path: join(dir, '00001_one.sql'), kind: 'sql', description: 'one' });
  });

  it('keeps versions beyond 2^53 exact', async () => {
    await files({ '9007199254740993_x.sql': UP, '9007199254740992_y.sql': UP });
    const sources = await collectMigrations(dir);
    expect(sources.map((s) => s.version)).toEqual([9007199254740992n, 9007199254740993n]);
  });

  it('accepts a + sign and leading zeros like strconv.ParseInt', async () => {
    await files({ '+5_plus.sql': UP, '0007_zeros.sql': UP });
    expect((await collectMigrations(dir)).map((s) => [s.version, s.fileName])).toEqual([
      [5n, '+5_plus.sql'],
      [7n, '0007_zeros.sql'],
    ]);
  });

  it.each([
    ['0_zero.sql', 'E_INVALID_VERSION', 'migration version must be greater than zero'],
    ['-3_negative.sql', 'E_INVALID_VERSION', 'migration version must be greater than zero'],
    ['9223372036854775808_big.sql', 'E_INVALID_VERSION', 'value out of range'],
    ['notes.sql', 'E_INVALID_FILENAME', "no filename separator '_' found"],
    ['v1_init.sql', 'E_INVALID_FILENAME', 'strconv.ParseInt: parsing "v1": invalid syntax'],
  ])('fails on %s with %s', async (name, code, reason) => {
    await files({ '1_ok.sql': UP, [name]: UP });
    const error = await collectError();
    expect(error.code).toBe(code);
    expect(error.message).toContain(`could not parse SQL migration file "${join(dir, name)}"`);
    expect(error.message).toContain(reason);
    expect(error.hint).toBeTruthy();
  });

  it('skips badly named .ts/.js files, tests, specs and declarations, and other files', async () => {
    await files({
      '1_init.sql': UP,
      '2_seed.ts': 'export {}',
      '3_more.js': 'export {}',
      'helpers.ts': '',
      '0_zero.ts': '',
      '4_x.test.ts': '',
      '5_x.test.js': '',
      '6_x.d.ts': '',
      '7_x.spec.ts': '',
      '8_x.spec.js': '',
      '9_readme.md': '',
      '10_upper.SQL': '',
      '.DS_Store': '',
    });
    const sources = await collectMigrations(dir);
    expect(sources.map((s) => [s.fileName, s.kind])).toEqual([
      ['1_init.sql', 'sql'],
      ['2_seed.ts', 'ts'],
      ['3_more.js', 'js'],
    ]);
  });

  it('ignores subdirectories such as testdata/', async () => {
    await files({ '1_init.sql': UP });
    await mkdir(join(dir, 'testdata'));
    await writeFile(join(dir, 'testdata', '2_seed.sql'), UP);
    await writeFile(join(dir, 'testdata', 'bad.sql'), UP);
    expect((await collectMigrations(dir)).map((s) => s.fileName)).toEqual(['1_init.sql']);
  });

  it('refuses a directory named like a migration, with its path (goose fails reading it)', async () => {
    await files({ '1_init.sql': UP });
    await mkdir(join(dir, '3_dir.sql'));
    const error = await collectError();
    expect(error.code).toBe('E_UNSAFE_FILE');
    expect(error.message).toContain(join(dir, '3_dir.sql'));
  });

  it('follows symlinks to files', async () => {
    await files({ '1_init.sql': UP });
    await symlink(join(dir, '1_init.sql'), join(dir, '2_link.sql'));
    expect((await collectMigrations(dir)).map((s) => s.fileName)).toEqual(['1_init.sql', '2_link.sql']);
  });

  it('names both files of a duplicate version', async () => {
    await files({ '1_a.sql': UP, '001_b.sql': UP });
    const error = await collectError();
    expect(error.code).toBe('E_DUPLICATE_VERSION');
    expect(error.message).toBe('found duplicate migration version 1:\n\texisting:001_b.sql\n\tcurrent:1_a.sql');
  });

  it('finds duplicates between .sql and script files', async () => {
    await files({ '2_a.sql': UP, '2_b.ts': '' });
    const error = await collectError();
    expect(error.code).toBe('E_DUPLICATE_VERSION');
    expect(error.message).toContain('existing:2_a.sql');
    expect(error.message).toContain('current:2_b.ts');
  });

  it('reports a missing directory with goose text', async () => {
    const missing = join(dir, 'nope');
    const error = await collectError(missing);
    expect(error.code).toBe('E_DIR_NOT_FOUND');
    expect(error.message).toBe(`${missing} directory does not exist`);
  });

  it('reports a file given as directory', async () => {
    await files({ 'plain.txt': '' });
    expect((await collectError(join(dir, 'plain.txt'))).code).toBe('E_DIR_NOT_FOUND');
  });

  it('reports an empty directory', async () => {
    const error = await collectError();
    expect(error.code).toBe('E_NO_MIGRATIONS');
    expect(error.message).toBe('no migration files found');
  });

  it('reports a directory with only non-migrations', async () => {
    await files({ 'README.md': '', 'helpers.ts': '' });
    expect((await collectError()).code).toBe('E_NO_MIGRATIONS');
  });

  it('checksums the exact bytes, BOM and CRLF included, and keeps the BOM in content', async () => {
    const bytes = Buffer.from('\ufeff-- +goose Up\r\nSELECT 1;\r\n', 'utf8');
    await files({ '1_bom.sql': bytes });
    const [source] = await collectMigrations(dir);
    expect(source!.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(source!.content.startsWith('\ufeff')).toBe(true);
    expect(source!.content).toBe(bytes.toString('utf8'));
  });

  it('handles unicode and very long descriptions', async () => {
    const long = 'd'.repeat(200);
    await files({ '1_créer_les_utilisateurs_👋.sql': UP, [`2_${long}.sql`]: UP });
    const sources = await collectMigrations(dir);
    expect(sources.map((s) => s.description)).toEqual(['créer_les_utilisateurs_👋', long]);
  });

  // Its speed is measured in bench/ (collect scenario), not asserted here.
  it('collects many files in version order', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `${String(i + 1).padStart(5, '0')}_m.sql`);
    await Promise.all(names.map((name) => writeFile(join(dir, name), UP)));
    const sources = await collectMigrations(dir);
    expect(sources).toHaveLength(2000);
    expect(sources[1999]!.version).toBe(2000n);
  });
});

describe('sourcesFromList', () => {
  it('applies the same rules and sorts', () => {
    const sources = sourcesFromList([
      { fileName: '3_c.sql', content: UP },
      { fileName: 'migrations/1_a.sql', content: UP },
      { fileName: 'helper.ts', content: '' },
    ]);
    expect(sources.map((s) => [s.version, s.fileName, s.path])).toEqual([
      [1n, '1_a.sql', 'migrations/1_a.sql'],
      [3n, '3_c.sql', '3_c.sql'],
    ]);
    expect(sources[0]!.checksum).toBe(createHash('sha256').update(UP).digest('hex'));
  });

  it('rejects bad .sql names, duplicates and empty lists', () => {
    const codeOf = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof GanderError ? error.code : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => sourcesFromList([{ fileName: 'x.sql', content: '' }]))).toBe('E_INVALID_FILENAME');
    expect(codeOf(() => sourcesFromList([{ fileName: '0_x.sql', content: '' }]))).toBe('E_INVALID_VERSION');
    expect(
      codeOf(() =>
        sourcesFromList([
          { fileName: '1_a.sql', content: '' },
          { fileName: '1_b.sql', content: '' },
        ]),
      ),
    ).toBe('E_DUPLICATE_VERSION');
    expect(codeOf(() => sourcesFromList([]))).toBe('E_NO_MIGRATIONS');
  });
});
