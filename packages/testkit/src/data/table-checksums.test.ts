import type { Database } from '@gander/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../database/reset-database.js';
import type { EphemeralDatabase } from '../server/ephemeral-server.js';
import { serverDatabase } from '../test-support/server-database.js';
import { compareChecksums } from './compare-checksums.js';
import { tableChecksums } from './table-checksums.js';

let database: EphemeralDatabase;
let db: Database;
beforeAll(async () => {
  database = await serverDatabase();
  db = database.db;
});
afterAll(() => database.drop());
beforeEach(() => resetDatabase(db));

describe('tableChecksums', () => {
  it('does not depend on row order, and sees a changed value', async () => {
    await db.exec(`CREATE TABLE a (id int, v text); CREATE TABLE b (id int, v text);
                   INSERT INTO a VALUES (1, 'x'), (2, 'y'), (3, NULL);
                   INSERT INTO b VALUES (3, NULL), (1, 'x'), (2, 'y');`);
    const [a, b] = await tableChecksums(db);
    expect(a!.rows).toBe(3);
    expect(a!.checksum).toBe(b!.checksum);
    await db.exec(`UPDATE b SET v = 'z' WHERE id = 2`);
    const after = await tableChecksums(db);
    expect(compareChecksums([b!], after).map((d) => d.description)).toEqual([
      expect.stringMatching(/^public\.b: same 3 rows, different content \(checksum \w{8} → \w{8}\)$/),
    ]);
  });

  it('counts a partitioned table as a whole and each partition on its own', async () => {
    await db.exec(`CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
                   CREATE TABLE m_old PARTITION OF m FOR VALUES FROM ('2000-01-01') TO ('2020-01-01');
                   CREATE TABLE m_default PARTITION OF m DEFAULT;
                   INSERT INTO m VALUES (1, '2010-01-01'), (2, '2030-01-01'), (3, '2031-01-01');`);
    const sums = await tableChecksums(db);
    expect(sums.map((s) => [s.table, s.kind, s.rows])).toEqual([
      ['public.m', 'partitioned table', 3],
      ['public.m_default', 'partition', 2],
      ['public.m_old', 'partition', 1],
    ]);
  });

  it('hashes only the columns asked for, so rows compare across an added column', async () => {
    await db.exec(`CREATE TABLE t (id int, v text); INSERT INTO t VALUES (1, 'x');`);
    const [before] = await tableChecksums(db);
    await db.exec(`ALTER TABLE t ADD COLUMN extra int DEFAULT 5`);
    const [projected] = await tableChecksums(db, { columns: { 'public.t': ['id', 'v'] } });
    expect(projected!.checksum).toBe(before!.checksum);
    const [whole] = await tableChecksums(db);
    expect(whole!.checksum).not.toBe(before!.checksum);
  });

  it('reports a table that is gone', () => {
    expect(compareChecksums([{ table: 'public.t', kind: 'table', rows: 2, checksum: 'abc' }], [])[0]!.description).toBe(
      'public.t: table is gone (it had 2 rows)',
    );
  });
});
