import { isGoSpace } from './go-text.js';

/**
 * goose's `endsWithSemicolon`: split the line into whitespace-separated words,
 * stop at the first word that starts with `--`, and report whether the last
 * word before it ends with `;`. It knows nothing about quotes, `$$` bodies or
 * block comments, which is exactly why `SELECT 1; SELECT 2;` stays one
 * statement and a line ending in `;` inside a multi-line string ends one.
 */
export function endsWithSemicolon(line: string): boolean {
  return endsWithSemicolonIn(line, 0, line.length, line.includes('--'));
}

/**
 * The same on `text[start, end)`, without slicing the line out of the file.
 * `mayHaveDoubleDash` false (the caller knows the range holds no `--`) takes
 * the fast path: then only the last word matters.
 */
export function endsWithSemicolonIn(text: string, start: number, end: number, mayHaveDoubleDash: boolean): boolean {
  if (!mayHaveDoubleDash) {
    let j = end;
    while (j > start && isGoSpace(text.charCodeAt(j - 1))) j--;
    return j > start && text.charCodeAt(j - 1) === 0x3b;
  }
  let lastWordEndsWithSemicolon = false;
  let i = start;
  while (i < end) {
    while (i < end && isGoSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const wordStart = i;
    while (i < end && !isGoSpace(text.charCodeAt(i))) i++;
    if (i - wordStart >= 2 && text.charCodeAt(wordStart) === 0x2d && text.charCodeAt(wordStart + 1) === 0x2d) break;
    lastWordEndsWithSemicolon = text.charCodeAt(i - 1) === 0x3b;
  }
  return lastWordEndsWithSemicolon;
}
