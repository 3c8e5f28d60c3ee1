import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GanderParseError } from '../errors.js';
import { parseSql, type Direction } from './index.js';

/**
 * Runs our parser over goose's own parser corpus (internal/sqlparser/testdata)
 * when GOOSE_SRC points at a goose checkout. The files are read in place,
 * never copied into this repository. Expected counts are the ones goose's
 * parser_test.go asserts.
 */
const gooseSrc = process.env.GOOSE_SRC;
const corpus = gooseSrc === undefined ? undefined : join(gooseSrc, 'internal', 'sqlparser', 'testdata');
const available = corpus !== undefined && existsSync(corpus);
const title = available
  ? `goose corpus at ${corpus}`
  : 'goose corpus (skipped: set GOOSE_SRC to a pressly/goose checkout, e.g. GOOSE_SRC=/tmp/goose-src)';

const validUpCounts: Record<string, number> = {
  test01: 3,
  test02: 1,
  test03: 1,
  test04: 3,
  test05: 2,
  test06: 5,
  test07: 1,
  test08: 6,
  test09: 1,
};

const envsubCounts: Record<string, { up: number; down: number }> = {
  test01: { up: 4, down: 1 },
  test02: { up: 3, down: 0 },
  test03: { up: 1, down: 0 },
};

// goose's TestEnvsub environment; GOOSE_ENV_SET_BUT_EMPTY_VALUE is set but empty.
const envsubEnv = {
  GOOSE_ENV_REGION: 'us_east_',
  GOOSE_ENV_SET_BUT_EMPTY_VALUE: '',
  GOOSE_ENV_NAME: 'foo',
};

function goldenStatements(dir: string, direction: Direction): string[] {
  const suffix = `.${direction}.golden.sql`;
  const golden: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(suffix)) continue;
    const index = Number.parseInt(name.slice(0, name.indexOf('.')), 10) - 1;
    golden[index] = readFileSync(join(dir, name), 'utf8');
  }
  return golden;
}

function expectMatchesGolden(dir: string, direction: Direction, count: number, env: Record<string, string>): void {
  const input = readFileSync(join(dir, 'input.sql'), 'utf8');
  const { statements } = parseSql(input, direction, { file: join(dir, 'input.sql'), env });
  expect(statements).toHaveLength(count);
  expect(statements).toEqual(goldenStatements(dir, direction));
}

describe.skipIf(!available)(title, () => {
  const root = corpus ?? '';

  describe('valid-up', () => {
    for (const [name, count] of Object.entries(validUpCounts)) {
      it(`${name}: ${count} up statements equal the golden files`, () => {
        expectMatchesGolden(join(root, 'valid-up', name), 'up', count, {});
      });
    }
  });

  describe('envsub', () => {
    for (const [name, counts] of Object.entries(envsubCounts)) {
      it(`${name}: up ${counts.up}, down ${counts.down}`, () => {
        const dir = join(root, 'envsub', name);
        expectMatchesGolden(dir, 'up', counts.up, envsubEnv);
        expectMatchesGolden(dir, 'down', counts.down, envsubEnv);
      });
    }
  });

  describe('invalid/up', () => {
    const dir = join(root, 'invalid', 'up');
    const files = available ? readdirSync(dir) : [];
    it('has files', () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const name of files) {
      it(`${name} fails in the up direction with E_PARSE`, () => {
        const input = readFileSync(join(dir, name), 'utf8');
        let caught: unknown;
        try {
          parseSql(input, 'up', { file: name, env: {} });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(GanderParseError);
        expect((caught as GanderParseError).code).toBe('E_PARSE');
      });
    }
  });

  describe('valid-txn', () => {
    const cases: Array<[string, boolean]> = [
      ['00001_create_users_table.sql', true],
      ['00002_rename_root.sql', true],
      ['00003_no_transaction.sql', false],
    ];
    for (const [name, useTx] of cases) {
      it(`${name}: useTx=${String(useTx)}`, () => {
        const input = readFileSync(join(root, 'valid-txn', name), 'utf8');
        expect(parseSql(input, 'up', { env: {} }).useTx).toBe(useTx);
      });
    }
  });
});
