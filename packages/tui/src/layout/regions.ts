export interface Size {
  columns: number;
  rows: number;
}

/** Used when the stream does not say (not a TTY, or a test double). */
export const DEFAULT_SIZE: Size = { columns: 80, rows: 24 };

export interface Regions {
  /** Lines the app draws: one less than the terminal, so Ink never scrolls it by a trailing newline. */
  total: number;
  /** Main screen: header, column titles, the list, a message line, the key hints. */
  listHeight: number;
  /** Other screens: a title, the body, a prompt line, the key hints. */
  bodyHeight: number;
}

export function regions(size: Size): Regions {
  const total = Math.max(6, size.rows - 1);
  return { total, listHeight: Math.max(1, total - 4), bodyHeight: Math.max(1, total - 3) };
}
