/**
 * Hide the password of a connection string by parsing it the way libpq does,
 * never by a pattern over the raw text: a pattern stops at the first `&`,
 * space or `@` and prints the rest (`password=Hunter&Zebra42` became
 * `password=****&Zebra42`). Forms: URL (`postgres://u:pw@h/db`, query
 * `?password=pw`) and libpq key/value (`password=pw`, `password='p w'`,
 * `password=p\ w`). When the text cannot be parsed, everything from the
 * first `password` on is hidden: too much rather than too little.
 */
export function maskConnectionString(dsn: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(dsn) ? maskUrl(dsn) : maskKeyValue(dsn);
}

const MASK = '****';

// libpq's keywords (and the pgx pool ones): in a URL query, a `&` followed by
// one of these starts the next parameter; any other `&...` after `password=`
// is taken as part of the password.
const KEYWORDS = new Set([
  'host', 'hostaddr', 'port', 'user', 'password', 'passfile', 'dbname', 'database', 'application_name',
  'fallback_application_name', 'options', 'client_encoding', 'connect_timeout', 'keepalives', 'keepalives_idle',
  'keepalives_interval', 'keepalives_count', 'tcp_user_timeout', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey',
  'sslpassword', 'sslcrl', 'sslcrldir', 'sslsni', 'sslcompression', 'sslcertmode', 'sslnegotiation', 'requiressl',
  'ssl_min_protocol_version', 'ssl_max_protocol_version', 'channel_binding', 'gssencmode', 'gsslib', 'gssdelegation',
  'krbsrvname', 'service', 'servicefile', 'target_session_attrs', 'load_balance_hosts', 'replication', 'requirepeer',
  'search_path', 'statement_timeout', 'lock_timeout', 'pool_max_conns', 'pool_min_conns',
]);

function fallback(text: string): string {
  const at = text.toLowerCase().indexOf('password');
  return at === -1 ? text : `${text.slice(0, at)}password=${MASK}`;
}

function decodedKey(segment: string): string {
  const eq = segment.indexOf('=');
  const raw = eq === -1 ? segment : segment.slice(0, eq);
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function maskUrl(dsn: string): string {
  const authorityStart = dsn.indexOf('://') + 3;
  let out = dsn;
  // The user info ends at the last `@`: a raw `@` in the password must not end it early.
  const lastAt = dsn.lastIndexOf('@');
  if (lastAt > authorityStart) {
    const colon = dsn.indexOf(':', authorityStart);
    if (colon !== -1 && colon < lastAt) out = `${dsn.slice(0, colon + 1)}${MASK}${dsn.slice(lastAt)}`;
  }
  const q = out.indexOf('?', out.lastIndexOf('@') + 1);
  if (q === -1) return out;
  const segments = out.slice(q + 1).split('&');
  const kept: string[] = [];
  let inPassword = false;
  for (const segment of segments) {
    const key = decodedKey(segment);
    if (inPassword && !(segment.includes('=') && KEYWORDS.has(key))) continue;
    inPassword = key === 'password';
    kept.push(inPassword ? `${segment.slice(0, segment.indexOf('=') + 1 || segment.length)}${segment.includes('=') ? MASK : ''}` : segment);
  }
  return `${out.slice(0, q + 1)}${kept.join('&')}`;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** libpq's conninfo_parse, keeping where each value starts and ends so only the password is replaced. */
function maskKeyValue(text: string): string {
  const spans: [number, number][] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (isSpace(text[i])) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && text[i] !== '=' && !isSpace(text[i])) i++;
    const key = text.slice(keyStart, i);
    while (isSpace(text[i])) i++;
    if (text[i] !== '=' || key === '') return fallback(text);
    i++;
    while (isSpace(text[i])) i++;
    const valueStart = i;
    if (text[i] === "'") {
      i++;
      let closed = false;
      while (i < n) {
        if (text[i] === '\\' && i + 1 < n) i += 2;
        else if (text[i] === "'") {
          closed = true;
          i++;
          break;
        } else i++;
      }
      if (!closed) return fallback(text);
    } else {
      while (i < n && !isSpace(text[i])) i += text[i] === '\\' && i + 1 < n ? 2 : 1;
    }
    if (key.toLowerCase() === 'password') spans.push([valueStart, i]);
  }
  let out = text;
  for (const [start, end] of spans.reverse()) out = `${out.slice(0, start)}${MASK}${out.slice(end)}`;
  return out;
}

/** Remove every occurrence of the known secrets from a free text (an error message, a log line). */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole.
  const sorted = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 1).sort((a, b) => b.length - a.length);
  for (const secret of sorted) out = out.split(secret).join(MASK);
  return out;
}
