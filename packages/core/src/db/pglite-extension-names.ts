/**
 * The contrib extensions @electric-sql/pglite ships as `@electric-sql/pglite/contrib/<module>`
 * (0.5.x), by the name CREATE EXTENSION uses. PGlite loads an extension only when it
 * is given at start-up, so the embedded database must know them before the migrations run.
 */
export const CONTRIB: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'amcheck', 'auto_explain', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn',
    'earthdistance', 'file_fdw', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'moddatetime',
    'pageinspect', 'pg_buffercache', 'pg_freespacemap', 'pg_stat_statements', 'pg_surgery', 'pg_trgm',
    'pg_visibility', 'pg_walinspect', 'pgcrypto', 'seg', 'tablefunc', 'tcn', 'tsm_system_rows', 'tsm_system_time',
    'unaccent', 'uuid_ossp',
  ].map((module) => [module.replace('uuid_ossp', 'uuid-ossp'), module]),
);

/** Built into PGlite: nothing to load. */
export const BUILT_IN = new Set(['plpgsql']);

/** `CREATE EXTENSION x CASCADE` (or x alone) needs these loaded too. */
export const REQUIRES: Readonly<Record<string, readonly string[]>> = { earthdistance: ['cube'] };

/** Every extension name PGlite can load here (pgvector through @electric-sql/pglite-pgvector). */
export const PGLITE_EXTENSIONS: readonly string[] = [...BUILT_IN, ...Object.keys(CONTRIB), 'vector'].sort();
