export { runFleet } from './run-fleet.js';
export { fleetTasks } from './tasks.js';
export { parseShard, shardTargets, type Shard } from './shard.js';
export { DEFAULT_GROUP, orderGroups } from './groups.js';
export { summarize } from './summary.js';
export { scrubText, toFleetError } from './fleet-error.js';
export type {
  AppliedMigration,
  FleetError,
  FleetEvent,
  FleetOptions,
  FleetResult,
  FleetSummary,
  FleetTarget,
  FleetTargetResult,
  FleetTask,
  OnError,
  ResolvedTarget,
  TargetStatus,
  TaskOutcome,
} from './types.js';
