import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gander/test-server';
import { assertBuilt } from '../test-support/cli.js';
import { EXPLAINED } from './explained.js';
import { findGoose } from './goose-binary.js';
import { parseScenario, type Dsns } from './scenario.js';
import { copyProject, ganderProgram, observe, runSql, type Observation, type Side } from './twin.js';

// Each scenario runs once with goose v3.26's own binary and once with gander,
// on twin databases of the test server, and every step must give the same exit
// code, stdout, stderr (normalised: see normalise.ts), version-table rows and
// project files, except the steps marked `!differs: <key>`, which must differ
// (each is a deliberate difference listed in apps/cli/README.md) and, for the
// keys explained.ts knows, agree once that one difference is taken out.

const goose = findGoose();
const serverUrl = process.env.GANDER_TEST_SERVER_URL;
const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const scenarios = readdirSync(TESTDATA, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function dsnsFor(databaseUrl: string): Dsns {
  const u = new URL(databaseUrl);
  const kvNoSslmode = [
    `host=${u.hostname}`,
    `port=${u.port}`,
    `user=${decodeURIComponent(u.username)}`,
    ...(u.password ? [`password=${decodeURIComponent(u.password)}`] : []),
    `dbname=${u.pathname.slice(1)}`,
  ].join(' ');
  const url = new URL(databaseUrl);
  url.searchParams.set('sslmode', 'disable');
  return { kv: `${kvNoSslmode} sslmode=disable`, url: url.toString(), kvNoSslmode };
}

/** The keys of apps/cli/README.md's "Deliberate differences" table: every `!differs` key must be one. */
const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const DIFFERENCES = README.slice(README.indexOf('## Deliberate differences')).split(/\n## /)[0]!;
const documented = new Set([...DIFFERENCES.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!));

const show = (o: Observation) => JSON.stringify(o, null, 2);

/** Only the members that differ, goose's then gander's. */
function difference(want: Observation, got: Observation): string {
  return (Object.keys(want) as Array<keyof Observation>)
    .filter((k) => JSON.stringify(want[k]) !== JSON.stringify(got[k]))
    .map((k) => `  ${k}:\n    goose:  ${JSON.stringify(want[k], null, 1).replaceAll('\n', '\n      ')}\n    gander: ${JSON.stringify(got[k], null, 1).replaceAll('\n', '\n      ')}`)
    .join('\n');
}

if ('skip' in goose) console.log(`goose parity suite skipped: ${goose.skip}`);

describe.skipIf('skip' in goose)('gander against goose v3.26, step by step', () => {
  const databases: TestDatabase[] = [];
  beforeAll(() => {
    assertBuilt();
    if (!serverUrl) throw new Error('GANDER_TEST_SERVER_URL is not set: run through the workspace vitest config');
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it.each(scenarios)('%s', async (name) => {
    const [gooseDb, ganderDb] = [await createTestDatabase(serverUrl!, 'parity_goose'), await createTestDatabase(serverUrl!, 'parity_gander')];
    databases.push(gooseDb, ganderDb);
    const stepsText = readFileSync(join(TESTDATA, name, 'steps.txt'), 'utf8');
    const project = join(TESTDATA, name, 'project');
    const sides: Side[] = [
      { tool: 'goose', program: ['path' in goose ? goose.path : 'goose'], cwd: await copyProject(project, 'goose'), databaseName: gooseDb.name, databaseUrl: gooseDb.url },
      { tool: 'gander', program: ganderProgram(), cwd: await copyProject(project, 'gander'), databaseName: ganderDb.name, databaseUrl: ganderDb.url },
    ];
    const [gooseSteps, ganderSteps] = sides.map((s) => parseScenario(stepsText, dsnsFor(s.databaseUrl)));
    const problems: string[] = [];
    for (let i = 0; i < gooseSteps!.steps.length; i++) {
      const step = ganderSteps!.steps[i]!;
      if (step.sql !== undefined) {
        for (const side of sides) await runSql(side.databaseUrl, step.sql);
        continue;
      }
      const [want, got] = [
        await observe(sides[0]!, gooseSteps!.steps[i]!, gooseSteps!.table, []),
        await observe(sides[1]!, step, ganderSteps!.table, []),
      ];
      const same = show(want) === show(got);
      const where = `${name}/steps.txt:${step.line} \`${gooseSteps!.steps[i]!.text}\``;
      if (step.differs === undefined && !same) problems.push(`${where}\n${difference(want, got)}`);
      if (step.differs !== undefined && same) problems.push(`${where}: marked "!differs: ${step.differs.join(', ')}" but both tools gave\n${show(got)}`);
      const unknown = step.differs?.filter((k) => !documented.has(k)) ?? [];
      if (unknown.length > 0) problems.push(`${where}: ${unknown.join(', ')} not in apps/cli/README.md "Deliberate differences"`);
      const explained = step.differs?.map((k) => EXPLAINED[k]) ?? [];
      if (!same && explained.length > 0 && explained.every((e) => e !== undefined)) {
        const [w, g] = [explained.reduce((o, e) => e!.remove(o, 'goose', sides[0]!.cwd), want), explained.reduce((o, e) => e!.remove(o, 'gander', sides[1]!.cwd), got)];
        if (show(w) !== show(g)) problems.push(`${where}: differs by more than ${explained.map((e) => e!.what).join(', and ')}:\n${difference(w, g)}`);
      }
    }
    expect(problems.join('\n\n')).toBe('');
    // A scenario is dozens of cold processes of two tools: minutes on a busy machine.
  }, 600_000);
});
