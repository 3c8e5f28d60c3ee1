/** Column widths of the migration list for a terminal width. */
export interface ListColumns {
  marker: number;
  version: number;
  name: number;
  state: number;
  /** 0 when the terminal is too narrow: the column is left out. */
  appliedAt: number;
  by: number;
}

const MARKER = 2;
const STATE = 8;
const APPLIED_AT = 16;
/** Below this the applied-at and by columns give their room to the name. */
const WIDE_ENOUGH = 64;

export function listColumns(width: number, longestVersion: number): ListColumns {
  const version = Math.max(7, longestVersion);
  if (width < WIDE_ENOUGH) {
    // marker, version, space, name, space, state
    const name = Math.max(4, width - MARKER - version - 1 - 1 - STATE);
    return { marker: MARKER, version, name, state: STATE, appliedAt: 0, by: 0 };
  }
  // marker, version, space, name, space, state, space, applied at, space, by
  const rest = width - MARKER - version - 1 - 1 - STATE - 1 - APPLIED_AT - 1;
  const name = Math.max(8, Math.ceil(rest * 0.58));
  return { marker: MARKER, version, name, state: STATE, appliedAt: APPLIED_AT, by: Math.max(4, rest - name) };
}
