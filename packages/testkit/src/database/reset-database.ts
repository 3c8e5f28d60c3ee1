import type { Queryable } from '@gander/core';

/**
 * Back to an empty database: drop every extension but plpgsql and every user
 * schema, then create `public` again. Between scenarios on PGlite this is far
 * cheaper than a new instance (seconds of WASM start-up).
 */
export async function resetDatabase(db: Queryable): Promise<void> {
  await db.exec(`DO $$
DECLARE
  item text;
BEGIN
  FOR item IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', item);
  END LOOP;
  FOR item IN SELECT nspname FROM pg_namespace
               WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                 AND nspname !~ '^pg_(toast_)?temp_' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', item);
  END LOOP;
  CREATE SCHEMA public;
END;
$$`);
}
