import { describe, expect, it } from 'vitest';
import { extensionsCreatedBy } from './created-extensions.js';
import { pgliteExtensions } from './pglite-extensions.js';

describe('extensionsCreatedBy', () => {
  it('finds quoted and plain names, IF NOT EXISTS, any case; not in comments', () => {
    const found = extensionsCreatedBy([
      { fileName: '001_a.sql', content: '-- +goose Up\ncreate extension if not exists "uuid-ossp";\nCREATE EXTENSION pgcrypto SCHEMA public;\n' },
      { fileName: '002_b.sql', content: '-- CREATE EXTENSION postgis;\n/* CREATE EXTENSION ltree; */\nCREATE EXTENSION IF NOT EXISTS "uuid-ossp";' },
    ]);
    expect([...found]).toEqual([
      ['uuid-ossp', ['001_a.sql', '002_b.sql']],
      ['pgcrypto', ['001_a.sql']],
    ]);
  });
});

describe('pgliteExtensions', () => {
  it('maps CREATE EXTENSION names to PGlite contrib modules, with what they require', async () => {
    const extensions = await pgliteExtensions(['uuid-ossp', 'hstore', 'earthdistance', 'plpgsql']);
    expect(Object.keys(extensions).sort()).toEqual(['cube', 'earthdistance', 'hstore', 'uuid_ossp']);
    expect(extensions.uuid_ossp).toMatchObject({ name: 'uuid-ossp' });
  });

  it('refuses one PGlite does not have, naming it and the files, and listing what it has', async () => {
    const error = await pgliteExtensions(['postgis', 'citext'], new Map([['postgis', ['003_geo.sql']]])).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_EXTENSION_UNAVAILABLE',
      message: 'the embedded database (PGlite) has no "postgis" extension, needed by 003_geo.sql',
    });
    expect((error as { hint: string }).hint).toMatch(/^PGlite can load: .*uuid-ossp.*vector/);
  });
});
