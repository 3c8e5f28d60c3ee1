import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Env } from '../args/dotenv.js';
import { CliError } from '../errors.js';
import { parseTargetList, type TargetList } from './targets-file.js';

export interface TargetSourceFlags {
  /** --targets FILE */
  file: string;
  /** --targets-env VAR */
  envVar: string;
  /** --targets-cmd COMMAND */
  command: string;
}

const HINT = 'give exactly one of --targets FILE, --targets-env VAR or --targets-cmd COMMAND';

function runShell(command: string, cwd: string, env: Env): Promise<string> {
  return new Promise((done, reject) => {
    execFile('/bin/sh', ['-c', command], { cwd, env: env as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const firstLine = String(stderr).trim().split('\n')[0] ?? '';
        const status = typeof error.code === 'number' ? `exit status ${error.code}` : error.message;
        reject(
          new CliError('E_FLEET_TARGETS', `--targets-cmd failed (${status})${firstLine ? `: ${firstLine}` : ''}`, {
            hint: 'run the command by hand: it must print the targets as JSON or YAML on stdout and exit 0',
          }),
        );
      } else done(String(stdout));
    });
  });
}

/** The targets list from wherever the flags say, parsed (JSON or YAML). */
export async function loadTargetList(flags: TargetSourceFlags, cwd: string, env: Env): Promise<TargetList> {
  const given = [flags.file, flags.envVar, flags.command].filter((f) => f !== '').length;
  if (given !== 1) {
    throw new CliError('E_USAGE', given === 0 ? 'fleet needs a list of targets' : 'fleet got more than one list of targets', { hint: HINT });
  }
  if (flags.file !== '') {
    let text: string;
    try {
      text = await readFile(resolve(cwd, flags.file), 'utf8');
    } catch (error) {
      const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new CliError('E_FLEET_TARGETS', `--targets ${flags.file}: ${reason}`, { hint: HINT });
    }
    return parseTargetList(text, flags.file);
  }
  if (flags.envVar !== '') {
    const text = env[flags.envVar];
    if (text === undefined || text.trim() === '') {
      throw new CliError('E_FLEET_TARGETS', `--targets-env ${flags.envVar}: the variable is not set`, {
        hint: `set ${flags.envVar} to the targets as JSON or YAML`,
      });
    }
    return parseTargetList(text, `$${flags.envVar}`);
  }
  return parseTargetList(await runShell(flags.command, cwd, env), '--targets-cmd output');
}
