import { isAbsolute, resolve } from 'node:path';

/** A path from the command line, usable by this process (kept relative when our cwd is the user's, so messages match goose's). */
export function usablePath(cwd: string, path: string): string {
  return isAbsolute(path) || cwd === process.cwd() ? path : resolve(cwd, path);
}
