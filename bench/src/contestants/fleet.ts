import pg from 'pg';
import { timeColdProcess, type ColdCommand } from '../harness/cold-process.js';
import type { Contestant, Measurement, Role } from '../harness/types.js';

/** Back to an empty database, a few at a time (untimed). */
export async function emptyDatabases(urls: readonly string[], parallel = 8): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < urls.length) {
      const client = new pg.Client({ connectionString: urls[next++]! });
      await client.connect();
      try {
        await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      } finally {
        await client.end();
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

/** Every database must end at `version`, or the contestant did not do the work it is timed for. */
async function assertAllAt(urls: readonly string[], version: bigint): Promise<void> {
  for (const url of urls) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ v: string | null }>('SELECT max(version_id)::text AS v FROM goose_db_version WHERE is_applied');
      if (rows[0]?.v !== version.toString()) throw new Error(`${new URL(url).pathname.slice(1)} is at ${rows[0]?.v ?? 'nothing'}, not ${version}`);
    } finally {
      await client.end();
    }
  }
}

/**
 * Migrate every database of the fleet: empty them all (untimed), then time
 * the commands from the first spawn to the last exit, then check every
 * database reached `version` (untimed).
 */
export function fleetContestant(options: {
  name: string;
  role: Role;
  urls: readonly string[];
  version: bigint;
  skip?: string;
  commands: () => ColdCommand[];
}): Contestant {
  return {
    name: options.name,
    role: options.role,
    mode: 'cold process',
    ...(options.skip === undefined ? {} : { skip: options.skip }),
    async run(): Promise<Measurement> {
      await emptyDatabases(options.urls);
      let seconds = 0;
      for (const command of options.commands()) seconds += await timeColdProcess(command);
      await assertAllAt(options.urls, options.version);
      return { seconds };
    },
  };
}
