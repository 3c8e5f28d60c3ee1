import { parse as parseUrl } from 'pg-connection-string';
import type { Env } from '../args/dotenv.js';
import { DsnError, parseKeyValueDsn } from './key-value.js';
import { refuseUnsupported } from './unsupported.js';

/**
 * A goose DBSTRING for the postgres/pgx driver, in either of the forms pgx
 * accepts, reduced to what node-postgres needs. Missing settings fall back to
 * the PG* environment variables as libpq and pgx do.
 */

export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export interface TlsFiles {
  /** sslrootcert / -certfile: the CA to verify the server against ("system": the default CAs). */
  rootCert?: string;
  /** sslcert / -ssl-cert and sslkey / -ssl-key: a client certificate. */
  cert?: string;
  key?: string;
}

export interface PgSettings {
  form: 'url' | 'key-value';
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  applicationName?: string;
  /** The startup `options` (e.g. `-c search_path=app`), with pgx's runtime parameters folded in. */
  options?: string;
  connectTimeoutMs?: number;
  keepAlive?: boolean;
  clientEncoding?: string;
  sslMode: SslMode;
  /** sslmode came from the DBSTRING or PGSSLMODE, not the default. */
  sslModeExplicit: boolean;
  tls: TlsFiles;
  /** Keywords with no node-postgres equivalent, accepted and ignored. */
  ignored: string[];
}

// libpq/pgx client settings that node-postgres has no use for: accepted so a
// DBSTRING that works with goose works here, and otherwise ignored, unless
// their value asks for a protection we cannot give (unsupported.ts).
const IGNORED_KEYWORDS = new Set([
  'passfile',
  'channel_binding',
  'gssencmode',
  'gsslib',
  'gssdelegation',
  'krbsrvname',
  'service',
  'servicefile',
  'target_session_attrs',
  'requiressl',
  'sslcompression',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'sslpassword',
  'sslcertmode',
  'sslnegotiation',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'requirepeer',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'load_balance_hosts',
  'replication',
  'min_read_buffer_size',
  'pool_max_conns',
  'pool_min_conns',
  'pool_min_idle_conns',
  'pool_max_conn_lifetime',
  'pool_max_conn_lifetime_jitter',
  'pool_max_conn_idle_time',
  'pool_health_check_period',
  'default_query_exec_mode',
  'statement_cache_capacity',
  'description_cache_capacity',
  'fallback_application_name',
]);

const SSL_FILE_KEYS = ['sslrootcert', 'sslcert', 'sslkey'] as const;

export function isUrlDsn(dsn: string): boolean {
  return dsn.startsWith('postgres://') || dsn.startsWith('postgresql://');
}

/** The URL form through pg-connection-string, as keyword/value pairs. */
function urlKeywords(dsn: string): Map<string, string> {
  // pg-connection-string reads sslcert/sslkey/sslrootcert files itself as it
  // parses; take them (and sslmode) out so TLS is set up in one place.
  const q = dsn.indexOf('?');
  const params = new URLSearchParams(q === -1 ? '' : dsn.slice(q + 1));
  const held = new Map<string, string>();
  for (const key of [...SSL_FILE_KEYS, 'sslmode']) {
    const value = params.get(key);
    if (value !== null) held.set(key, value);
    params.delete(key);
  }
  const rest = params.toString();
  const url = (q === -1 ? dsn : dsn.slice(0, q)) + (rest ? `?${rest}` : '');
  let parsed: ReturnType<typeof parseUrl>;
  try {
    parsed = parseUrl(url);
  } catch (error) {
    // The message never repeats the input (it may hold a password).
    throw new DsnError(`invalid connection URL: ${error instanceof Error ? error.message : String(error)}`);
  }
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' || value === '' || key === 'ssl') continue;
    out.set(key === 'database' ? 'dbname' : key, value);
  }
  for (const [key, value] of held) out.set(key, value);
  return out;
}

/** One `-c name=value` for PostgreSQL's startup options: spaces and backslashes escaped. */
function runtimeOption(name: string, value: string): string {
  return `-c ${name}=${value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ')}`;
}

function parsePort(text: string): number {
  const first = text.split(',')[0]!.trim();
  const port = Number(first);
  if (!/^\d+$/.test(first) || port < 1 || port > 65535) throw new DsnError(`invalid port number: "${first}"`);
  return port;
}

export function parseDsn(dsn: string, env: Env = {}): PgSettings {
  const form = isUrlDsn(dsn) ? 'url' : 'key-value';
  const kv = form === 'url' ? urlKeywords(dsn) : parseKeyValueDsn(dsn);
  const pick = (key: string, envName: string): string | undefined => {
    const value = kv.get(key);
    if (value !== undefined && value !== '') return value;
    const fromEnv = env[envName];
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
  const settings: PgSettings = { form, sslMode: 'prefer', sslModeExplicit: false, tls: {}, ignored: [] };
  const runtime: string[] = [];
  // host may list several (failover); node-postgres takes one: the first.
  const host = pick('host', 'PGHOST') ?? pick('hostaddr', 'PGHOSTADDR');
  if (host !== undefined) settings.host = host.split(',')[0]!.trim();
  const port = pick('port', 'PGPORT');
  if (port !== undefined) settings.port = parsePort(port);
  const user = pick('user', 'PGUSER');
  if (user !== undefined) settings.user = user;
  const password = kv.get('password') ?? env.PGPASSWORD;
  if (password !== undefined && password !== '') settings.password = password;
  const database = pick('dbname', 'PGDATABASE');
  if (database !== undefined) settings.database = database;
  const app = pick('application_name', 'PGAPPNAME');
  if (app !== undefined) settings.applicationName = app;
  const options = pick('options', 'PGOPTIONS');
  if (options !== undefined) runtime.push(options);
  const encoding = pick('client_encoding', 'PGCLIENTENCODING');
  if (encoding !== undefined) settings.clientEncoding = encoding;
  const timeout = pick('connect_timeout', 'PGCONNECT_TIMEOUT');
  if (timeout !== undefined) {
    const seconds = Number(timeout);
    if (!Number.isFinite(seconds)) throw new DsnError(`invalid integer value "${timeout}" for connection option "connect_timeout"`);
    // libpq: 0 (or less) waits forever; a value under 2 s counts as 2 s.
    if (seconds > 0) settings.connectTimeoutMs = Math.max(2, Math.floor(seconds)) * 1000;
  }
  const keepalives = kv.get('keepalives');
  if (keepalives !== undefined) settings.keepAlive = keepalives !== '0';
  const sslMode = pick('sslmode', 'PGSSLMODE');
  if (sslMode !== undefined) {
    if (!(SSL_MODES as readonly string[]).includes(sslMode)) throw new DsnError(`invalid sslmode value: "${sslMode}"`);
    settings.sslMode = sslMode as SslMode;
    settings.sslModeExplicit = true;
  }
  const rootCert = pick('sslrootcert', 'PGSSLROOTCERT');
  if (rootCert !== undefined) settings.tls.rootCert = rootCert;
  const cert = pick('sslcert', 'PGSSLCERT');
  if (cert !== undefined) settings.tls.cert = cert;
  const key = pick('sslkey', 'PGSSLKEY');
  if (key !== undefined) settings.tls.key = key;

  const handled = new Set([
    'host',
    'hostaddr',
    'port',
    'user',
    'password',
    'dbname',
    'application_name',
    'options',
    'client_encoding',
    'connect_timeout',
    'keepalives',
    'sslmode',
    ...SSL_FILE_KEYS,
  ]);
  for (const [name, value] of kv) {
    if (handled.has(name)) continue;
    refuseUnsupported(name, value);
    if (IGNORED_KEYWORDS.has(name)) settings.ignored.push(name);
    // pgx sends any other keyword to the server as a run-time parameter
    // (search_path=app, statement_timeout=5s): do the same through `options`.
    else if (/^[a-z_][a-z0-9_.]*$/i.test(name)) runtime.push(runtimeOption(name, value));
    else throw new DsnError(`invalid connection option "${name}"`);
  }
  // libpq reads these from the environment too.
  for (const [name, envName] of [['channel_binding', 'PGCHANNELBINDING'], ['gssencmode', 'PGGSSENCMODE'], ['target_session_attrs', 'PGTARGETSESSIONATTRS']] as const) {
    if (!kv.has(name)) refuseUnsupported(name, env[envName] ?? '');
  }
  if (runtime.length > 0) settings.options = runtime.join(' ');
  return settings;
}

/** The DBSTRING's password (from it or PGPASSWORD), to scrub from any message. */
export function dsnSecrets(settings: PgSettings | undefined): string[] {
  return settings?.password ? [settings.password] : [];
}
