import { describe, expect, it } from 'vitest';
import { parseDsn } from './parse-dsn.js';
import { loadTlsMaterial, tlsAttempts, tlsConfig } from './tls.js';

describe('parseDsn', () => {
  it('reads the key=value form', () => {
    const s = parseDsn('host=localhost port=5433 user=slm_user password=dev_password dbname=action_history sslmode=disable');
    expect(s).toMatchObject({
      form: 'key-value',
      host: 'localhost',
      port: 5433,
      user: 'slm_user',
      password: 'dev_password',
      database: 'action_history',
      sslMode: 'disable',
      sslModeExplicit: true,
    });
  });

  it('reads the URL forms with pg-connection-string', () => {
    for (const scheme of ['postgres', 'postgresql']) {
      const s = parseDsn(`${scheme}://app:p%40ss%20word@db.example.com:6543/orders?sslmode=verify-full&application_name=ci`);
      expect(s).toMatchObject({
        form: 'url',
        host: 'db.example.com',
        port: 6543,
        user: 'app',
        password: 'p@ss word',
        database: 'orders',
        sslMode: 'verify-full',
        applicationName: 'ci',
      });
    }
    expect(parseDsn('postgres://[::1]:5432/db')).toMatchObject({ host: '::1', port: 5432, database: 'db' });
    expect(parseDsn('postgres:///db?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', database: 'db' });
  });

  it('keeps TLS file names for later and never reads them while parsing', () => {
    const s = parseDsn('postgres://u@h/db?sslmode=verify-ca&sslrootcert=/nope/ca.pem&sslcert=/nope/c.pem&sslkey=/nope/k.pem');
    expect(s.tls).toEqual({ rootCert: '/nope/ca.pem', cert: '/nope/c.pem', key: '/nope/k.pem' });
    expect(s.sslMode).toBe('verify-ca');
  });

  it('falls back to PG* variables, and defaults sslmode to prefer', () => {
    const s = parseDsn('dbname=x', { PGHOST: 'h', PGPORT: '7', PGUSER: 'u', PGPASSWORD: 'pw', PGSSLMODE: 'require' });
    expect(s).toMatchObject({ host: 'h', port: 7, user: 'u', password: 'pw', database: 'x', sslMode: 'require', sslModeExplicit: true });
    expect(parseDsn('host=h')).toMatchObject({ sslMode: 'prefer', sslModeExplicit: false });
  });

  it('sends unknown keywords to the server as run-time parameters (pgx) and ignores client-only ones', () => {
    const s = parseDsn("host=h search_path='app, public' statement_timeout=5s target_session_attrs=any pool_max_conns=4 options='-c x=1'");
    expect(s.options).toBe('-c x=1 -c search_path=app,\\ public -c statement_timeout=5s');
    expect(s.ignored).toEqual(['target_session_attrs', 'pool_max_conns']);
  });

  it('takes the first of several hosts and reads connect_timeout', () => {
    expect(parseDsn('host=a,b port=1,2 connect_timeout=1')).toMatchObject({ host: 'a', port: 1, connectTimeoutMs: 2000 });
  });

  it('rejects what libpq rejects', () => {
    expect(() => parseDsn('host=h sslmode=sometimes')).toThrow('invalid sslmode value: "sometimes"');
    expect(() => parseDsn('port=x')).toThrow('invalid port number: "x"');
    expect(() => parseDsn('./foo.db')).toThrow(/missing "="/);
    expect(() => parseDsn('postgres://u:secret@:x/')).toThrow(/^invalid connection URL: Invalid URL$/);
  });
});

describe('TLS attempts from sslmode', () => {
  const s = (dsn: string) => parseDsn(dsn);
  it('follows libpq', () => {
    expect(tlsAttempts(s('sslmode=disable'), {})).toEqual(['plain']);
    expect(tlsAttempts(s('sslmode=allow'), {})).toEqual(['plain', 'tls-no-verify']);
    expect(tlsAttempts(s('host=h'), {})).toEqual(['tls-no-verify', 'plain']);
    expect(tlsAttempts(s('sslmode=require'), {})).toEqual(['tls-no-verify']);
    expect(tlsAttempts(s('sslmode=require'), { rootCert: 'ca.pem' })).toEqual(['tls-verify-ca']);
    expect(tlsAttempts(s('sslmode=verify-ca'), {})).toEqual(['tls-verify-ca']);
    expect(tlsAttempts(s('sslmode=verify-full'), {})).toEqual(['tls-verify-full']);
  });
  it('treats goose’s -certfile without an sslmode as verify-full', () => {
    expect(tlsAttempts(s('host=h'), { rootCert: 'ca.pem' })).toEqual(['tls-verify-full']);
  });
  it('builds the node tls options', () => {
    expect(tlsConfig('plain', {}, 'h')).toBe(false);
    expect(tlsConfig('tls-no-verify', {}, 'h')).toEqual({ rejectUnauthorized: false, servername: 'h' });
    const ca = tlsConfig('tls-verify-ca', { ca: 'PEM' }, '/socket');
    expect(ca).toMatchObject({ rejectUnauthorized: true, ca: 'PEM' });
    expect(ca && ca.checkServerIdentity?.()).toBeUndefined();
    expect(tlsConfig('tls-verify-full', { cert: 'C', key: 'K' }, 'db')).toEqual({ rejectUnauthorized: true, cert: 'C', key: 'K', servername: 'db' });
  });
});

describe('TLS files', () => {
  it('reads the PEM files relative to the working directory, and says which one is missing', async () => {
    await expect(loadTlsMaterial({ rootCert: 'system' }, '/')).resolves.toEqual({});
    await expect(loadTlsMaterial({ rootCert: 'no/such/ca.pem' }, '/tmp')).rejects.toMatchObject({
      code: 'E_TLS_FILE',
      message: 'cannot read the CA certificate file no/such/ca.pem: no such file or directory',
    });
  });
});

describe('settings gander cannot honour are refused, not ignored', () => {
  it.each([
    'host=h channel_binding=require',
    'host=h gssencmode=require',
    'postgres://u@h/db?channel_binding=require',
    'host=h sslcrl=/etc/crl.pem',
    'host=h target_session_attrs=read-write',
    'host=h requirepeer=postgres',
  ])('%s', (dsn) => {
    expect(() => parseDsn(dsn)).toThrow(/cannot be honoured/);
  });

  it.each(['host=h channel_binding=prefer', 'host=h gssencmode=disable', 'host=h target_session_attrs=any'])('accepts %s', (dsn) => {
    expect(parseDsn(dsn).host).toBe('h');
  });
});

describe('unsupported settings from the environment', () => {
  it('refuses PGCHANNELBINDING=require and PGGSSENCMODE=require', () => {
    expect(() => parseDsn('host=h', { PGCHANNELBINDING: 'require' })).toThrow(/channel_binding/);
    expect(() => parseDsn('host=h', { PGGSSENCMODE: 'require' })).toThrow(/gssencmode/);
  });
});
