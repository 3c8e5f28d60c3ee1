import type { Database, Session } from '@gander/core';
import type { CatalogChange } from '../catalog/diff.js';

/**
 * pg_dump prints a definition with PostgreSQL's deparser and the restore
 * parses that text again; for a few expressions the result prints differently
 * (`col IN ('a', 'b')` on a varchar column: `(ARRAY['a'::varchar, …])::text[]`
 * becomes `ARRAY[('a'::varchar)::text, …]`). Every dump and restore has this,
 * pg_upgrade included. Such a difference is accepted only when it is exactly
 * that: the old definition, read back by the server on the old database,
 * prints as the squashed one does.
 */
export interface RereadResult {
  /** Changes explained by a re-read (their keys: `kind name`). */
  explained: Set<string>;
}

const SCRATCH_NAME = 'gander_squash_reread';

async function relation(session: Session, name: string): Promise<{ reg: string; schema: string } | undefined> {
  const { rows } = await session.query<{ reg: string; schema: string }>(
    `SELECT c.oid::regclass::text AS reg, quote_ident(n.nspname) AS schema
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname || '.' || c.relname = $1`,
    [name],
  );
  return rows[0];
}

/** What the server prints for `definition` after reading it again, or undefined when it cannot be tried. */
async function reread(session: Session, change: CatalogChange, definition: string): Promise<string | undefined> {
  const object = change.before!;
  if (!object.relation) return undefined;
  const rel = await relation(session, object.relation);
  if (!rel) return undefined;
  if (change.kind === 'constraint' && definition.startsWith('CHECK ')) {
    await session.exec(`ALTER TABLE ${rel.reg} ADD CONSTRAINT ${SCRATCH_NAME} ${definition}`);
    const { rows } = await session.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '${rel.reg.replace(/'/g, "''")}'::regclass AND conname = '${SCRATCH_NAME}'`,
    );
    return rows[0]?.def;
  }
  if (change.kind === 'view' || change.kind === 'materialized view') {
    const body = definition.replace(/;\s*$/, '');
    const view = `${rel.schema}.${SCRATCH_NAME}`;
    await session.exec(change.kind === 'view' ? `CREATE VIEW ${view} AS ${body}` : `CREATE MATERIALIZED VIEW ${view} AS ${body} WITH NO DATA`);
    const { rows } = await session.query<{ def: string }>(`SELECT pg_get_viewdef('${view.replace(/'/g, "''")}'::regclass) AS def`);
    return rows[0]?.def.trim();
  }
  return undefined;
}

/** Try each definition-only change on `oldDb` (the database the old files built), in a transaction rolled back each time. */
export async function explainByReread(oldDb: Database, changes: readonly CatalogChange[]): Promise<RereadResult> {
  const explained = new Set<string>();
  const verdicts = new Map<string, boolean>();
  const session = await oldDb.session();
  try {
    for (const change of changes) {
      if (change.op !== '~' || change.properties.length !== 1 || change.properties[0]!.property !== 'definition') continue;
      const { before, after } = change.properties[0]!;
      if (before === undefined || after === undefined) continue;
      // A partition's copy of a parent's constraint reads back as the parent's does.
      const pairKey = `${change.kind}\u0000${before}\u0000${after}`;
      let same = verdicts.get(pairKey);
      if (same === undefined) {
        await session.exec('BEGIN');
        try {
          same = (await reread(session, change, before)) === after;
        } catch {
          same = false;
        } finally {
          await session.exec('ROLLBACK');
        }
        verdicts.set(pairKey, same);
      }
      if (same) explained.add(`${change.kind} ${change.name}`);
    }
  } finally {
    await session.release();
  }
  return { explained };
}
