import { createProvider, sourcesFromList, type Database, type MigrationSource } from '@gander/core';
import { compareCatalogs, diffCatalogs, type CatalogChange } from '../catalog/diff.js';
import { snapshotCatalog } from '../catalog/snapshot.js';
import type { EphemeralServer } from '../server/ephemeral-server.js';
import { explainByReread } from './reread-definitions.js';

export interface SquashProof {
  /** Objects in the catalog the old files build (version table and audit table left out). */
  objects: number;
  /** The catalog differences between the old files and the squashed file: empty when they build the same schema. */
  upDiff: string[];
  /**
   * Definitions that print differently only because PostgreSQL read pg_dump's
   * text of them back, checked on the old database (see explainByReread).
   */
  reread: string[];
  /** diffCatalogs(empty database, squashed Up then Down): empty when the Down drops all of it. */
  downDiff: string[];
}

async function migrate(db: Database, sources: readonly MigrationSource[]): Promise<void> {
  const provider = await createProvider({ db, sources });
  const result = await provider.up();
  if (result.error) throw result.error;
}

const keyOf = (change: CatalogChange) => `${change.kind} ${change.name}`;

/**
 * Two fresh databases on one server: one applies the old files, one the
 * squashed file; their catalogs (testkit's snapshot: tables, columns, indexes,
 * constraints, routines, views, triggers, types, extensions, comments…) must
 * be the same, but for definitions PostgreSQL prints differently after reading
 * its own output (each checked on the server, and listed). Then the squashed
 * file's Down must leave its database as empty as it found it.
 */
export async function proveSquash(server: EphemeralServer, old: readonly MigrationSource[], squashed: { fileName: string; content: string }): Promise<SquashProof> {
  const oldDb = await server.createDatabase();
  try {
    await migrate(oldDb.db, old);
    const oldCatalog = await snapshotCatalog(oldDb.db);
    const newDb = await server.createDatabase();
    try {
      const empty = await snapshotCatalog(newDb.db);
      const sources = sourcesFromList([squashed]);
      await migrate(newDb.db, sources);
      const newCatalog = await snapshotCatalog(newDb.db);
      const changes = compareCatalogs(oldCatalog, newCatalog);
      const { explained } = await explainByReread(oldDb.db, changes);
      const counts = (change: CatalogChange) => !explained.has(keyOf(change)) && (change.foldedInto === undefined || explained.has(change.foldedInto));
      const provider = await createProvider({ db: newDb.db, sources });
      const down = await provider.downTo(0n);
      if (down.error) throw down.error;
      return {
        objects: oldCatalog.objects.length,
        upDiff: changes.filter(counts).map((change) => change.line),
        reread: changes.filter((change) => change.foldedInto === undefined && explained.has(keyOf(change))).map((change) => change.line),
        downDiff: diffCatalogs(empty, await snapshotCatalog(newDb.db)),
      };
    } finally {
      await newDb.drop();
    }
  } finally {
    await oldDb.drop();
  }
}
