import { goParseInt64 } from './go-strconv.js';
import { goTrimSpace } from './go-text.js';

/**
 * ENVSUB: the expansion rules of github.com/mfridman/interpolate v0.0.2, which
 * goose runs over every line while `-- +goose ENVSUB ON` is in effect.
 * Like the original it first parses the whole line (so a syntax error wins
 * over a missing variable), then expands left to right.
 *
 *   $VAR ${VAR}          value, "" when unset
 *   ${VAR:-word}         word when unset or empty     ${VAR-word}  word when unset
 *   ${VAR?msg}           error "$VAR: msg" when unset ("not set" when msg is empty)
 *   ${VAR:off[:len]}     substring, counted in UTF-8 bytes like Go
 *   $$ and \$ → $        \\ stays \\                  $( and a final $ stay literal
 *
 * An identifier must start with a letter, so `$1` is an error while ENVSUB is on.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export type EnvsubProblemKind = 'syntax' | 'required' | 'range';

export type InterpolateResult = { ok: true; value: string } | { ok: false; kind: EnvsubProblemKind; message: string };

export function interpolate(env: Env, input: string): InterpolateResult {
  // Without a `$` nothing can change: `\\` and a lone `\` are copied as they are.
  if (!input.includes('$')) return { ok: true, value: input };
  try {
    const expression = new LineParser(input).parseExpression(NO_STOP);
    return { ok: true, value: expand(expression, env) };
  } catch (error) {
    if (error instanceof EnvsubFailure) return { ok: false, kind: error.kind, message: error.message };
    // Thousands of nested `${A:-${B:-...}}` exhaust the JavaScript stack (Go's
    // grows), and huge values can exceed the maximum string length: report
    // either instead of letting a RangeError escape the parser.
    if (error instanceof RangeError) {
      const tooDeep = error.message.includes('call stack');
      return { ok: false, kind: 'syntax', message: tooDeep ? 'expansions are nested too deeply' : 'the expanded line is too long' };
    }
    throw error;
  }
}

type Item = { text: string } | { expansion: Expansion };
type Expansion =
  | { op: 'value'; name: string }
  | { op: 'default-if-empty' | 'default-if-unset' | 'required'; name: string; word: Item[] }
  | { op: 'substring'; name: string; offset: bigint; length: bigint | undefined };

class EnvsubFailure extends Error {
  constructor(
    readonly kind: EnvsubProblemKind,
    message: string,
  ) {
    super(message);
  }
}

const EOF = -1;
const NO_STOP = -2;
const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;
const MINUS = 0x2d;
const QUESTION = 0x3f;
const RUNE_ERROR = 0xfffd;

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return cp >= 0 && LETTER.test(String.fromCodePoint(cp));
}

function isIdentifierChar(cp: number): boolean {
  if (cp < 0x80) return isLetter(cp) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;
  return LETTER.test(String.fromCodePoint(cp)) || NUMBER.test(String.fromCodePoint(cp));
}

/** Go's `%c`: the character itself, U+FFFD for end of input or an invalid rune. */
function showRune(cp: number): string {
  if (cp < 0 || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(cp);
}

/** A recursive-descent reader with the library's exact lookahead rules. */
class LineParser {
  private pos = 0;

  constructor(private readonly input: string) {}

  parseExpression(stop: number): Item[] {
    const items: Item[] = [];
    const s = this.input;
    for (;;) {
      const c = this.peek();
      if (c === EOF || c === stop) break;
      if (s.startsWith('\\\\', this.pos)) {
        this.pos += 2;
        items.push({ text: '\\\\' });
        continue;
      }
      if (s.startsWith('\\$', this.pos) || s.startsWith('$$', this.pos)) {
        this.pos += 2;
        items.push({ text: '$' });
        continue;
      }
      // `$(` is shell command substitution: passed through untouched.
      if (s.startsWith('$(', this.pos)) {
        this.pos += 2;
        items.push({ text: '$(' });
        continue;
      }
      if (c === DOLLAR && this.pos < s.length - 1) {
        items.push({ expansion: this.parseExpansion() });
        continue;
      }
      const start = this.pos;
      this.next();
      this.scanUntil((r) => r === DOLLAR || r === BACKSLASH || r === stop);
      items.push({ text: s.slice(start, this.pos) });
    }
    return items;
  }

  private parseExpansion(): Expansion {
    this.next(); // the `$`
    if (this.peek() === OPEN_BRACE) return this.parseBraceExpansion();
    return { op: 'value', name: this.scanIdentifier() };
  }

  private parseBraceExpansion(): Expansion {
    this.next(); // the `{`
    const name = this.scanIdentifier();
    if (this.peek() === CLOSE_BRACE) {
      this.next();
      return { op: 'value', name };
    }
    const op1 = this.next();
    let expansion: Expansion;
    if (op1 === COLON) {
      if (this.peek() === MINUS) {
        this.next();
        expansion = { op: 'default-if-empty', name, word: this.parseExpression(CLOSE_BRACE) };
      } else {
        expansion = this.parseSubstring(name);
      }
    } else if (op1 === MINUS) {
      expansion = { op: 'default-if-unset', name, word: this.parseExpression(CLOSE_BRACE) };
    } else if (op1 === QUESTION) {
      expansion = { op: 'required', name, word: this.parseExpression(CLOSE_BRACE) };
    } else {
      throw new EnvsubFailure('syntax', `Expected an operator, got ${showRune(op1)}`);
    }
    const end = this.next();
    if (end !== CLOSE_BRACE) {
      throw new EnvsubFailure('syntax', `Expected brace expansion to end with }, got ${showRune(end)}`);
    }
    return expansion;
  }

  private parseSubstring(name: string): Expansion {
    const offsetText = this.scanUntil((r) => r === COLON || r === CLOSE_BRACE);
    const offset = goParseInt64(goTrimSpace(offsetText), 'Atoi');
    if (!offset.ok) throw new EnvsubFailure('syntax', `Unable to parse offset: ${offset.message}`);
    if (this.peek() === CLOSE_BRACE) return { op: 'substring', name, offset: offset.value, length: undefined };
    this.next();
    const lengthText = this.scanUntil((r) => r === CLOSE_BRACE);
    const length = goParseInt64(goTrimSpace(lengthText), 'Atoi');
    if (!length.ok) throw new EnvsubFailure('syntax', `Unable to parse length: ${length.message}`);
    return { op: 'substring', name, offset: offset.value, length: length.value };
  }

  private scanIdentifier(): string {
    const c = this.peek();
    if (!isLetter(c)) {
      throw new EnvsubFailure('syntax', `Expected identifier to start with a letter, got ${showRune(c)}`);
    }
    return this.scanUntil((r) => !isIdentifierChar(r));
  }

  /** Like the library, also stops at U+FFFD (Go's utf8.RuneError). */
  private scanUntil(stopAt: (cp: number) => boolean): string {
    const start = this.pos;
    const s = this.input;
    while (this.pos < s.length) {
      const cp = s.codePointAt(this.pos)!;
      if (cp === RUNE_ERROR || stopAt(cp)) break;
      this.pos += cp > 0xffff ? 2 : 1;
    }
    return s.slice(start, this.pos);
  }

  private peek(): number {
    return this.pos < this.input.length ? this.input.codePointAt(this.pos)! : EOF;
  }

  private next(): number {
    const cp = this.peek();
    if (cp !== EOF) this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

function lookup(env: Env, name: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(env, name)) return undefined;
  const value = env[name];
  return typeof value === 'string' ? value : undefined;
}

function expand(items: readonly Item[], env: Env): string {
  let out = '';
  for (const item of items) {
    out += 'text' in item ? item.text : expandOne(item.expansion, env);
  }
  return out;
}

function expandOne(e: Expansion, env: Env): string {
  const value = lookup(env, e.name);
  switch (e.op) {
    case 'value':
      return value ?? '';
    case 'default-if-empty':
      return value === undefined || value === '' ? expand(e.word, env) : value;
    case 'default-if-unset':
      return value === undefined ? expand(e.word, env) : value;
    case 'required': {
      if (value !== undefined) return value;
      const message = expand(e.word, env);
      throw new EnvsubFailure('required', `$${e.name}: ${message === '' ? 'not set' : message}`);
    }
    case 'substring':
      return substring(value ?? '', e.offset, e.length);
  }
}

/** Go slices strings by byte, so offsets count UTF-8 bytes (a cut inside a character becomes U+FFFD here). */
function substring(value: string, offset: bigint, length: bigint | undefined): string {
  let ascii = true;
  for (let i = 0; i < value.length && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
  const bytes = ascii ? undefined : Buffer.from(value, 'utf8');
  const size = BigInt(bytes === undefined ? value.length : bytes.length);
  let from = offset;
  if (from < 0n) from += size;
  if (from < 0n) from = 0n;
  if (from > size) from = size;
  let to = size;
  if (length !== undefined) {
    if (length >= 0n) {
      // int64 arithmetic: a huge length wraps around in Go and the slice panics.
      to = BigInt.asIntN(64, length + from);
    } else {
      to = length + size;
      if (to < from) to = from;
    }
    if (to > size) to = size;
    if (to < from) {
      throw new EnvsubFailure('range', `substring length out of range (goose itself crashes on this expansion)`);
    }
  }
  if (bytes === undefined) return value.slice(Number(from), Number(to));
  return bytes.subarray(Number(from), Number(to)).toString('utf8');
}
