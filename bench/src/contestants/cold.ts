import type { Backend } from '../harness/backend.js';
import { timeColdProcess, type ColdCommand } from '../harness/cold-process.js';
import type { Contestant, Measurement, Role } from '../harness/types.js';

/** One phase of a cold-process contestant: the commands a user would type, in order, against `url`. */
export interface ColdPhase {
  phase: string;
  commands(url: string): ColdCommand[];
}

/**
 * A contestant that runs as separate processes, like a user at a shell: a
 * fresh database per run (untimed), then each phase's commands one after
 * another, each timed from spawn to exit.
 */
export function coldContestant(options: {
  name: string;
  role: Role;
  /** Absent for commands that need no database (`--version`). */
  backend?: Backend;
  skip?: string;
  phases: readonly ColdPhase[];
  /** Take the schema's fingerprint after each phase (scenarios that change the schema). */
  fingerprint?: boolean;
}): Contestant {
  return {
    name: options.name,
    role: options.role,
    mode: 'cold process',
    ...(options.skip === undefined ? {} : { skip: options.skip }),
    async run(): Promise<Measurement> {
      const target = options.backend ? await options.backend.fresh(options.name) : undefined;
      try {
        if (options.backend && target?.url === undefined) throw new Error(`${options.name} needs a server with a connection string`);
        const url = target?.url ?? '';
        const phases: Record<string, number> = {};
        const fingerprints: Record<string, string> = {};
        let seconds = 0;
        for (const { phase, commands } of options.phases) {
          let phaseSeconds = 0;
          for (const command of commands(url)) phaseSeconds += await timeColdProcess(command);
          phases[phase] = phaseSeconds;
          seconds += phaseSeconds;
          if (options.fingerprint && target) fingerprints[phase] = await target.fingerprint();
        }
        return { seconds, phases, ...(options.fingerprint ? { fingerprints } : {}) };
      } finally {
        await target?.dispose();
      }
    },
  };
}
