// Plain-text helpers. Every line the TUI draws is cut to the terminal's width
// here, so Ink never wraps a row and the layout keeps its height.

const ELLIPSIS = '…';

/** Length in terminal columns, counting each code point as one (names are ASCII in practice). */
export function textWidth(text: string): number {
  return [...text].length;
}

/** Cut `text` to at most `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width === 1) return ELLIPSIS;
  return chars.slice(0, width - 1).join('') + ELLIPSIS;
}

/** Cut the middle out, keeping both ends: for paths and targets, whose end is the specific part. */
export function truncateMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return truncate(text, width);
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return chars.slice(0, head).join('') + ELLIPSIS + (tail > 0 ? chars.slice(-tail).join('') : '');
}

/** Exactly `width` columns: truncated or padded with spaces on the right. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** Exactly `width` columns, right-aligned (numbers). */
export function fitRight(text: string, width: number): string {
  const cut = truncate(text, width);
  return ' '.repeat(Math.max(0, width - textWidth(cut))) + cut;
}

/** Word-wrap prose (error messages, hints) into lines of at most `width` columns. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(1, width - textWidth(indent));
  const out: string[] = [];
  for (const paragraph of text.replace(/\t/g, '  ').split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate) <= room) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(indent + line);
      // A word longer than the line (a path, a long identifier) is cut in pieces.
      let rest = word;
      while (textWidth(rest) > room) {
        out.push(indent + [...rest].slice(0, room).join(''));
        rest = [...rest].slice(room).join('');
      }
      line = rest;
    }
    out.push(indent + line);
  }
  return out;
}

/** Tabs would render at the terminal's tab stops and break the column count. */
export function untab(text: string): string {
  return text.replace(/\t/g, '  ');
}
