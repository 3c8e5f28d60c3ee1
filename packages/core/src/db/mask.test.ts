import { describe, expect, it } from 'vitest';
import { maskConnectionString, redactSecrets } from './mask.js';

describe('maskConnectionString', () => {
  it.each([
    ['postgres://slm_user:dev_password@localhost:5433/action_history', 'postgres://slm_user:****@localhost:5433/action_history'],
    ['postgresql://u:p%40ss@h/db?sslmode=require', 'postgresql://u:****@h/db?sslmode=require'],
    ['postgres://u@h/db', 'postgres://u@h/db'],
    ['postgres://h/db?user=u&password=secret&sslmode=disable', 'postgres://h/db?user=u&password=****&sslmode=disable'],
    [
      'host=localhost port=5433 user=slm_user password=dev_password dbname=action_history sslmode=disable',
      'host=localhost port=5433 user=slm_user password=**** dbname=action_history sslmode=disable',
    ],
    ["host=h password='with space' dbname=x", 'host=h password=**** dbname=x'],
    ['host=h PASSWORD = pw dbname=x', 'host=h PASSWORD = **** dbname=x'],
  ])('%s', (input, expected) => {
    expect(maskConnectionString(input)).toBe(expected);
  });

  it('redacts known secrets from free text', () => {
    expect(redactSecrets('auth failed for dev_password at x', ['dev_password', undefined])).toBe('auth failed for **** at x');
  });
});
