import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * `.env` files as goose reads them (github.com/joho/godotenv): `KEY=value`,
 * `export KEY=value`, `KEY: value`, `#` comments, single quotes (literal),
 * double quotes (escapes, may span lines) and `$VAR` / `${VAR}` expansion in
 * unquoted and double-quoted values.
 */

export type Env = Record<string, string | undefined>;

export class DotenvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DotenvError';
  }
}

// godotenv's expansion: an optional backslash escape, then $NAME or ${NAME}
// where NAME is upper case letters, digits and underscores.
const EXPAND = /(\\)?(\$)(\()?\{?([A-Z0-9_]+)?\}?/g;

function expand(value: string, file: Env, env: Env): string {
  return value.replace(EXPAND, (whole, escape: string | undefined, _dollar: string, paren: string | undefined, name: string | undefined) => {
    if (escape === '\\' || paren === '(') return whole.slice(1);
    if (name) return file[name] ?? env[name] ?? '';
    return whole;
  });
}

function unescapeDouble(value: string): string {
  return value.replace(/\\(.)/gs, (_m, ch: string) => {
    switch (ch) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '$':
        return '\\$'; // kept escaped so expansion leaves a literal $
      default:
        return `\\${ch}`;
    }
  });
}

/** Parse a .env text into ordered key/value pairs; `env` feeds `$VAR` expansion. */
export function parseDotenv(input: string, env: Env = {}): Map<string, string> {
  const text = input.replace(/\r\n?/g, '\n');
  const out = new Map<string, string>();
  const vars: Env = {};
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    const lineNo = text.slice(0, pos).split('\n').length;
    let body = line.trimStart();
    if (body === '' || body.startsWith('#')) {
      pos = lineEnd + 1;
      continue;
    }
    let bodyStart = pos + (line.length - body.length);
    const exported = /^export\s+/.exec(body);
    if (exported) {
      body = body.slice(exported[0].length);
      bodyStart += exported[0].length;
    }
    const sep = /[=:]/.exec(body);
    const key = sep ? body.slice(0, sep.index).trim() : '';
    if (!sep || !/^[A-Za-z0-9_.-]+$/.test(key)) {
      throw new DotenvError(`unexpected character in variable name near ${JSON.stringify(line)} (line ${lineNo})`);
    }
    let v = bodyStart + sep.index + 1;
    while (text[v] === ' ' || text[v] === '\t') v++;
    const quote = text[v];
    let value: string;
    if (quote === '"' || quote === "'" || quote === '`') {
      let end = v + 1;
      while (end < text.length && text[end] !== quote) end += text[end] === '\\' && quote !== "'" ? 2 : 1;
      if (end >= text.length) throw new DotenvError(`unterminated quoted value for ${key} (line ${lineNo})`);
      const inner = text.slice(v + 1, end);
      value = quote === '"' ? expand(unescapeDouble(inner), vars, env) : inner;
      const after = text.indexOf('\n', end);
      pos = after === -1 ? text.length : after + 1;
    } else {
      let raw = text.slice(v, lineEnd);
      const comment = /\s#/.exec(raw);
      if (comment) raw = raw.slice(0, comment.index);
      value = expand(raw.trim(), vars, env);
      pos = lineEnd + 1;
    }
    vars[key] = value;
    out.set(key, value);
  }
  return out;
}

export type EnvFileMode = { kind: 'default' } | { kind: 'none' } | { kind: 'file'; path: string };

/** goose's `-env` flag: "" → best effort ./.env, "none" → nothing, else that file, which must load. */
export function envFileMode(flag: string): EnvFileMode {
  if (flag === '') return { kind: 'default' };
  if (flag === 'none') return { kind: 'none' };
  return { kind: 'file', path: flag };
}

/**
 * godotenv.Load: set each variable of the file that the environment does not
 * already have (a variable set to "" counts as set). Returns the keys it set.
 */
export async function loadEnvFile(mode: EnvFileMode, env: Env, cwd: string): Promise<string[]> {
  if (mode.kind === 'none') return [];
  const path = mode.kind === 'default' ? '.env' : mode.path;
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    if (mode.kind === 'default') return [];
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new DotenvError(`open ${path}: ${why}`);
  }
  let parsed: Map<string, string>;
  try {
    parsed = parseDotenv(text, env);
  } catch (error) {
    // A broken default .env is ignored, as goose ignores godotenv.Load()'s error.
    if (mode.kind === 'default') return [];
    throw error;
  }
  const set: string[] = [];
  for (const [key, value] of parsed) {
    if (Object.prototype.hasOwnProperty.call(env, key) && env[key] !== undefined) continue;
    env[key] = value;
    set.push(key);
  }
  return set;
}
