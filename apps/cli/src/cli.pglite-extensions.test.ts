import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, logLines, makeProject, runCli } from './test-support/cli.js';

// PGlite loads an extension only when told at start-up: the embedded default
// must load what the migrations CREATE EXTENSION (its contrib ones), and say
// clearly when PGlite has no such extension.

beforeAll(() => assertBuilt());

const CONTRIB_HISTORY: Record<string, string> = {
  'migrations/00001_extensions.sql': `-- +goose Up
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS hstore;

-- +goose Down
DROP EXTENSION hstore;
DROP EXTENSION pgcrypto;
DROP EXTENSION "uuid-ossp";
`,
  'migrations/00002_things.sql': `-- +goose Up
CREATE TABLE things (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), token text NOT NULL DEFAULT encode(gen_random_bytes(8), 'hex'), attrs hstore);
INSERT INTO things (attrs) VALUES ('a=>1');

-- +goose Down
DROP TABLE things;
`,
};

describe('the embedded database and extensions', () => {
  it('runs a history that creates uuid-ossp, pgcrypto and hstore on the embedded database (pglite .gander/pglite)', async () => {
    const cwd = await makeProject(CONTRIB_HISTORY);
    const up = await runCli(['-dir', 'migrations', 'pglite', '.gander/pglite', 'up'], { cwd });
    expect(up.stderr).not.toContain('ERROR');
    expect(up.code).toBe(0);
    expect(logLines(up.stderr).at(-1)).toBe('goose: successfully migrated database to version: 2');
  }, 180_000); // PGlite's start-up plus three extension bundles: half a minute alone, more on a busy machine

  it('refuses an extension PGlite does not have, naming it and the file, before running anything', async () => {
    const cwd = await makeProject({
      'migrations/00001_geo.sql': `-- +goose Up\nCREATE EXTENSION postgis;\n\n-- +goose Down\nDROP EXTENSION postgis;\n`,
    });
    const up = await runCli(['-dir', 'migrations', 'pglite', '.gander/pglite', 'up'], { cwd });
    expect(up.code).toBe(1);
    expect(up.stderr).toContain('the embedded database (PGlite) has no "postgis" extension, needed by 00001_geo.sql');
    expect(up.stderr).toContain('PGlite can load: ');
  });
});
