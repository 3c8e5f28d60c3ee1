import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fleetContestant } from '../contestants/fleet.js';
import { copyDataStorage, PGVECTOR_FREE_PREFIX } from '../fixtures/data-storage.js';
import type { FreshDatabase, Scenario } from '../harness/types.js';
import { findGanderCli, ganderCliCommand } from '../peers/gander-cli.js';

/** BENCH_FLEET_DATABASES: how many databases (default 200). */
function fleetSize(): number {
  const text = process.env.BENCH_FLEET_DATABASES ?? '';
  const n = text === '' ? 200 : Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_FLEET_DATABASES must be a whole number ≥ 1, got "${text}"`);
  return n;
}

export const FLEET_CONCURRENCY = [1, 4, 8, 16] as const;

/**
 * (g) One release on many databases: the Data Storage migrations 001–004 on
 * N databases of one server, by a shell loop of `gander up` (one process per
 * database, the way users do it without a fleet) against one `gander fleet up`
 * process per concurrency level. speed-up = loop ÷ fleet = 1 / ratio.
 */
export const fleetScenario: Scenario = {
  id: 'g-fleet',
  title: 'Fleet: 001–004 on many databases, a `gander up` loop against `gander fleet up` per concurrency',
  unit: 's',
  needsServer: true,
  optIn: true,
  async prepare({ server, scratch }) {
    if (!server) throw new Error('g-fleet needs the server');
    const count = fleetSize();
    const dir = await copyDataStorage(join(scratch, 'g-fleet', 'migrations'), (v) => v <= PGVECTOR_FREE_PREFIX);
    const databases: FreshDatabase[] = [];
    try {
      for (let i = 0; i < count; i++) databases.push(await server.createDatabase(`fleet_${i}`));
    } catch (error) {
      for (const d of databases) await d.drop();
      throw error;
    }
    const urls = databases.map((d) => d.url);
    const targetsFile = join(scratch, 'g-fleet', 'targets.json');
    await writeFile(targetsFile, JSON.stringify(databases.map((d, i) => ({ name: `db-${String(i).padStart(4, '0')}`, dsn: d.url }))));
    const cli = findGanderCli();
    const skip = cli.skip ? { skip: cli.skip } : {};
    const bin = cli.path ?? '';
    return {
      input: `${count} databases on one server, each taken from empty to version ${PGVECTOR_FREE_PREFIX} (Data Storage 001–004) per run`,
      notes: [
        'The floor is what users do without a fleet: `for url in …; do gander -dir DIR postgres "$url" up; done`, one Node start per database.',
        'speed-up = 1 / ratio. Emptying the databases before a run and checking each reached version 4 after it are untimed.',
        `Concurrency levels: ${FLEET_CONCURRENCY.join(', ')}; BENCH_FLEET_DATABASES sets the fleet size (default 200).`,
      ],
      contestants: [
        fleetContestant({
          name: 'loop of `gander up`',
          role: 'floor',
          urls,
          version: PGVECTOR_FREE_PREFIX,
          ...skip,
          commands: () => urls.map((url) => ganderCliCommand(bin, dir, url, ['up'])),
        }),
        ...FLEET_CONCURRENCY.map((n) =>
          fleetContestant({
            name: `gander fleet up --concurrency ${n}`,
            role: 'gander',
            urls,
            version: PGVECTOR_FREE_PREFIX,
            ...skip,
            commands: () => [{ command: process.execPath, args: [bin, '-dir', dir, 'fleet', 'up', '--targets', targetsFile, '--concurrency', String(n)] }],
          }),
        ),
      ],
      async cleanup() {
        for (const d of databases) await d.drop();
      },
    };
  },
};
