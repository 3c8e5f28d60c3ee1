import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GanderParseError } from '../errors.js';
import { parseMigrationSql, parseSqlStatements, type Direction } from './index.js';

interface ExpectedResult {
  statements: string[];
  useTx: boolean;
  lines: Array<[number, number]>;
}

interface ExpectedError {
  direction: Direction | 'both';
  line: number;
  messageIncludes: string;
  hintIncludes?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parser testdata', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of cases) {
    const dir = join(root, name);
    const input = readFileSync(join(dir, 'input.sql'), 'utf8');
    const env = readJson<Record<string, string>>(join(dir, 'env.json')) ?? {};
    const expectedError = readJson<ExpectedError | ExpectedError[]>(join(dir, 'error.json'));
    const errors = expectedError === undefined ? [] : Array.isArray(expectedError) ? expectedError : [expectedError];
    const options = { file: 'input.sql', env };

    describe(name, () => {
      for (const direction of ['up', 'down'] as const) {
        const result = readJson<ExpectedResult>(join(dir, `${direction}.json`));
        const error = errors.find((e) => e.direction === direction || e.direction === 'both');

        it(`${direction}: has exactly one expectation`, () => {
          expect(Number(result !== undefined) + Number(error !== undefined)).toBe(1);
        });

        if (result !== undefined) {
          it(`${direction}: statements`, () => {
            const parsed = parseSqlStatements(input, direction, options);
            expect(parsed.statements.map((s) => s.sql)).toEqual(result.statements);
            expect(parsed.useTx).toBe(result.useTx);
            expect(parsed.statements.map((s) => [s.line, s.endLine])).toEqual(result.lines);
          });
        }

        if (error !== undefined) {
          it(`${direction}: fails on line ${error.line}`, () => {
            const caught = catchError(() => parseSqlStatements(input, direction, options));
            expect(caught).toBeInstanceOf(GanderParseError);
            const parseError = caught as GanderParseError;
            expect(parseError.code).toBe('E_PARSE');
            expect(parseError.file).toBe('input.sql');
            expect(parseError.line).toBe(error.line);
            expect(parseError.message).toContain(error.messageIncludes);
            expect(parseError.message.startsWith(`input.sql:${error.line}: `)).toBe(true);
            expect(parseError.hint ?? '').not.toBe('');
            if (error.hintIncludes !== undefined) expect(parseError.hint).toContain(error.hintIncludes);
          });
        }
      }

      it('parseMigrationSql agrees with the two passes', () => {
        if (errors.length > 0) {
          expect(catchError(() => parseMigrationSql(input, options))).toBeInstanceOf(GanderParseError);
          return;
        }
        const both = parseMigrationSql(input, options);
        expect(both.up).toEqual(parseSqlStatements(input, 'up', options).statements);
        expect(both.down).toEqual(parseSqlStatements(input, 'down', options).statements);
        expect(both.useTx).toBe(parseSqlStatements(input, 'up', options).useTx);
      });
    });
  }
});
