/**
 * pg_dump's plain output as its table of contents: one entry per
 * `-- Name: x; Type: T; Schema: s; Owner: o` header, with the SQL under it.
 */
export interface DumpEntry {
  /** The TOC tag: a bare name, or `name(argument types)` for routines. */
  name: string;
  /** `TABLE`, `FUNCTION`, `INDEX`, `FK CONSTRAINT`, … */
  type: string;
  /** `-` when the object belongs to no schema (an extension, a schema). */
  schema: string;
  /** The SQL as pg_dump wrote it, without the header and the trailing blank lines. */
  sql: string;
}

export interface ParsedDump {
  /** `-- Dumped from database version 16.2` */
  serverVersion: string | undefined;
  entries: DumpEntry[];
}

const HEADER = /^-- (?:Data for )?Name: (.*); Type: (.*); Schema: (.*); Owner: (.*)$/;

// Session settings pg_dump puts between entries: they belong to its own
// restore session and would outlive a migration's transaction (SET, not SET LOCAL).
const SESSION_SET = /^SET (default_tablespace|default_table_access_method|default_with_oids) = .*;$/;

/** pg_dump ≥ 17.6/16.10 brackets its output with psql meta-commands that are not SQL. */
const PSQL_META = /^\\(un)?restrict\b/;

export function parseDump(text: string): ParsedDump {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const entries: DumpEntry[] = [];
  let serverVersion: string | undefined;
  let current: { header: RegExpExecArray; body: string[] } | undefined;
  const close = () => {
    if (!current) return;
    const body = [...current.body];
    while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
    while (body.length > 0 && body[0]!.trim() === '') body.shift();
    entries.push({ name: current.header[1]!, type: current.header[2]!, schema: current.header[3]!, sql: body.join('\n') });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = line === '--' && lines[i + 2] === '--' ? HEADER.exec(lines[i + 1] ?? '') : null;
    if (header) {
      close();
      current = { header, body: [] };
      i += 2;
      continue;
    }
    if (line === '--' && lines[i + 1] === '-- PostgreSQL database dump complete' && lines[i + 2] === '--') {
      close();
      break;
    }
    if (!current) {
      serverVersion ??= /^-- Dumped from database version (.+)$/.exec(line)?.[1];
      continue;
    }
    if (SESSION_SET.test(line) || PSQL_META.test(line)) continue;
    current.body.push(line);
  }
  close();
  return { serverVersion, entries: entries.filter((entry) => entry.sql !== '') };
}
