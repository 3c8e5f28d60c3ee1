/**
 * Hide the password in any connection string form: URL (`postgres://u:pw@h/db`),
 * libpq key/value (`password=pw`, `password='p w'`) and query parameters
 * (`?password=pw`). Used everywhere a target is printed or stored.
 */
export function maskConnectionString(dsn: string): string {
  return dsn
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)([^@/?#]*)@/i, '$1****@')
    .replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)/gi, '$1****');
}

/** Remove every occurrence of the known secrets from a free text (an error message, a log line). */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 1) out = out.split(secret).join('****');
  }
  return out;
}
