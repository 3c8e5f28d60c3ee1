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

/** `>` for the selection, `*` for the current version. */
const MARKER = 2;
/** The longest state word (applied, pending, missing, unknown, drifted, failed, partial) and a space. */
const STATE = 8;
const APPLIED_AT = 16;
/** Below this the applied-at and by columns give their room to the name. */
const WIDE_ENOUGH = 64;
const MIN_BY = 12;

/**
 * Widths that use the terminal: the state column is never cut; the name gets
 * what it needs before `by`, and any room left goes to `by`, so a wide
 * terminal shows names whole instead of leaving the width unused.
 */
export function listColumns(width: number, longestVersion: number, longestName = 0, longestBy = 0): ListColumns {
  const version = Math.max(7, longestVersion);
  if (width < WIDE_ENOUGH) {
    // marker, version, space, name, space, state
    const name = Math.max(4, width - MARKER - version - 1 - 1 - STATE);
    return { marker: MARKER, version, name, state: STATE, appliedAt: 0, by: 0 };
  }
  // marker, version, space, name, space, state, space, applied at, space, by
  const rest = width - MARKER - version - 1 - 1 - STATE - 1 - APPLIED_AT - 1;
  const byNeed = Math.max(MIN_BY, Math.min(longestBy, rest));
  const name = Math.max(8, Math.min(Math.max(longestName, 4), rest - Math.min(byNeed, Math.floor(rest * 0.42))));
  return { marker: MARKER, version, name, state: STATE, appliedAt: APPLIED_AT, by: Math.max(4, rest - name) };
}
