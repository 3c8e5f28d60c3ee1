import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * `.env` files as goose v3.26 reads them: github.com/joho/godotenv **v1.5.1**
 * (the version goose vendors), ported rule for rule: `KEY=value`,
 * `export KEY=value`, `KEY: value`, `#` comments, single quotes (literal),
 * double quotes (`\n`/`\r` escapes, may span lines), and `$VAR` / `${VAR}`
 * expansion from the lines above in the same file only (never from the
 * process environment). A key is letters, digits, `_` and `.`: `GOOSE-TABLE`
 * is a parse error, and a file that does not parse loads nothing.
 *
 * Where gander is stricter (README "Deliberate differences"): the error names
 * the file and line but never the text (a value may be a password), a broken
 * default `.env` is an error rather than silently ignored, and only GOOSE_*
 * keys are loaded unless `--env-all` asks for every key.
 */

export type Env = Record<string, string | undefined>;

export class DotenvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DotenvError';
  }
}

/** One parsed variable and the 1-based line its key is on. */
export interface DotenvEntry {
  value: string;
  line: number;
}

// godotenv's isSpace: whitespace that is not a line break.
const isSpace = (ch: string) => ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r' || ch === ' ' || ch === '\u0085' || ch === '\u00a0';
const isUnicodeSpace = (ch: string) => /\s/u.test(ch);
const isKeyChar = (ch: string) => /[\p{L}\p{N}._]/u.test(ch);

function trimLeft(text: string, pos: number, pred: (ch: string) => boolean): number {
  while (pos < text.length && pred(text[pos]!)) pos++;
  return pos;
}

// expandVarRegex of v1.5.1; its `$(` branch tests the `$` group, so only a backslash escapes.
const EXPAND = /(\\)?(\$)(\()?\{?([A-Z0-9_]+)?\}?/g;

function expandVariables(value: string, vars: ReadonlyMap<string, DotenvEntry>): string {
  return value.replace(EXPAND, (whole, escape: string | undefined, _dollar: string, _paren: string | undefined, name: string | undefined) => {
    if (escape === '\\') return whole.slice(1);
    if (name) return vars.get(name)?.value ?? '';
    return whole;
  });
}

function expandEscapes(value: string): string {
  const out = value.replace(/\\./g, (match) => (match === '\\n' ? '\n' : match === '\\r' ? '\r' : match));
  return out.replace(/\\([^$])/g, '$1');
}

const lineOf = (text: string, pos: number) => text.slice(0, pos).split('\n').length;

/**
 * Parse a .env text (godotenv v1.5.1's parseBytes). Errors name the line,
 * never the text. `file` names the file in errors.
 */
export function parseDotenv(input: string, file = '.env'): Map<string, DotenvEntry> {
  const text = input.replaceAll('\r\n', '\n');
  const out = new Map<string, DotenvEntry>();
  let pos = 0;
  for (;;) {
    // getStatementStart: skip whitespace and comment lines.
    pos = trimLeft(text, pos, isUnicodeSpace);
    if (pos >= text.length) break;
    if (text[pos] === '#') {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) break;
      pos = nl;
      continue;
    }
    // locateKeyName
    const line = lineOf(text, pos);
    pos = trimLeft(text, pos, isSpace);
    if (text.startsWith('export', pos) && isSpace(text[pos + 6] ?? '')) pos = trimLeft(text, pos + 6, isSpace);
    let key: string | undefined;
    let i = pos;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (isSpace(ch)) continue;
      if (ch === '=' || ch === ':') {
        key = text.slice(pos, i).replace(/\s+$/u, '');
        break;
      }
      if (!isKeyChar(ch)) {
        throw new DotenvError(`${file}:${lineOf(text, i)}: unexpected character ${JSON.stringify(ch === '\n' ? '\\n' : ch)} in variable name`);
      }
    }
    if (key === undefined || key === '') {
      // godotenv stores such a line under the empty name, which no environment can hold.
      throw new DotenvError(`${file}:${line}: a line without a variable name and "="`);
    }
    pos = trimLeft(text, i + 1, isSpace);
    // extractVarValue
    const quote = text[pos];
    if (quote === '"' || quote === "'") {
      let end = -1;
      for (let j = pos + 1; j < text.length; j++) {
        if (text[j] === quote && text[j - 1] !== '\\') {
          end = j;
          break;
        }
      }
      if (end === -1) throw new DotenvError(`${file}:${line}: unterminated quoted value for ${key}`);
      // godotenv trims every quote character off both ends.
      let value = text.slice(pos, end).replace(new RegExp(`^${quote}+|${quote}+$`, 'g'), '');
      if (quote === '"') value = expandVariables(expandEscapes(value), out);
      out.set(key, { value, line });
      pos = end + 1;
      continue;
    }
    let endOfLine = pos;
    while (endOfLine < text.length && text[endOfLine] !== '\n' && text[endOfLine] !== '\r') endOfLine++;
    const chars = [...text.slice(pos, endOfLine)];
    let endOfVar = chars.length;
    for (let k = chars.length - 1; k >= 0; k--) {
      if (chars[k] === '#' && k > 0 && isSpace(chars[k - 1]!)) {
        endOfVar = k;
        break;
      }
    }
    let start = 0;
    let stop = endOfVar;
    while (start < stop && isSpace(chars[start]!)) start++;
    while (stop > start && isSpace(chars[stop - 1]!)) stop--;
    out.set(key, { value: expandVariables(chars.slice(start, stop).join(''), out), line });
    pos = endOfLine;
  }
  return out;
}

export type EnvFileMode = { kind: 'default' } | { kind: 'none' } | { kind: 'file'; path: string };

/** goose's `-env` flag: "" → ./.env when there is one, "none" → nothing, else that file, which must load. */
export function envFileMode(flag: string): EnvFileMode {
  if (flag === '') return { kind: 'default' };
  if (flag === 'none') return { kind: 'none' };
  return { kind: 'file', path: flag };
}

/** Where a variable gander reads came from: `.env:3`, or `environment`. */
export type EnvSources = Map<string, string>;

/** The keys a .env file may set without --env-all: goose's own settings (and gander's). */
export const isToolKey = (key: string): boolean => key.startsWith('GOOSE_') || key.startsWith('GANDER_');

/**
 * godotenv.Load: set each variable of the file that the environment does not
 * already have (a variable set to "" counts as set). Returns where each
 * variable it set came from. Only GOOSE_* / GANDER_* keys unless `allKeys`.
 */
export async function loadEnvFile(mode: EnvFileMode, env: Env, cwd: string, options: { allKeys?: boolean } = {}): Promise<EnvSources> {
  const sources: EnvSources = new Map();
  if (mode.kind === 'none') return sources;
  const path = mode.kind === 'default' ? '.env' : mode.path;
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (mode.kind === 'default' && code === 'ENOENT') return sources;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new DotenvError(`open ${path}: ${why}`);
  }
  // A file that does not parse loads nothing (godotenv), and is an error even when it is the default .env.
  const parsed = parseDotenv(text, path);
  for (const [key, entry] of parsed) {
    if (!options.allKeys && !isToolKey(key)) continue;
    if (Object.prototype.hasOwnProperty.call(env, key) && env[key] !== undefined) continue;
    env[key] = entry.value;
    sources.set(key, `${path}:${entry.line}`);
  }
  return sources;
}
