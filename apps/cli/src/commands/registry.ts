import type { CommandContext, CommandOutcome, DbCommandContext } from './context.js';

/** Commands that need no database, loaded only when used. */
export const NO_DB_HANDLERS: Record<string, () => Promise<(ctx: CommandContext) => Promise<CommandOutcome>>> = {
  init: async () => (await import('./init.js')).initCommand,
  create: async () => (await import('./create.js')).createCommand,
  fix: async () => (await import('./fix.js')).fixCommand,
  env: async () => (await import('./env.js')).envCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  fleet: async () => (await import('./fleet.js')).fleetCommand,
  lint: async () => {
    (await import('./wasm-tiering.js')).compileWasmOnce();
    return (await import('./lint.js')).lintCommand;
  },
  squash: async () => (await import('./squash.js')).squashCommand,
};

export const DB_HANDLERS: Record<string, () => Promise<(ctx: DbCommandContext) => Promise<CommandOutcome>>> = {
  up: async () => (await import('./up.js')).upCommand,
  'up-by-one': async () => (await import('./up.js')).upCommand,
  'up-to': async () => (await import('./up.js')).upCommand,
  down: async () => (await import('./down.js')).downCommand,
  'down-to': async () => (await import('./down.js')).downCommand,
  reset: async () => (await import('./down.js')).downCommand,
  redo: async () => (await import('./redo.js')).redoCommand,
  status: async () => (await import('./status.js')).statusCommand,
  version: async () => (await import('./version.js')).versionCommand,
  plan: async () => (await import('./plan.js')).planCommand,
  history: async () => (await import('./history.js')).historyCommand,
  baseline: async () => (await import('./baseline.js')).baselineCommand,
  tui: async () => (await import('./tui.js')).tuiCommand,
  dump: async () => (await import('./dump.js')).dumpCommand,
};
