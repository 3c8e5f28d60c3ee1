import { describe, expect, it } from 'vitest';
import { camelCase, isSequentialVersion, isTimestampVersion, sequentialVersion, snakeCase, timestampVersion } from './naming.js';

describe('goose name rules', () => {
  it.each([
    ['_$$_This is some text, OK?!', 'this_is_some_text_ok'],
    ['add users table', 'add_users_table'],
    ['AddUsersTable', 'adduserstable'],
    ['add-users--table', 'add_users_table'],
    ['  leading', 'leading'],
    ['trailing!!', 'trailing'],
    ['a', 'a'],
    // goose trims a trailing _ only after two or more non-letters (its state machine is idle again).
    ['a!', 'a_'],
    ['ümlaut Straße 2', 'ümlaut_straße_2'],
    ['', ''],
  ])('snakeCase(%j) = %j', (input, out) => {
    expect(snakeCase(input)).toBe(out);
  });

  it('camelCases like goose', () => {
    expect(camelCase('add some_column')).toBe('AddSomeColumn');
    expect(camelCase('_$$_This is some text, OK?!')).toBe('ThisIsSomeTextOk');
  });

  it('makes UTC timestamp and %05v versions', () => {
    expect(timestampVersion(new Date(Date.UTC(2025, 10, 5, 9, 3, 7)))).toBe('20251105090307');
    expect(sequentialVersion(13n)).toBe('00013');
    expect(sequentialVersion(123456n)).toBe('123456');
  });

  it('tells timestamps from sequential versions as goose does', () => {
    expect(isTimestampVersion(20230826163141n)).toBe(true);
    expect(isSequentialVersion(20230826163141n)).toBe(false);
    for (const v of [1n, 12n, 99999n, 2023082616314n, 20231301000000n, 20230230000000n, 20230101240000n]) {
      expect(isTimestampVersion(v)).toBe(false);
      expect(isSequentialVersion(v)).toBe(true);
    }
    // The epoch itself is neither; a date before it counts as sequential.
    expect(isTimestampVersion(19700101000000n)).toBe(false);
    expect(isSequentialVersion(19700101000000n)).toBe(false);
    expect(isSequentialVersion(19691231235959n)).toBe(true);
  });
});
