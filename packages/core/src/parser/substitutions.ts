import type { Env } from './interpolate.js';

/** A value ENVSUB put into a statement, and the variable it came from. */
export interface Substitution {
  name: string;
  value: string;
}

/**
 * An environment that remembers which variables ENVSUB read (with a
 * non-empty value), so everything that prints a statement can show
 * `${NAME}` instead of the value: a password substituted into
 * `CREATE ROLE ... PASSWORD '${APP_DB_PASSWORD}'` must not reach a CI log.
 * The parser itself is untouched: it reads variables through this view.
 */
export function recordingEnv(env: Env): { env: Env; substitutions(): Substitution[] } {
  const used = new Map<string, string>();
  const view = new Proxy(env, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof name === 'string' && typeof value === 'string' && value !== '') used.set(name, value);
      return value;
    },
  });
  return { env: view, substitutions: () => [...used].map(([name, value]) => ({ name, value })) };
}

/**
 * `text` with every substituted value replaced by its `${NAME}` placeholder,
 * longest value first (so a value that contains another is hidden whole).
 * For display only: the statement that runs keeps its values.
 */
export function hideSubstitutions(text: string, substitutions: readonly Substitution[] | undefined): string {
  if (!substitutions || substitutions.length === 0) return text;
  let out = text;
  for (const { name, value } of [...substitutions].sort((a, b) => b.value.length - a.value.length)) {
    if (value !== '') out = out.split(value).join(`\${${name}}`);
  }
  return out;
}
