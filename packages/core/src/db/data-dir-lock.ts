import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { GanderError } from '../errors.js';

/**
 * An exclusive, cross-process lock on an embedded (PGlite) data directory.
 * PGlite has no lock of its own: two processes on one directory each replay
 * and write its files, and one side's work is lost (or the files break). The
 * lock is a file next to the directory (`<dataDir>.lock`), created with
 * O_EXCL and holding the owner's pid and command; it lives as long as the
 * process holds the database. A lock whose owner is gone (killed) is stale and
 * taken over; "gone" is judged by the process's identity, not its pid alone
 * (see `holderIsGone`), because pids are reused: a container's app is often
 * pid 1 after every restart.
 */

export interface DataDirLockHolder {
  pid: number;
  /** The holder's command line, shortened. */
  command: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** The machine it runs on (absent in locks written before this field existed). */
  host?: string;
  /** Linux: the kernel's boot id, so a lock from before a reboot is known stale. */
  bootId?: string;
  /** Linux: the process's start time in clock ticks since boot, so a reused pid is told apart. */
  startTicks?: string;
}

export interface DataDirLockOptions {
  /** How long to wait for another process to let go (default 5 minutes, like the migration lock). */
  timeoutMs?: number;
  pollMs?: number;
  /** Called once, when the directory is found in use and we start waiting. */
  onWait?: (holder: DataDirLockHolder) => void;
}

export interface DataDirLock {
  /** The lock file. */
  readonly path: string;
  /** Let go (idempotent). Also done when the process exits. */
  release(): void;
}

const COMMAND_MAX = 120;

export function dataDirLockPath(dataDir: string): string {
  return `${dataDir.replace(/[/\\]+$/, '')}.lock`;
}

function readHolder(path: string): { text: string; holder: DataDirLockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<DataDirLockHolder>;
    if (typeof parsed.pid === 'number') {
      const holder: DataDirLockHolder = { pid: parsed.pid, command: String(parsed.command ?? ''), since: String(parsed.since ?? '') };
      if (typeof parsed.host === 'string') holder.host = parsed.host;
      if (typeof parsed.bootId === 'string') holder.bootId = parsed.bootId;
      if (typeof parsed.startTicks === 'string') holder.startTicks = parsed.startTicks;
      return { text, holder };
    }
  } catch {
    // Being written right now, or not ours: treated as held.
  }
  return { text, holder: undefined };
}

/** The kernel's boot id (Linux), or undefined where there is none. */
function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A process's start time in clock ticks since boot (field 22 of
 * /proc/PID/stat, Linux), or undefined where it cannot be read. The command
 * name (field 2) may hold spaces and parentheses, so fields are counted from
 * its closing parenthesis.
 */
export function processStartTicks(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // afterName[0] is field 3 (state): field 22 is at index 19.
  return afterName[19] || undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock's owner is certainly gone. A lock from another machine
 * (a shared volume) cannot be judged from here: it counts as held, and the
 * refusal names the host. On the same machine: a different boot id means a
 * reboot since; otherwise the pid must run and, where both sides recorded it,
 * have the same start time (else the pid was reused by an unrelated process).
 */
function holderIsGone(holder: DataDirLockHolder, self: { host: string; bootId: string | undefined }): boolean {
  if (holder.host !== undefined && holder.host !== self.host) return false;
  if (holder.bootId !== undefined && self.bootId !== undefined && holder.bootId !== self.bootId) return true;
  if (!isRunning(holder.pid)) return true;
  if (holder.startTicks === undefined) return false;
  const running = processStartTicks(holder.pid);
  return running !== undefined && running !== holder.startTicks;
}

/**
 * Remove a stale lock, but only the one we judged stale: it is moved aside
 * first, and if what was moved is not what we read (another process replaced
 * it in between), it is put back.
 */
function takeOver(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as someone else's
  }
  if (moved !== staleText) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds it again already: theirs wins either way.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone already
  }
}

function tryCreate(path: string, content: string, retried = false): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A data directory not created yet (its parent neither, as .gander/ on a first run): the lock
    // comes first, so it makes the parent that opening the database would make anyway.
    if (code === 'ENOENT' && !retried) {
      mkdirSync(dirname(path), { recursive: true });
      return tryCreate(path, content, true);
    }
    throw new GanderError('E_READ_FAILED', `cannot create the lock file ${path}: ${(error as Error).message}`, {
      hint: 'check that gander may write next to the embedded data directory',
      cause: error,
    });
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

export function describeDataDirHolder(holder: DataDirLockHolder | undefined): string {
  if (!holder) return 'another process';
  const where = holder.host !== undefined && holder.host !== hostname() ? ` on host ${JSON.stringify(holder.host)}` : '';
  return `process ${holder.pid}${where}${holder.command ? ` (${JSON.stringify(holder.command)})` : ''}${holder.since ? ` since ${holder.since}` : ''}`;
}

/** Take the lock on `dataDir`, waiting up to the timeout for its holder; throws E_LOCK_TIMEOUT naming the holder. */
export async function lockDataDir(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const path = dataDirLockPath(dataDir);
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 100;
  const command = process.argv.slice(1).join(' ');
  const token = randomBytes(8).toString('hex');
  const self = { host: hostname(), bootId: readBootId() };
  const content = JSON.stringify({
    pid: process.pid,
    command: command.length > COMMAND_MAX ? `${command.slice(0, COMMAND_MAX)}…` : command,
    since: new Date().toISOString(),
    token,
    host: self.host,
    bootId: self.bootId,
    startTicks: processStartTicks(process.pid),
  });
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  let lastHolder: DataDirLockHolder | undefined;
  for (;;) {
    if (tryCreate(path, content)) break;
    const seen = readHolder(path);
    if (seen === undefined) continue; // released between our two calls
    if (seen.holder && holderIsGone(seen.holder, self)) {
      takeOver(path, seen.text);
      continue;
    }
    lastHolder = seen.holder;
    if (Date.now() >= deadline) {
      throw new GanderError(
        'E_LOCK_TIMEOUT',
        `the embedded database ${dataDir} is in use by ${describeDataDirHolder(lastHolder)}: gave up after ${timeoutMs} ms`,
        {
          hint: `wait for that process to finish (or stop it), or raise --lock-timeout; if no such process runs, delete ${path}`,
        },
      );
    }
    if (!waited) {
      waited = true;
      options.onWait?.(lastHolder ?? { pid: 0, command: '', since: '' });
    }
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only our own file: never a lock someone took over after us.
    if (readHolder(path)?.text === content) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return { path, release };
}
