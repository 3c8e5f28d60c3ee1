import { fleetTasks, type FleetTask } from '@gander/core';
import { planOperation } from '../commands/plan.js';
import { versionArgument } from '../commands/version-arg.js';
import { CliError } from '../errors.js';
import { fleetLintTask, type FleetLintOptions } from './lint-task.js';

/**
 * `gander fleet <command> [args]`: each entry builds the task that runs on
 * every database (core's built-in ones, and lint's from the lint package).
 */
export const FLEET_COMMANDS: Record<string, (args: readonly string[], lint: FleetLintOptions) => FleetTask> = {
  up: () => fleetTasks.up(),
  'up-to': (args) => fleetTasks.upTo(versionArgument('fleet up-to', args)),
  down: () => fleetTasks.down(),
  'down-to': (args) => fleetTasks.downTo(versionArgument('fleet down-to', args)),
  status: () => fleetTasks.status(),
  version: () => fleetTasks.version(),
  plan: (args) => fleetTasks.plan(planOperation(args)),
  lint: (_args, lint) => fleetLintTask(lint),
};

export function fleetTask(args: readonly string[], lint: FleetLintOptions): FleetTask {
  const [command, ...rest] = args;
  const build = command === undefined ? undefined : FLEET_COMMANDS[command];
  if (!build) {
    throw new CliError('E_USAGE', command === undefined ? 'fleet needs a command' : `fleet: ${JSON.stringify(command)} is not a fleet command`, {
      hint: `gander fleet ${Object.keys(FLEET_COMMANDS).join('|')} --targets FILE`,
    });
  }
  return build(rest, lint);
}
