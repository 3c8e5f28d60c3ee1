import { describe, expect, it } from 'vitest';
import { parseKeyValueDsn } from './key-value.js';

describe('parseKeyValueDsn (libpq conninfo)', () => {
  it('reads DD-012’s connection string', () => {
    expect(
      Object.fromEntries(parseKeyValueDsn('host=localhost port=5433 user=slm_user password=dev_password dbname=action_history sslmode=disable')),
    ).toEqual({ host: 'localhost', port: '5433', user: 'slm_user', password: 'dev_password', dbname: 'action_history', sslmode: 'disable' });
  });

  it('handles quoting, escapes, spaces around = and empty values', () => {
    expect(Object.fromEntries(parseKeyValueDsn(`password='a b\\'c\\\\d' user = 'x'  dbname=with\\ space host=''`))).toEqual({
      password: "a b'c\\d",
      user: 'x',
      dbname: 'with space',
      host: '',
    });
  });

  it('takes everything up to whitespace after =, as libpq does', () => {
    expect(Object.fromEntries(parseKeyValueDsn('password= host=x'))).toEqual({ password: 'host=x' });
  });

  it('reports errors without echoing the text', () => {
    expect(() => parseKeyValueDsn('host=x secret')).toThrow('missing "=" after the keyword at position 8 in connection info string');
    expect(() => parseKeyValueDsn("password='open")).toThrow('unterminated quoted string in connection info string');
    expect(() => parseKeyValueDsn('=x')).toThrow(/missing keyword/);
  });
});
