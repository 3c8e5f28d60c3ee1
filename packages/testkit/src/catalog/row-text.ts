/**
 * node-postgres returns int8 and numeric as strings, PGlite as numbers or
 * bigints, and both return booleans: snapshot properties are compared as text,
 * so every value goes through here.
 */
export function text(row: Readonly<Record<string, unknown>>, column: string): string {
  const value = row[column];
  if (value === null || value === undefined) return '';
  return String(value);
}

/** `undefined` for SQL NULL and for the empty string. */
export function optionalText(row: Readonly<Record<string, unknown>>, column: string): string | undefined {
  const value = text(row, column);
  return value === '' ? undefined : value;
}

/** Properties with the empty ones left out, so that a snapshot stays small and diffs stay readable. */
export function compactProperties(properties: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
