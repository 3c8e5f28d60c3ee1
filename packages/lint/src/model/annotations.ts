import type { Annotations } from './types.js';

// goose's annotation lines: `--` at the very start of the line, `+goose`, then the annotation.
const ANNOTATION = /^--\s*\+goose\s+(.*?)\s*$/;

/** Where the goose annotations sit; the core parser has already said the file is well formed. */
export function readAnnotations(lines: readonly string[]): Annotations {
  const result: Annotations = { upLine: undefined, downLine: undefined, noTransactionLine: undefined, blocks: [] };
  let openBlock: number | undefined;
  lines.forEach((raw, index) => {
    // Only `--` lines can be annotations: skip the regex for the rest.
    if (raw.charCodeAt(0) !== 0x2d || raw.charCodeAt(1) !== 0x2d) return;
    const match = ANNOTATION.exec(raw.replace(/\r$/, ''));
    if (!match) return;
    const line = index + 1;
    const name = match[1]!.toUpperCase();
    if (name === 'UP') result.upLine ??= line;
    else if (name === 'DOWN') result.downLine ??= line;
    else if (name === 'NO TRANSACTION') result.noTransactionLine ??= line;
    else if (name === 'STATEMENTBEGIN') openBlock = line;
    else if (name === 'STATEMENTEND' && openBlock !== undefined) {
      result.blocks.push([openBlock, line]);
      openBlock = undefined;
    }
  });
  return result;
}

export function isInBlock(annotations: Annotations, line: number): boolean {
  return annotations.blocks.some(([begin, end]) => line > begin && line < end);
}
