import type { CatalogQuery } from './catalog-query.js';
import { compactProperties, optionalText, text } from './row-text.js';
import { notExtensionMember, qualified, userSchema } from './sql-fragments.js';

/**
 * Indexes, including the per-partition indexes PostgreSQL builds for an index
 * on a partitioned table (their names are part of the schema too: see 011).
 * Indexes that back a PRIMARY KEY, UNIQUE or EXCLUDE constraint are left out:
 * the constraint stands for them.
 */
export const indexesQuery: CatalogQuery = {
  label: 'indexes',
  sql: `
SELECT n.nspname AS schema, ci.relname AS name, ${qualified('n', 'c.relname')} AS rel,
       pg_get_indexdef(i.indexrelid) AS definition,
       i.indisvalid AS valid,
       CASE WHEN pic.oid IS NOT NULL THEN pic.relname || ' on ' || ${qualified('ptn', 'ptc.relname')} END AS parent_key
  FROM pg_index i
  JOIN pg_class ci ON ci.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  -- An index has at most one parent (the partitioned table's index it is attached to).
  LEFT JOIN pg_inherits h ON h.inhrelid = ci.oid
  LEFT JOIN pg_class pic ON pic.oid = h.inhparent
  LEFT JOIN pg_index pi ON pi.indexrelid = h.inhparent
  LEFT JOIN pg_class ptc ON ptc.oid = pi.indrelid
  LEFT JOIN pg_namespace ptn ON ptn.oid = ptc.relnamespace
 WHERE ${userSchema('n.nspname')}
   AND ${notExtensionMember('pg_class', 'c.oid')}
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                    WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))`,
  toObject(row) {
    const valid = text(row, 'valid') === 'true';
    const parent = optionalText(row, 'parent_key');
    return {
      kind: 'index',
      name: `${text(row, 'name')} on ${text(row, 'rel')}`,
      summary: `: ${text(row, 'definition')}${valid ? '' : ' (INVALID)'}`,
      relation: text(row, 'rel'),
      ...(parent ? { inheritedFrom: `index ${parent}` } : {}),
      properties: compactProperties({ definition: text(row, 'definition'), valid: String(valid) }),
    };
  },
};

/**
 * Table and domain constraints. A partition's copy of its parent's constraint
 * (a cloned foreign key or key, or an inherited CHECK) points at the parent's.
 */
export const constraintsQuery: CatalogQuery = {
  label: 'constraints',
  sql: `
SELECT k.conname AS name, k.contype::text AS type,
       CASE WHEN k.conrelid <> 0 THEN ${qualified('cn', 'c.relname')} END AS rel,
       CASE WHEN k.contypid <> 0 THEN ${qualified('tn', 't.typname')} END AS domain,
       pg_get_constraintdef(k.oid) AS definition,
       k.convalidated AS validated,
       CASE
         WHEN k.conparentid <> 0 THEN (
           SELECT pk.conname || ' on ' || ${qualified('pkn', 'pkc.relname')}
             FROM pg_constraint pk
             JOIN pg_class pkc ON pkc.oid = pk.conrelid
             JOIN pg_namespace pkn ON pkn.oid = pkc.relnamespace
            WHERE pk.oid = k.conparentid)
         WHEN k.conrelid <> 0 AND k.coninhcount > 0 AND NOT k.conislocal THEN (
           SELECT k.conname || ' on ' || ${qualified('ppn', 'pp.relname')}
             FROM pg_inherits h
             JOIN pg_class pp ON pp.oid = h.inhparent
             JOIN pg_namespace ppn ON ppn.oid = pp.relnamespace
            WHERE h.inhrelid = k.conrelid
            ORDER BY h.inhseqno
            LIMIT 1)
       END AS parent_key
  FROM pg_constraint k
  JOIN pg_namespace n ON n.oid = k.connamespace
  LEFT JOIN pg_class c ON c.oid = k.conrelid
  LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
  LEFT JOIN pg_type t ON t.oid = k.contypid
  LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace
 WHERE ${userSchema('n.nspname')}
   AND (k.conrelid = 0 OR ${notExtensionMember('pg_class', 'k.conrelid')})
   AND (k.contypid = 0 OR ${notExtensionMember('pg_type', 'k.contypid')})`,
  toObject(row) {
    const rel = optionalText(row, 'rel');
    const owner = rel ?? `domain ${text(row, 'domain')}`;
    const parent = optionalText(row, 'parent_key');
    return {
      kind: 'constraint',
      name: `${text(row, 'name')} on ${owner}`,
      summary: `: ${text(row, 'definition')}`,
      ...(rel ? { relation: rel } : {}),
      ...(parent ? { inheritedFrom: `constraint ${parent}` } : {}),
      properties: compactProperties({ definition: text(row, 'definition'), validated: text(row, 'validated') }),
    };
  },
};

/** User triggers (not the internal ones behind foreign keys); clones on partitions point at the parent's. */
export const triggersQuery: CatalogQuery = {
  label: 'triggers',
  sql: `
SELECT t.tgname AS name, ${qualified('n', 'c.relname')} AS rel,
       pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled::text AS enabled,
       CASE WHEN t.tgparentid <> 0 THEN (
         SELECT pt.tgname || ' on ' || ${qualified('pn', 'pc.relname')}
           FROM pg_trigger pt
           JOIN pg_class pc ON pc.oid = pt.tgrelid
           JOIN pg_namespace pn ON pn.oid = pc.relnamespace
          WHERE pt.oid = t.tgparentid) END AS parent_key
  FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT t.tgisinternal
   AND ${userSchema('n.nspname')}
   AND ${notExtensionMember('pg_class', 'c.oid')}`,
  toObject(row) {
    const parent = optionalText(row, 'parent_key');
    return {
      kind: 'trigger',
      name: `${text(row, 'name')} on ${text(row, 'rel')}`,
      summary: `: ${text(row, 'definition')}`,
      relation: text(row, 'rel'),
      ...(parent ? { inheritedFrom: `trigger ${parent}` } : {}),
      properties: compactProperties({ definition: text(row, 'definition'), enabled: text(row, 'enabled') }),
    };
  },
};
