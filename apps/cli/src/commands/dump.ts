import { writeFile } from 'node:fs/promises';
import { dumpSchema, GanderError, type PgDumpConnection } from '@gander/core';
import type { PgSettings } from '../dsn/parse-dsn.js';
import type { CommandOutcome, DbCommandContext } from './context.js';

// Checked on npm: @electric-sql/pglite-tools (pg_dump compiled to WASM) is at
// 0.4.8 and requires @electric-sql/pglite 0.5.8 exactly; gander runs 0.5.14.
const PGLITE_REFUSAL =
  'dump needs pg_dump, and PGlite has none gander can run: @electric-sql/pglite-tools (the newest, 0.4.8) requires @electric-sql/pglite 0.5.8 exactly, and gander runs 0.5.14';

/** libpq settings for pg_dump, from the DBSTRING and the TLS flags. */
export function dumpConnection(settings: PgSettings, tls: { certfile: string; sslCert: string; sslKey: string }): PgDumpConnection {
  return {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    sslmode: settings.sslModeExplicit ? settings.sslMode : undefined,
    sslrootcert: tls.certfile || settings.tls.rootCert,
    sslcert: tls.sslCert || settings.tls.cert,
    sslkey: tls.sslKey || settings.tls.key,
    options: settings.options,
  };
}

function flag(ctx: DbCommandContext, name: string): string {
  const value = ctx.flags.get(name);
  return typeof value === 'string' ? value : '';
}

/** `dump [-out FILE] [-pg-dump PATH]`: the schema at the current version as one goose migration file. */
export async function dumpCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  if (ctx.target.driver !== 'postgres') {
    throw new GanderError('E_DUMP_UNSUPPORTED', PGLITE_REFUSAL, {
      hint: 'run gander up against a PostgreSQL server with the same migrations (for example a throwaway one) and dump that',
    });
  }
  const version = await ctx.provider.version();
  const dump = await dumpSchema({
    db: ctx.provider.db,
    connection: dumpConnection(ctx.target.settings, ctx.options),
    version,
    table: ctx.options.table || undefined,
    pgDump: flag(ctx, 'pg-dump') || undefined,
    env: ctx.env,
  });
  const out = flag(ctx, 'out');
  const prefix = ctx.options.logPrefix;
  if (out) {
    await writeFile(ctx.usablePath(out), dump.text);
    ctx.log.print(
      `${prefix}: dump: wrote the schema at version ${version} to ${out} (${dump.objects} objects; PostgreSQL ${dump.server.version}, pg_dump ${dump.pgDump.version} from ${dump.pgDump.origin})`,
    );
  } else ctx.print(dump.text);
  return {
    currentVersion: version,
    extra: {
      dump: {
        version: version.toString(),
        file: out || null,
        serverVersion: dump.server.version,
        pgDump: { path: dump.pgDump.path, version: dump.pgDump.version, from: dump.pgDump.origin },
        objects: dump.objects,
        excluded: dump.excluded,
        sql: out ? null : dump.text,
      },
    },
  };
}
