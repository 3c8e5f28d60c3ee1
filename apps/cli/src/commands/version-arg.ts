import { parseGoInt64 } from '../args/go-strconv.js';
import { CliError } from '../errors.js';

/** goose's `up-to`/`down-to` argument: present, and an int64 (strconv.ParseInt). */
export function versionArgument(command: string, args: readonly string[]): bigint {
  const text = args[0];
  if (text === undefined) {
    throw new CliError('E_USAGE', `${command} must be of form: gander [OPTIONS] DRIVER DBSTRING ${command} VERSION`, {
      hint: `say which version, e.g. gander ... ${command} 12`,
    });
  }
  const version = parseGoInt64(text);
  if (version === undefined) {
    throw new CliError('E_USAGE', `version must be a number (got '${text}')`, { hint: 'versions are whole numbers, e.g. 12 or 20251105120000' });
  }
  return version;
}
