import { DsnError } from './key-value.js';

/**
 * libpq settings that ask for a protection gander's driver cannot give.
 * Ignoring them (as before) connected anyway: `channel_binding=require` with
 * a server that cannot bind, `gssencmode=require` without GSSAPI, a CRL that
 * was never checked. psql refuses these connections; so does gander. Values
 * that ask for nothing (`disable`, `prefer`, `any`) stay accepted.
 */
const HARMLESS: Readonly<Record<string, readonly string[]>> = {
  channel_binding: ['disable', 'prefer'],
  gssencmode: ['disable', 'prefer'],
  target_session_attrs: ['any'],
  sslcertmode: ['disable', 'allow'],
  load_balance_hosts: ['disable'],
  requirepeer: [],
  sslcrl: [],
  sslcrldir: [],
  gssdelegation: ['0'],
};

const WHY: Readonly<Record<string, string>> = {
  channel_binding: 'SCRAM channel binding is not supported by the node-postgres driver',
  gssencmode: 'GSSAPI encryption is not supported by the node-postgres driver',
  target_session_attrs: 'only the first host is used, so the session kind cannot be chosen',
  sslcertmode: 'the client certificate mode cannot be enforced',
  load_balance_hosts: 'only the first host is used',
  requirepeer: 'the peer user of a Unix socket cannot be checked',
  sslcrl: 'certificate revocation lists are not checked',
  sslcrldir: 'certificate revocation lists are not checked',
  gssdelegation: 'GSSAPI is not supported by the node-postgres driver',
};

/** Throws for a setting whose value asks for something gander cannot honour; the value itself is never echoed. */
export function refuseUnsupported(name: string, value: string): void {
  const ok = HARMLESS[name];
  if (ok === undefined || value === '' || ok.includes(value)) return;
  throw new DsnError(
    `connection option "${name}" cannot be honoured: ${WHY[name] ?? 'not supported'}; remove it (or set it to ${ok.length > 0 ? ok.map((v) => `"${v}"`).join(' or ') : 'nothing'}) to connect without it`,
  );
}
