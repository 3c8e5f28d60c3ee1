import { readFileSync } from 'node:fs';

/** The OS identity a throwaway PostgreSQL runs as. */
export interface RunAs {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

function passwdEntry(name: string, passwd: string): RunAs | undefined {
  for (const line of passwd.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

/**
 * PostgreSQL refuses to run as root. As root we run it as an existing
 * unprivileged user instead of creating one (creating OS users is not a test
 * kit's business): `postgres` where a PostgreSQL package made it, else
 * `nobody`, which every Unix has. Not root: run as ourselves (undefined).
 */
export function unprivilegedRunAs(passwdFile = '/etc/passwd'): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  let passwd = '';
  try {
    passwd = readFileSync(passwdFile, 'utf8');
  } catch {
    // no passwd file: fall through to the error below
  }
  const found = passwdEntry('postgres', passwd) ?? passwdEntry('nobody', passwd);
  if (!found) {
    throw new Error(`running as root, and neither a "postgres" nor a "nobody" user exists in ${passwdFile} to run PostgreSQL as`);
  }
  return found;
}
