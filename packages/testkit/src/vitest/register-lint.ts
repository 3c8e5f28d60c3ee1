import { formatText, runLint } from '@gander/lint';
import { it } from 'vitest';
import { TestkitError } from '../errors.js';

export interface SuiteLint {
  /** A gander-lint.json to use (default: the one in the working directory, if any). */
  config?: string;
  /** Fail on warnings too (default: errors only, like `gander lint`). */
  failOnWarnings?: boolean;
}

/** The check behind the suite's lint test: throws with every finding, as `gander lint` prints them. */
export async function assertLintClean(dir: string, options: SuiteLint = {}): Promise<void> {
  const report = await runLint({ paths: [dir], cwd: process.cwd(), ...(options.config === undefined ? {} : { configPath: options.config }) });
  const failing = report.summary.errors + (options.failOnWarnings === true ? report.summary.warnings : 0);
  if (failing > 0) {
    throw new TestkitError('E_LINT_FINDINGS', `gander lint found ${failing} finding${failing === 1 ? '' : 's'} that fail the suite:\n${formatText(report)}`, {
      hint: 'fix them, or suppress one with `-- gander-lint-ignore <rule> -- <reason>` on the line before the statement',
    });
  }
}

/** `it('gander lint: no error findings')`: needs no database, so it runs even when the server cannot start. */
export function registerLint(dir: string, options: SuiteLint, timeout: number): void {
  const what = options.failOnWarnings === true ? 'no findings' : 'no error findings';
  it(`gander lint: ${what}`, () => assertLintClean(dir, options), timeout);
}
