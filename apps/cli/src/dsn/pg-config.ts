import type { PgSettings, TlsFiles } from './parse-dsn.js';
import type { PgTlsConfig } from './tls.js';

// What node-postgres is given for a DBSTRING: no @gander/core here, so the CLI can
// connect before core loads (early-connect.ts).

/** The node-postgres config for one attempt. */
export interface PgConfig {
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  application_name: string;
  options?: string;
  client_encoding?: string;
  connectionTimeoutMillis: number;
  keepAlive?: boolean;
  ssl: false | PgTlsConfig;
}

// node-postgres waits forever for a connection by default; a CLI should not.
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

export function pgConfig(settings: PgSettings, ssl: false | PgTlsConfig): PgConfig {
  const config: PgConfig = {
    application_name: settings.applicationName ?? 'gander',
    connectionTimeoutMillis: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    ssl,
  };
  if (settings.host !== undefined) config.host = settings.host;
  if (settings.port !== undefined) config.port = settings.port;
  if (settings.user !== undefined) config.user = settings.user;
  if (settings.password !== undefined) config.password = settings.password;
  if (settings.database !== undefined) config.database = settings.database;
  if (settings.options !== undefined) config.options = settings.options;
  if (settings.clientEncoding !== undefined) config.client_encoding = settings.clientEncoding;
  if (settings.keepAlive !== undefined) config.keepAlive = settings.keepAlive;
  return config;
}

export interface TlsFlags {
  certfile: string;
  sslCert: string;
  sslKey: string;
}

/** goose's -certfile/-ssl-cert/-ssl-key ("only support on mysql") are the pg TLS files here; a flag wins over the DBSTRING. */
export function tlsFiles(settings: PgSettings, flags: TlsFlags): TlsFiles {
  return {
    ...settings.tls,
    ...(flags.certfile ? { rootCert: flags.certfile } : {}),
    ...(flags.sslCert ? { cert: flags.sslCert } : {}),
    ...(flags.sslKey ? { key: flags.sslKey } : {}),
  };
}
