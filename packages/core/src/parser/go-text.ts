/**
 * The few Go standard-library text rules goose's parser depends on, ported so
 * that our output is byte-for-byte what goose produces. JavaScript's own
 * `trim()` and `\s` disagree with Go: they strip U+FEFF (so a BOM would
 * silently vanish) and keep U+0085 (NEL). goose uses Go's `unicode.IsSpace`
 * set everywhere (strings.TrimSpace, bufio.ScanWords), so we do too.
 */

/** Go's `unicode.IsSpace` (also bufio's `isSpace`), on one UTF-16 code unit: every member is in the BMP. */
export function isGoSpace(code: number): boolean {
  if (code <= 0xff) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  }
  if (code >= 0x2000 && code <= 0x200a) return true;
  return code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Index of the first non-space code unit, or `s.length` when the string is all space. */
export function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index one past the last non-space code unit, or `from` when there is none after `from`. */
export function endOfNonSpace(s: string, from = 0): number {
  let j = s.length;
  while (j > from && isGoSpace(s.charCodeAt(j - 1))) j--;
  return j;
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  const start = firstNonSpace(s);
  if (start === s.length) return '';
  const end = endOfNonSpace(s, start);
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Go's `strings.TrimSpace(s) == ""`. */
export function isGoBlank(s: string): boolean {
  return firstNonSpace(s) === s.length;
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
  [0x5c, '\\\\'],
  [0x22, '\\"'],
]);

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * Go's `%q` / `strconv.Quote`, so error messages quote lines exactly as goose
 * prints them (a BOM shows up as `\ufeff`, a tab as `\t`). A lone UTF-16
 * surrogate cannot exist in a Go string; we print it as `\uXXXX`.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const short = SHORT_ESCAPES.get(cp);
    if (short !== undefined) {
      out += short;
    } else if (cp >= 0x20 && cp < 0x7f) {
      out += ch;
    } else if (cp < 0x20 || cp === 0x7f) {
      out += `\\x${hex(cp, 2)}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += `\\u${hex(cp, 4)}`;
    } else if (PRINTABLE.test(ch)) {
      out += ch;
    } else if (cp < 0x10000) {
      out += `\\u${hex(cp, 4)}`;
    } else {
      out += `\\U${hex(cp, 8)}`;
    }
  }
  return `${out}"`;
}

/**
 * Go's `strings.EqualFold(s, asciiTarget)` for an ASCII target. Simple Unicode
 * case folding maps exactly two non-ASCII code points onto ASCII letters:
 * U+017F (long s) folds to `s` and U+212A (Kelvin sign) to `k`; goose would
 * accept `-- +goose ſtatementBegin`, so we do too.
 */
export function equalFoldAscii(s: string, asciiTarget: string): boolean {
  let i = 0;
  let j = 0;
  while (i < s.length && j < asciiTarget.length) {
    const a = s.charCodeAt(i);
    const b = asciiTarget.charCodeAt(j) | 0x20;
    const isLetter = b >= 0x61 && b <= 0x7a;
    if (a < 0x80) {
      if (isLetter ? (a | 0x20) !== b : a !== asciiTarget.charCodeAt(j)) return false;
    } else if (!((a === 0x017f && b === 0x73) || (a === 0x212a && b === 0x6b)) || !isLetter) {
      return false;
    }
    i++;
    j++;
  }
  return i === s.length && j === asciiTarget.length;
}

/** How much of a line an error message may quote: enough to recognise it, never a whole file's worth. */
export const EXCERPT_MAX_CHARS = 80;

/**
 * A short, escaped excerpt of a line for an error message: goQuote of at most
 * `max` characters, then how many were left out. A "line" may be a whole
 * binary file (a symlink to /proc/self/environ has no newline), so no error
 * ever quotes more than this; control characters cannot reach the terminal.
 */
export function quoteExcerpt(s: string, max = EXCERPT_MAX_CHARS): string {
  if (s.length <= max) return goQuote(s);
  // Slice before splitting into code points: the text may be megabytes long.
  const head = Array.from(s.slice(0, max * 2)).slice(0, max).join('');
  const omitted = s.length - head.length;
  if (omitted === 0) return goQuote(s);
  return `${goQuote(head)}… (${omitted} more character${omitted === 1 ? '' : 's'})`;
}

/** A line as goose prints it (unquoted) when it is short and plain; otherwise its quoted excerpt. */
export function plainOrExcerpt(s: string, max = EXCERPT_MAX_CHARS): string {
  // eslint-disable-next-line no-control-regex
  return s.length <= max && !/[\x00-\x1f\x7f-\x9f\u2028\u2029]/.test(s) ? s : quoteExcerpt(s, max);
}
