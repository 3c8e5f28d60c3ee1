/**
 * Go's text/tabwriter as goose's `validate -v` uses it (minwidth 0, padding 3,
 * pad with spaces, every cell tab-terminated): each column as wide as its
 * widest cell plus the padding. Widths count characters, not bytes.
 */
export function tabulate(rows: readonly (readonly string[])[], padding = 3): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => cell + ' '.repeat(widths[i]! + padding - [...cell].length)).join(''))
    .map((line) => `${line}\n`)
    .join('');
}
