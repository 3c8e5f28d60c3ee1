/**
 * libpq's keyword/value connection strings (`conninfo_parse` in libpq's
 * fe-connect.c, which pgx and so goose follow):
 *
 *   host=localhost port=5433 user=slm_user password='p w' dbname=action_history
 *
 * Spaces may surround `=`; a value is either single-quoted (backslash escapes
 * any character, `\'` and `\\` included) or runs to the next whitespace (with
 * backslash escapes too). No npm package parses this form, hence this one.
 */

export class DsnError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DsnError';
  }
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

export function parseKeyValueDsn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (isSpace(text[i])) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && text[i] !== '=' && !isSpace(text[i])) i++;
    const key = text.slice(keyStart, i);
    while (isSpace(text[i])) i++;
    // The keyword is not echoed: a mistyped string may have a password there.
    if (text[i] !== '=') throw new DsnError(`missing "=" after the keyword at position ${keyStart + 1} in connection info string`);
    i++;
    while (isSpace(text[i])) i++;
    let value = '';
    if (text[i] === "'") {
      i++;
      let closed = false;
      while (i < n) {
        const ch = text[i]!;
        if (ch === '\\' && i + 1 < n) {
          value += text[i + 1];
          i += 2;
        } else if (ch === "'") {
          closed = true;
          i++;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      if (!closed) throw new DsnError('unterminated quoted string in connection info string');
    } else {
      while (i < n && !isSpace(text[i])) {
        if (text[i] === '\\' && i + 1 < n) {
          value += text[i + 1];
          i += 2;
        } else value += text[i++];
      }
    }
    if (key === '') throw new DsnError('missing keyword before "=" in connection info string');
    out.set(key, value);
  }
  return out;
}
