import { describe, expect, it } from 'vitest';
import { GanderParseError } from '../errors.js';
import { parseMigrationSql, parseSql, parseSqlStatements } from './index.js';

function caught(run: () => unknown): GanderParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof GanderParseError) return error;
    throw error;
  }
  throw new Error('expected a GanderParseError');
}

describe('4 MiB line limit (bufio.Scanner token too long)', () => {
  const limit = 4 * 1024 * 1024;

  it('accepts a line of 4 MiB - 1 bytes', () => {
    const long = `SELECT '${'x'.repeat(limit - 1 - "SELECT '';".length)}';`;
    expect(Buffer.byteLength(long)).toBe(limit - 1);
    const { statements } = parseSql(`-- +goose Up\n${long}\n`, 'up');
    expect(statements[0]).toHaveLength(limit - 1);
  });

  it('rejects a line of 4 MiB, counted in UTF-8 bytes and with its \\r', () => {
    const ascii = `SELECT '${'x'.repeat(limit - 1 - "SELECT '';".length)}';\r`;
    const error = caught(() => parseSql(`-- +goose Up\nSELECT 1;\n${ascii}\n`, 'up', { file: 'big.sql' }));
    expect(error.message).toBe('big.sql:3: failed to scan migration: bufio.Scanner: token too long');
    expect(error.hint).toContain('4 MiB');
    // 1,398,102 two-byte characters: fewer than 4 Mi UTF-16 units, but 4 MiB + of UTF-8.
    const wide = '\u00e9'.repeat(limit / 2);
    expect(() => parseSql(`-- +goose Up\n-- ${wide}`, 'up')).toThrow('token too long');
  });

  it('reports an earlier error first, as goose reads line by line', () => {
    const error = caught(() => parseSql(`CREATE TABLE x;\n${'x'.repeat(limit)}`, 'up'));
    expect(error.message).toContain('unexpected state 0');
  });
});

describe('line splitting', () => {
  it('treats a final line without newline like any other', () => {
    expect(parseSql('-- +goose Up\nSELECT 1;', 'up').statements).toEqual(['SELECT 1;']);
  });

  it('strips exactly one \\r before \\n', () => {
    expect(parseSql('-- +goose Up\r\nSELECT 1 \r\r\n;\r\n', 'up').statements).toEqual(['SELECT 1 \r\n;']);
  });
});

describe('statement lines', () => {
  it('numbers the first and last line of each statement, after dropped comments', () => {
    const sql = '-- +goose Up\n\n-- about t\nCREATE TABLE t (\n  id int\n);\n-- +goose Down\nDROP TABLE t;\n';
    const parsed = parseMigrationSql(sql, { env: {} });
    expect(parsed.up).toEqual([{ sql: 'CREATE TABLE t (\n  id int\n);', line: 4, endLine: 6 }]);
    expect(parsed.down).toEqual([{ sql: 'DROP TABLE t;', line: 8, endLine: 8 }]);
  });
});

describe('environment', () => {
  it('defaults to process.env', () => {
    process.env.GANDER_PARSER_TEST_VALUE = 'from_process_env';
    try {
      const sql = '-- +goose ENVSUB ON\n-- +goose Up\nSELECT \'$GANDER_PARSER_TEST_VALUE\';\n';
      expect(parseSql(sql, 'up').statements).toEqual(["SELECT 'from_process_env';"]);
    } finally {
      delete process.env.GANDER_PARSER_TEST_VALUE;
    }
  });

  it('leaves text alone while ENVSUB is off', () => {
    expect(parseSql("-- +goose Up\nSELECT '$1 ${X?}';\n", 'up', { env: {} }).statements).toEqual(["SELECT '$1 ${X?}';"]);
  });
});

describe('robustness', () => {
  it.each([
    ['lone surrogates', '-- +goose Up\n\ud800 SELECT 1;\n\udc00'],
    ['only a BOM', '\ufeff'],
    ['NUL bytes', '\u0000-- +goose Up\u0000'],
    ['huge number of blank lines', '\n'.repeat(100_000)],
  ])('%s: only GanderParseError or a result', (_name, sql) => {
    for (const direction of ['up', 'down'] as const) {
      try {
        parseSqlStatements(sql, direction, { env: {} });
      } catch (error) {
        expect(error).toBeInstanceOf(GanderParseError);
      }
    }
  });

  it('uses <sql> as the file when none is given', () => {
    expect(caught(() => parseSql('', 'up')).message).toMatch(/^<sql>:1: failed to parse migration/);
  });
});

describe('JavaScript callers and extreme input', () => {
  it('rejects a non-string input with GanderParseError', () => {
    expect(() => parseSql(Buffer.from('-- +goose Up') as unknown as string, 'up')).toThrow(GanderParseError);
    expect(() => parseSql('-- +goose Up', 'sideways' as 'up')).toThrow(GanderParseError);
  });

  it('turns very deeply nested expansions into a GanderParseError, not a RangeError', () => {
    const nested = `${'${A:-'.repeat(200_000)}x${'}'.repeat(200_000)}`;
    const sql = `-- +goose ENVSUB ON\n-- +goose Up\nSELECT '${nested}';\n`;
    expect(caught(() => parseSql(sql, 'up', { env: {} })).message).toContain('nested too deeply');
  });

  it('expands moderately nested defaults', () => {
    const nested = `${'${A:-'.repeat(50)}x${'}'.repeat(50)}`;
    const sql = `-- +goose ENVSUB ON\n-- +goose Up\nSELECT '${nested}';\n`;
    expect(parseSql(sql, 'up', { env: {} }).statements).toEqual(["SELECT 'x';"]);
  });
});
