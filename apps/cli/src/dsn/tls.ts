import { isIP } from 'node:net';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from '../errors.js';
import type { PgSettings, TlsFiles } from './parse-dsn.js';

/** What node-postgres passes to `tls.connect`. */
export interface PgTlsConfig {
  rejectUnauthorized: boolean;
  ca?: string;
  cert?: string;
  key?: string;
  servername?: string;
  checkServerIdentity?: () => undefined;
}

/** One way to connect: no TLS, or TLS checked this much. */
export type TlsAttempt = 'plain' | 'tls-no-verify' | 'tls-verify-ca' | 'tls-verify-full';

/**
 * libpq's sslmode as connection attempts in order. node-postgres cannot fall
 * back by itself, so `prefer` (the default, as in libpq and pgx) tries TLS
 * without verification first and then plain, and `allow` the other way round.
 * A CA (sslrootcert) turns `require` into `verify-ca`, as in libpq; a CA given
 * with goose's -certfile and no sslmode at all means `verify-full`.
 */
export function tlsAttempts(settings: PgSettings, files: TlsFiles): TlsAttempt[] {
  const hasCa = files.rootCert !== undefined;
  const mode = !settings.sslModeExplicit && hasCa ? 'verify-full' : settings.sslMode;
  switch (mode) {
    case 'disable':
      return ['plain'];
    case 'allow':
      return ['plain', 'tls-no-verify'];
    case 'prefer':
      return ['tls-no-verify', 'plain'];
    case 'require':
      return [hasCa ? 'tls-verify-ca' : 'tls-no-verify'];
    case 'verify-ca':
      return ['tls-verify-ca'];
    case 'verify-full':
      return ['tls-verify-full'];
  }
}

// A wrong password or a missing database will not get better over TLS or without it.
const FINAL_CODES = new Set(['28P01', '3D000']);

/**
 * Whether a failed connect ends the TLS attempts: the server's SQLSTATE, from node-postgres's error or from the
 * `cause` of core's E_CONNECTION around it. The early connect and openTarget must stop at the same attempt.
 */
export function endsTlsAttempts(error: unknown): boolean {
  const direct = (error as { code?: unknown } | null)?.code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  for (const code of [cause, direct]) if (typeof code === 'string' && !code.startsWith('E_')) return FINAL_CODES.has(code);
  return false;
}

async function readPem(what: string, path: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new CliError('E_TLS_FILE', `cannot read the ${what} file ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code}`, {
      hint: 'check the sslrootcert/sslcert/sslkey in the DBSTRING or the -certfile/-ssl-cert/-ssl-key flags',
    });
  }
}

export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
}

export async function loadTlsMaterial(files: TlsFiles, cwd: string): Promise<TlsMaterial> {
  const out: TlsMaterial = {};
  // "system" (libpq 16): verify against the default CAs, which is what Node does without `ca`.
  if (files.rootCert !== undefined && files.rootCert !== 'system') out.ca = await readPem('CA certificate', files.rootCert, cwd);
  if (files.cert !== undefined) out.cert = await readPem('client certificate', files.cert, cwd);
  if (files.key !== undefined) out.key = await readPem('client key', files.key, cwd);
  return out;
}

export function tlsConfig(attempt: TlsAttempt, material: TlsMaterial, host: string | undefined): false | PgTlsConfig {
  if (attempt === 'plain') return false;
  const config: PgTlsConfig = { rejectUnauthorized: attempt !== 'tls-no-verify', ...material };
  // verify-ca: the chain must verify, the host name need not match.
  if (attempt === 'tls-verify-ca') config.checkServerIdentity = () => undefined;
  // SNI takes names only: an IP address there makes Node warn (DEP0123) on every connection.
  if (host && !host.startsWith('/') && isIP(host) === 0) config.servername = host;
  return config;
}
