import { describe, expect, it } from 'vitest';
import { parseTableName, siblingTable } from './table-name.js';

describe('parseTableName', () => {
  it.each([
    ['goose_db_version', undefined, 'goose_db_version', '"goose_db_version"'],
    ['Versions', undefined, 'versions', '"versions"'],
    ['myschema.versions', 'myschema', 'versions', '"myschema"."versions"'],
    ['"MySchema"."Ver.sions"', 'MySchema', 'Ver.sions', '"MySchema"."Ver.sions"'],
    ['"we""ird"', undefined, 'we"ird', '"we""ird"'],
  ])('%s', (raw, schema, table, qualified) => {
    expect(parseTableName(raw)).toMatchObject({ schema, table, qualified });
  });

  it.each([
    'goose_db_version; DROP TABLE users',
    "x' OR '1'='1",
    'a.b.c',
    '',
    '.x',
    'x.',
    '"unterminated',
    'with space',
    'x'.repeat(64),
    'tab\tle',
  ])('rejects %j', (raw) => {
    expect(() => parseTableName(raw)).toThrow(expect.objectContaining({ code: 'E_INVALID_TABLE_NAME' }));
  });

  it('puts companion tables in the same schema', () => {
    expect(siblingTable(parseTableName('ops.v'), 'gander_migration_log').qualified).toBe('"ops"."gander_migration_log"');
    expect(siblingTable(parseTableName('v'), 'gander_migration_log').qualified).toBe('"gander_migration_log"');
  });
});
