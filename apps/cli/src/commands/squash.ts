import type { CommandContext, CommandOutcome } from './context.js';
import { CliError } from '../errors.js';

function flag(ctx: CommandContext, name: string): string {
  const value = ctx.flags.get(name);
  return typeof value === 'string' ? value : '';
}

function targetVersion(text: string): bigint {
  if (!/^\d+$/.test(text) || BigInt(text) < 1n) {
    throw new CliError('E_USAGE', text === '' ? 'squash needs -to VERSION' : `squash -to takes a migration version (got '${text}')`, {
      hint: 'e.g. gander -dir migrations squash -to 4: the files up to version 4 become one file at 4',
    });
  }
  return BigInt(text);
}

/**
 * `squash -to V [-archive DIR] [-dry-run] [-pg-dump PATH]`: the files up to V
 * become one file at V, built on a scratch PostgreSQL, dumped with its own
 * pg_dump and proven identical before anything is written.
 */
export async function squashCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const to = targetVersion(flag(ctx, 'to') || (ctx.args[0] ?? ''));
  // The testkit (scratch servers, catalog snapshots) loads only for this command.
  const { squashMigrations } = await import('@gander/testkit');
  const dryRun = ctx.flags.get('dry-run') === true;
  const archive = flag(ctx, 'archive');
  const prefix = ctx.options.logPrefix;
  const result = await squashMigrations({
    dir: ctx.usablePath(ctx.options.dir),
    to,
    ...(archive ? { archive: ctx.usablePath(archive) } : {}),
    dryRun,
    pgDump: flag(ctx, 'pg-dump') || undefined,
    table: ctx.options.table || undefined,
    env: { ...process.env, ...ctx.env },
  });
  const proven = `proven on ${result.server.kind} PostgreSQL ${result.server.version} with pg_dump ${result.pgDump.version}: the same catalog (${result.objects} objects) as ${result.replaced.length} file${result.replaced.length === 1 ? '' : 's'}`;
  ctx.log.print(
    dryRun
      ? `${prefix}: squash -to ${to}: dry run, nothing written: ${result.file} would replace ${result.replaced.join(', ')}; ${proven}`
      : `${prefix}: squash -to ${to}: wrote ${result.file}, moved ${result.replaced.join(', ')} to ${result.archive}; ${proven}`,
  );
  for (const line of result.reread) ctx.log.print(`${prefix}: squash: printed differently once PostgreSQL re-reads pg_dump's text (checked on the server): ${line}`);
  if (!dryRun && result.kept.length > 0) ctx.log.print(`${prefix}: squash: ${result.kept.length} later file${result.kept.length === 1 ? '' : 's'} unchanged (${result.kept[0]} to ${result.kept.at(-1)})`);
  return {
    extra: {
      squash: {
        to: to.toString(),
        file: result.file,
        path: result.path,
        archive: result.archive,
        replaced: result.replaced,
        kept: result.kept,
        written: result.written,
        dryRun,
        server: result.server,
        pgDump: { path: result.pgDump.path, version: result.pgDump.version, from: result.pgDump.origin },
        objects: result.objects,
        reread: result.reread,
      },
    },
  };
}
