import { GanderError, GanderMigrationError, GanderParseError } from '@gander/core';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { describeError, errorDetailLines, jsonError } from './errors.js';

describe('describeError', () => {
  it('keeps code, message and hint of gander errors', () => {
    const report = describeError(new GanderError('E_LOCK_TIMEOUT', 'could not take the lock', { hint: 'wait' }), []);
    expect(report).toMatchObject({ code: 'E_LOCK_TIMEOUT', message: 'could not take the lock', hint: 'wait', internal: false });
    expect(describeError(new CliError('E_USAGE', 'bad'), [])).toMatchObject({ code: 'E_USAGE', internal: false });
  });

  it('locates parse errors and SQL failures', () => {
    const parse = describeError(new GanderParseError('no Up', { file: 'm/1_a.sql', line: 3, hint: 'add it' }), []);
    expect(jsonError(parse)).toMatchObject({ code: 'E_PARSE', file: 'm/1_a.sql', line: 3 });
    const failure = new GanderMigrationError(
      {
        version: 2n,
        file: '2_b.sql',
        direction: 'up',
        useTx: true,
        statementIndex: 1,
        statementCount: 1,
        statementLine: 4,
        errorLine: 5,
        sql: 'SELECT *\nFROM nope;',
        sqlState: '42P01',
        serverMessage: 'relation "nope" does not exist',
        detail: undefined,
      },
      new Error('relation "nope" does not exist'),
    );
    const report = describeError(failure, [], (f) => `migrations/${f}`);
    expect(jsonError(report)).toEqual({
      code: 'E_STATEMENT_FAILED',
      message: expect.stringContaining('2_b.sql:5: up statement 1 of 1 failed') as string,
      hint: expect.any(String) as string,
      file: 'migrations/2_b.sql',
      line: 5,
      sqlState: '42P01',
      statement: 'SELECT *\nFROM nope;',
    });
    expect(errorDetailLines(report, { verbose: false })).toEqual([
      expect.stringMatching(/^ {4}hint: /),
      '    at: migrations/2_b.sql:5',
      '         4 | SELECT *',
      '    >    5 | FROM nope;',
    ]);
    const verbose = errorDetailLines(report, { verbose: true, fullStatement: 'SELECT *\nFROM nope;' });
    expect(verbose).toContain('    sqlstate: 42P01');
    expect(verbose).toContain('    statement:');
  });

  it('never lets a password through', () => {
    const secret = 'S3cr3t-pw';
    const report = describeError(
      new GanderError('E_CONNECTION', `cannot connect: password authentication failed for ${secret} via postgres://u:${secret}@h/db and password=other`, {
        hint: `check ${secret}`,
      }),
      [secret],
    );
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(report.message).not.toContain('other');
    expect(report.message).toContain('postgres://u:****@h/db');
  });

  it('marks anything else as internal, with a stack only for -v', () => {
    const report = describeError(new TypeError('boom'), []);
    expect(report).toMatchObject({ code: 'E_INTERNAL', message: 'boom', internal: true });
    expect(errorDetailLines(report, { verbose: false }).join('\n')).not.toContain('TypeError');
    expect(errorDetailLines(report, { verbose: true }).join('\n')).toContain('TypeError: boom');
  });
});

describe('errors from outside gander', () => {
  it('names a PostgreSQL refusal and a system error without calling them bugs', () => {
    const pgError = Object.assign(new Error('schema "ops" does not exist'), { code: '3F000', severity: 'ERROR' });
    expect(describeError(pgError, [])).toMatchObject({ code: 'E_DATABASE', sqlState: '3F000', internal: false, message: 'schema "ops" does not exist (SQLSTATE 3F000)' });
    const sys = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(describeError(sys, [])).toMatchObject({ code: 'E_SYSTEM', internal: false });
  });
});
