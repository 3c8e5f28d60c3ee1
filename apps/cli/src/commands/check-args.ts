import { goQuote } from '../args/go-strconv.js';
import { CliError } from '../errors.js';
import { historyLimit } from './history.js';
import { planOperation } from './plan.js';
import { DB_HANDLERS } from './registry.js';
import { versionArgument } from './version-arg.js';

/** Reject an unknown command or a bad argument before connecting to anything. */
export function checkDbCommand(command: string, args: readonly string[]): void {
  if (!Object.prototype.hasOwnProperty.call(DB_HANDLERS, command)) {
    throw new CliError('E_UNKNOWN_COMMAND', `${goQuote(command)}: no such command`, {
      hint: 'the command comes after DRIVER and DBSTRING: gander [OPTIONS] DRIVER DBSTRING COMMAND; gander -h lists the commands',
    });
  }
  if (command === 'up-to' || command === 'down-to') versionArgument(command, args);
  if (command === 'plan') planOperation(args);
  if (command === 'history') historyLimit(args);
  if (command === 'baseline') versionArgument('baseline', args);
}
