/**
 * goose's name rules for new files (helpers.go, migrate.go): snake_case
 * descriptions, and which versions are timestamps.
 */

const isAlphaNum = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

type State = 'idle' | 'first' | 'alnum' | 'delimiter';

function next(state: State, ch: string): State {
  switch (state) {
    case 'idle':
      return isAlphaNum(ch) ? 'first' : 'idle';
    case 'first':
      return isAlphaNum(ch) ? 'alnum' : 'delimiter';
    case 'alnum':
      return isAlphaNum(ch) ? 'alnum' : 'delimiter';
    case 'delimiter':
      return isAlphaNum(ch) ? 'first' : 'idle';
  }
}

/**
 * goose's snakeCase: letters and digits lower-cased, each run of other
 * characters after a word becomes one `_`, leading ones are dropped and a
 * trailing one too (`_$$_This is some text, OK?!` → `this_is_some_text_ok`).
 * Upper-case letters inside a word do not split it (`AddUsers` → `addusers`).
 */
export function snakeCase(text: string): string {
  let out = '';
  let state: State = 'idle';
  for (const ch of text) {
    state = next(state, ch);
    if (state === 'first' || state === 'alnum') out += ch.toLowerCase();
    else if (state === 'delimiter') out += '_';
  }
  return state === 'idle' && out.endsWith('_') ? out.slice(0, -1) : out;
}

/** goose's camelCase (the Go template's function names): `add some_column` → `AddSomeColumn`. */
export function camelCase(text: string): string {
  let out = '';
  let state: State = 'idle';
  for (const ch of text) {
    state = next(state, ch);
    if (state === 'first') out += ch.toUpperCase();
    else if (state === 'alnum') out += ch.toLowerCase();
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** goose's timestamp version: UTC `20060102150405`. */
export function timestampVersion(now: Date): string {
  return `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
}

/** goose's sequential version: `%05v`. */
export function sequentialVersion(version: bigint): string {
  return version.toString().padStart(5, '0');
}

/**
 * Whether Go's `time.Parse("20060102150405", "<version>")` succeeds: exactly
 * the 14 digits of a valid date and time.
 */
function parsesAsTimestamp(version: bigint): { ok: false } | { ok: true; epochMs: number } {
  const text = version.toString();
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return { ok: false };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return { ok: false };
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return { ok: false };
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return { ok: true, epochMs: date.getTime() };
}

/** goose's `timestamped()`: parses as a timestamp after the Unix epoch. */
export function isTimestampVersion(version: bigint): boolean {
  const parsed = parsesAsTimestamp(version);
  return parsed.ok && parsed.epochMs > 0;
}

/** goose's `versioned()`: not a timestamp, or one before the epoch (the epoch itself is neither). */
export function isSequentialVersion(version: bigint): boolean {
  const parsed = parsesAsTimestamp(version);
  return !parsed.ok || parsed.epochMs < 0;
}
