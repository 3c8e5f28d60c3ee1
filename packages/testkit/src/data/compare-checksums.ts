import type { TableChecksum } from './table-checksums.js';

/** A table whose rows differ between two checksum runs. */
export interface TableDifference {
  table: string;
  rowsBefore: number;
  /** Undefined when the table is gone. */
  rowsAfter: number | undefined;
  checksumBefore: string;
  checksumAfter: string | undefined;
  /** e.g. `public.items: 3 rows before, 2 after`. */
  description: string;
}

/** The tables of `before` whose count or checksum changed in `after` (or that are gone). */
export function compareChecksums(before: readonly TableChecksum[], after: readonly TableChecksum[]): TableDifference[] {
  const now = new Map(after.map((t) => [t.table, t]));
  const differences: TableDifference[] = [];
  for (const old of before) {
    const current = now.get(old.table);
    if (current && current.rows === old.rows && current.checksum === old.checksum) continue;
    differences.push({
      table: old.table,
      rowsBefore: old.rows,
      rowsAfter: current?.rows,
      checksumBefore: old.checksum,
      checksumAfter: current?.checksum,
      description: describe(old, current),
    });
  }
  return differences;
}

const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

function describe(old: TableChecksum, current: TableChecksum | undefined): string {
  if (!current) return `${old.table}: ${old.kind} is gone (it had ${rows(old.rows)})`;
  if (current.rows !== old.rows) return `${old.table}: ${rows(old.rows)} before, ${current.rows} after`;
  return `${old.table}: same ${rows(old.rows)}, different content (checksum ${old.checksum.slice(0, 8)} → ${current.checksum.slice(0, 8)})`;
}
