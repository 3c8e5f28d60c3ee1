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

// Every password form libpq accepts, with the characters that broke the old
// pattern (`&`, an escaped space, a raw `@`, quotes): nothing of the password
// may remain, in whole or in part.
describe('maskConnectionString hides the whole password in every form', () => {
  const PARTS = ['Hunter', 'Zebra42'];
  it.each([
    ['key/value with &', 'host=h password=Hunter&Zebra42 dbname=x', 'host=h password=**** dbname=x'],
    ['key/value with an escaped space', 'host=h password=Hunter\\ Zebra42 dbname=x', 'host=h password=**** dbname=x'],
    ['key/value quoted with a quote inside', "host=h password='Hunter\\'Zebra42' dbname=x", 'host=h password=**** dbname=x'],
    ['key/value spaces around =', 'host=h password = Hunter&Zebra42', 'host=h password = ****'],
    ['URL with a raw @ in the password', 'postgres://app:Hunter@Zebra42%3A@host:5432/db', 'postgres://app:****@host:5432/db'],
    ['URL with a raw / and ? in the password', 'postgres://app:Hunter/?Zebra42@host/db?sslmode=disable', 'postgres://app:****@host/db?sslmode=disable'],
    ['URL query with a raw & in the password', 'postgres://h/db?password=Hunter&Zebra42&sslmode=disable', 'postgres://h/db?password=****&sslmode=disable'],
    ['URL query password last', 'postgresql://h/db?user=u&password=Hunter%26Zebra42', 'postgresql://h/db?user=u&password=****'],
    ['unparseable key/value', "host=h password='Hunter Zebra42", 'host=h password=****'],
  ])('%s', (_name, input, expected) => {
    const masked = maskConnectionString(input);
    expect(masked).toBe(expected);
    for (const part of PARTS) expect(masked).not.toContain(part);
  });

  it('leaves text without a password alone', () => {
    expect(maskConnectionString('status')).toBe('status');
    expect(maskConnectionString('postgres://u@h:5432/db?sslmode=disable')).toBe('postgres://u@h:5432/db?sslmode=disable');
  });
});
