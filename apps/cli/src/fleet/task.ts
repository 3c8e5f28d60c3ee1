import { fleetTasks, type FleetTask } from '@gander/core';
import { planOperation } from '../commands/plan.js';
import { versionArgument } from '../commands/version-arg.js';
import { CliError } from '../errors.js';

/**
 * `gander fleet <command> [args]`: each entry builds the core task that runs
 * on every database. This table is the extension point: `lint` is planned
 * (it comes with the lint package, as a FleetTask that lints each database's
 * pending migrations) and plugs in here as one more entry.
 */
export const FLEET_COMMANDS: Record<string, (args: readonly string[]) => FleetTask> = {
  up: () => fleetTasks.up(),
  'up-to': (args) => fleetTasks.upTo(versionArgument('fleet up-to', args)),
  down: () => fleetTasks.down(),
  'down-to': (args) => fleetTasks.downTo(versionArgument('fleet down-to', args)),
  status: () => fleetTasks.status(),
  version: () => fleetTasks.version(),
  plan: (args) => fleetTasks.plan(planOperation(args)),
};

export function fleetTask(args: readonly string[]): FleetTask {
  const [command, ...rest] = args;
  if (command === 'lint') {
    throw new CliError('E_USAGE', 'fleet lint is not available yet', {
      hint: 'it arrives with the lint package; meanwhile run gander fleet plan to see what each database would run',
    });
  }
  const build = command === undefined ? undefined : FLEET_COMMANDS[command];
  if (!build) {
    throw new CliError('E_USAGE', command === undefined ? 'fleet needs a command' : `fleet: ${JSON.stringify(command)} is not a fleet command`, {
      hint: `gander fleet ${Object.keys(FLEET_COMMANDS).join('|')} --targets FILE`,
    });
  }
  return build(rest);
}
