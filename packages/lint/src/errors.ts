import { GanderError } from '@gander/core';

/** A lint config file that cannot be used: unreadable, not JSON, an unknown rule or level. */
export class LintConfigError extends GanderError {
  constructor(message: string, hint: string) {
    super('E_LINT_CONFIG', message, { hint });
    this.name = 'LintConfigError';
  }
}

/** The lint run itself could not happen (e.g. `--since` names a ref git does not know). */
export class LintInputError extends GanderError {
  constructor(message: string, hint: string) {
    super('E_LINT_INPUT', message, { hint });
    this.name = 'LintInputError';
  }
}
