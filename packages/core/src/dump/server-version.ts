import type { Queryable } from '../db/database.js';
import { GanderError } from '../errors.js';
import type { PgDumpBinary } from './pg-dump-binary.js';

export interface ServerVersion {
  /** `server_version`, e.g. `16.2`. */
  version: string;
  /** `server_version_num`, e.g. 160002. */
  num: number;
  /** 16 for 160002; 906 for 90624 (the old two-part majors). */
  major: number;
}

export function majorOfVersionNum(num: number): number {
  return num >= 100_000 ? Math.floor(num / 10_000) : Math.floor(num / 100);
}

export async function serverVersion(db: Queryable): Promise<ServerVersion> {
  const { rows } = await db.query<{ version: string; num: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num",
  );
  const num = Number(rows[0]?.num);
  return { version: String(rows[0]?.version ?? ''), num, major: majorOfVersionNum(num) };
}

function majorText(major: number): string {
  return major >= 10 ? String(major) : `${Math.floor(major / 100)}.${major % 100}`;
}

/**
 * pg_dump must be the server's own major version: an older one refuses a newer
 * server, and a newer one writes SQL the server may not accept (dbmate#190).
 * Never dump with a mismatched one: say which two versions met and what to install.
 */
export function assertPgDumpMatches(binary: PgDumpBinary, server: ServerVersion): void {
  if (binary.major === server.major) return;
  const want = majorText(server.major);
  throw new GanderError(
    'E_PG_DUMP_MISMATCH',
    `pg_dump ${binary.version} (${binary.path}, from ${binary.origin}) does not match the server, PostgreSQL ${server.version}: the major versions differ (${majorText(binary.major)} and ${want}), so no dump was made`,
    {
      hint: `install pg_dump ${want} (e.g. apt-get install postgresql-client-${want}, or brew install postgresql@${want}) and pass it with --pg-dump PATH or GANDER_PG_DUMP`,
    },
  );
}
