import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built package is what users load: `@gander/core/parsing` must hand out the very classes the index does,
// or `instanceof GanderError` fails for an error one entry throws and the other checks (a bundle of either entry
// on its own would copy the classes). Tests otherwise run the TypeScript sources, where this cannot go wrong.
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
const built = existsSync(dist('index.js')) && existsSync(dist('parsing.js'));

describe.skipIf(!built)(built ? 'built entry points' : 'built entry points: skipped, packages/core/dist is not built (run pnpm build)', () => {
  it('@gander/core/parsing exports the same classes and functions as the package index', async () => {
    const index = (await import(dist('index.js'))) as Record<string, unknown>;
    const parsing = (await import(dist('parsing.js'))) as Record<string, unknown>;
    const names = Object.keys(parsing);
    expect(names).toEqual(expect.arrayContaining(['GanderError', 'GanderParseError', 'parseSqlStatements', 'parseMigrationFileName']));
    for (const name of names) expect({ name, value: parsing[name] }).toEqual({ name, value: index[name] });
    for (const name of names) expect(parsing[name] === index[name]).toBe(true);
  });
});
