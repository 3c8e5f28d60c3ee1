import { DEFAULT_SIZE, type Size } from './regions.js';

/** A stream's size; 0 or missing (not a TTY, test doubles) falls back to 80×24. */
export function readSize(stream: { columns?: number; rows?: number }): Size {
  return { columns: stream.columns || DEFAULT_SIZE.columns, rows: stream.rows || DEFAULT_SIZE.rows };
}
