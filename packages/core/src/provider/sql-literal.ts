/**
 * A parameter value as an SQL literal, for a bookkeeping statement that must
 * share a simple-protocol round trip with COMMIT (parameters need the extended
 * protocol, one round trip of their own).
 *
 * Every value becomes a quoted literal of unknown type, as node-postgres sends
 * parameters (text, type left to the server): PostgreSQL gives it the
 * column's type, so the row is the one the parameterised statement writes.
 * E'' quoting means the same whatever standard_conforming_strings is.
 * Returns undefined for what a literal cannot carry (a NUL character, which
 * would end the query string): the caller then uses parameters.
 */
export function sqlLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'bigint') text = value.toString();
  else return undefined;
  if (text.includes('\0')) return undefined;
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Every value as a literal, or undefined when one cannot be. */
export function sqlLiterals(values: readonly unknown[]): string[] | undefined {
  const out: string[] = [];
  for (const value of values) {
    const literal = sqlLiteral(value);
    if (literal === undefined) return undefined;
    out.push(literal);
  }
  return out;
}
