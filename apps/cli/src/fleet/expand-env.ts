import type { Env } from '../args/dotenv.js';

export interface Expanded {
  text: string;
  /** Variables referenced but unset or empty, in order. */
  missing: string[];
}

// `${NAME}` only: a bare `$` stays literal, since passwords and DSN options may hold one.
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replace each `${NAME}` with the variable's value, so a targets file holds no secret. */
export function expandEnv(text: string, env: Env): Expanded {
  const missing: string[] = [];
  const out = text.replace(REFERENCE, (_whole, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') {
      if (!missing.includes(name)) missing.push(name);
      return '';
    }
    return value;
  });
  return { text: out, missing };
}
