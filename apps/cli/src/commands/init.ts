import { mkdir, stat } from 'node:fs/promises';
import { CliError } from '../errors.js';
import type { CommandContext, CommandOutcome } from './context.js';
import { createMigrationFile } from './create.js';
import { INIT_SQL_TEMPLATE } from './templates.js';

/** goose init: make -dir (or migrations/) and put `<timestamp>_initial.sql` (`00001_initial.sql` with -s) in it; an existing directory is an error. */
export async function initCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const dir = ctx.usablePath(ctx.options.dir === '' || ctx.options.dir === '.' ? 'migrations' : ctx.options.dir);
  const exists = await stat(dir).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (exists) throw new CliError('E_FILE_EXISTS', `directory already exists: ${dir}`, { hint: 'init starts a new project: use gander create NAME to add a migration' });
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const path = await createMigrationFile({ dir, name: 'initial', type: 'sql', sequential: ctx.options.sequential, now: ctx.io.now?.() ?? new Date(), template: INIT_SQL_TEMPLATE });
  ctx.log.print(`Created new file: ${path}`);
  return { extra: { created: path } };
}
