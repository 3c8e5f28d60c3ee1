import { FlagError, parseArgs, type ParsedArgs } from './args/flags.js';
import type { RunIO } from './io.js';
import { usageText } from './usage.js';
import { CLI_VERSION } from './version.js';

export type { RunIO, TextSink } from './io.js';

// Only flag parsing and -version load eagerly: `gander --version` must not pay
// for the database drivers, the parser or the provider.

function wantsVerbose(argv: readonly string[]): boolean {
  return argv.some((a) => /^--?v(=(1|t|T|true|TRUE|True))?$/.test(a));
}

function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a) => /^--?json(=(1|t|T|true|TRUE|True))?$/.test(a));
}

/**
 * The whole command line: `argv` without node and the script. Resolves to the
 * exit code (0 ok, 1 error, 2 bad flags) and never rejects: an unexpected
 * error is `gander: internal error: …` (its stack with -v).
 */
export async function run(argv: readonly string[], io: RunIO): Promise<number> {
  try {
    let parsed: ParsedArgs;
    try {
      parsed = parseArgs(argv);
    } catch (error) {
      if (!(error instanceof FlagError)) throw error;
      if (error.help) {
        io.stdout.write(usageText());
        return 0;
      }
      // Go's flag package: the message, then the usage, exit 2.
      io.stderr.write(`${error.message}\n${usageText()}`);
      if (wantsJson(argv)) {
        io.stdout.write(
          `${JSON.stringify({ ok: false, command: '', results: [], currentVersion: null, error: { code: 'E_USAGE', message: error.message, hint: 'gander -h lists the flags', file: null, line: null, sqlState: null, statement: null } }, null, 2)}\n`,
        );
      }
      return 2;
    }
    if (parsed.values.get('version') === true) {
      // goose prints `goose version: <v>`; this is gander's own version.
      io.stdout.write(`gander version: ${CLI_VERSION}\n`);
      return 0;
    }
    const { execute } = await import('./execute.js');
    return await execute(parsed, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`gander: internal error: ${message}\n`);
    if (wantsVerbose(argv) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
