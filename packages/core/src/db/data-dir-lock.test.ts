import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GanderError } from '../errors.js';
import { dataDirLockPath, lockDataDir, processStartTicks } from './data-dir-lock.js';

let root: string;
let dataDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gander-dirlock-'));
  dataDir = join(root, 'pglite');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A pid that ran and is gone: a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('lockDataDir', () => {
  it('is exclusive: a second taker waits, names the holder, and refuses at the timeout', async () => {
    const first = await lockDataDir(dataDir);
    const holder = JSON.parse(readFileSync(dataDirLockPath(dataDir), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    // The same process counts as a holder too: a second PGlite in this process would corrupt it as well.
    const waits: number[] = [];
    const error = await lockDataDir(dataDir, { timeoutMs: 150, pollMs: 20, onWait: (h) => waits.push(h.pid) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GanderError);
    expect((error as GanderError).code).toBe('E_LOCK_TIMEOUT');
    expect((error as GanderError).message).toContain(`in use by process ${process.pid}`);
    expect(waits).toEqual([process.pid]);
    first.release();
    expect(existsSync(dataDirLockPath(dataDir))).toBe(false);
    const second = await lockDataDir(dataDir, { timeoutMs: 150 });
    second.release();
  });

  it('waits for a holder that lets go within the timeout', async () => {
    const first = await lockDataDir(dataDir);
    setTimeout(() => first.release(), 100);
    const second = await lockDataDir(dataDir, { timeoutMs: 5000, pollMs: 20 });
    expect(JSON.parse(readFileSync(second.path, 'utf8'))).toMatchObject({ pid: process.pid });
    second.release();
  });

  it('takes over a stale lock whose process is gone', async () => {
    const pid = deadPid();
    writeFileSync(dataDirLockPath(dataDir), JSON.stringify({ pid, command: 'gander up', since: '2020-01-01T00:00:00Z' }));
    const lock = await lockDataDir(dataDir, { timeoutMs: 100 });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('refuses a lock held by another live process, naming its pid and command', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', 'gander-holder-marker'], { stdio: 'ignore' });
    try {
      writeFileSync(dataDirLockPath(dataDir), JSON.stringify({ pid: other.pid, command: 'gander up', since: 'now' }));
      const error = (await lockDataDir(dataDir, { timeoutMs: 100 }).catch((e: unknown) => e)) as GanderError;
      expect(error.code).toBe('E_LOCK_TIMEOUT');
      expect(error.message).toContain(`process ${other.pid} ("gander up")`);
      expect(error.hint).toContain(dataDirLockPath(dataDir));
    } finally {
      other.kill('SIGKILL');
    }
  });

  describe('a holder whose pid now belongs to another process', () => {
    const linuxProc = processStartTicks(process.pid) !== undefined;

    it.skipIf(!linuxProc)('takes over a lock whose pid runs but started at another time (pid reused)', async () => {
      // Our own pid, as after a container restart where the app is pid 1 again: it runs, but it is not the writer.
      const ticks = processStartTicks(process.pid) as string;
      writeFileSync(
        dataDirLockPath(dataDir),
        JSON.stringify({ pid: process.pid, command: 'gander up', since: 'then', host: hostname(), startTicks: String(BigInt(ticks) - 1n) }),
      );
      const lock = await lockDataDir(dataDir, { timeoutMs: 100 });
      expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, startTicks: ticks });
      lock.release();
    });

    it.skipIf(!linuxProc)('keeps a lock whose pid runs with the recorded start time', async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
      try {
        const pid = other.pid as number;
        const ticks = processStartTicks(pid);
        expect(ticks).toBeDefined();
        writeFileSync(dataDirLockPath(dataDir), JSON.stringify({ pid, command: 'gander up', since: 'now', host: hostname(), startTicks: ticks }));
        const error = (await lockDataDir(dataDir, { timeoutMs: 100 }).catch((e: unknown) => e)) as GanderError;
        expect(error.code).toBe('E_LOCK_TIMEOUT');
      } finally {
        other.kill('SIGKILL');
      }
    });

    it.skipIf(!linuxProc)('takes over a lock written before a reboot (another boot id)', async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
      try {
        writeFileSync(
          dataDirLockPath(dataDir),
          JSON.stringify({ pid: other.pid, command: 'gander up', since: 'then', host: hostname(), bootId: 'a-boot-before-this-one' }),
        );
        const lock = await lockDataDir(dataDir, { timeoutMs: 100 });
        expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
        lock.release();
      } finally {
        other.kill('SIGKILL');
      }
    });

    it('never judges a lock from another machine stale, and names that machine', async () => {
      const pid = deadPid();
      writeFileSync(dataDirLockPath(dataDir), JSON.stringify({ pid, command: 'gander up', since: 'now', host: 'other-machine' }));
      const error = (await lockDataDir(dataDir, { timeoutMs: 100 }).catch((e: unknown) => e)) as GanderError;
      expect(error.code).toBe('E_LOCK_TIMEOUT');
      expect(error.message).toContain(`process ${pid} on host "other-machine"`);
    });
  });

  it('makes the missing parent folder of a data directory that does not exist yet (a first run)', async () => {
    const fresh = join(root, 'not', 'yet', 'pglite');
    const lock = await lockDataDir(fresh, { timeoutMs: 100 });
    expect(existsSync(dataDirLockPath(fresh))).toBe(true);
    lock.release();
  });
});
