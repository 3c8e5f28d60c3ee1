import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { CliError } from '../errors.js';

/**
 * A targets list as written (JSON or YAML; JSON is YAML): either a list of
 * targets, or `{ groups: [...], targets: [...] }`. Each target:
 *
 *   name: tenant-001                          # unique
 *   dsn: postgres://app:${APP_PW}@h/db        # ${VAR} from the environment
 *   dsnEnv: TENANT_001_DSN                    # or: the whole DSN in a variable
 *   group: canary                             # default "default"
 *   labels: { region: eu }
 */
export interface TargetSpec {
  name: string;
  /** The DSN with its `${VAR}` references still in it. */
  dsn?: string;
  dsnEnv?: string;
  group?: string;
  labels: Record<string, string>;
  /** `targets.yaml:12`: where to look when this target is wrong. */
  origin: string;
}

export interface TargetList {
  groups: string[];
  targets: TargetSpec[];
}

const KEYS = new Set(['name', 'dsn', 'dsnEnv', 'group', 'labels']);

function fail(where: string, message: string, hint = 'each target is { name, dsn or dsnEnv, group?, labels? }: see gander fleet in the README'): never {
  throw new CliError('E_FLEET_TARGETS', `${where}: ${message}`, { hint });
}

function lineOf(node: Node | null | undefined, lines: LineCounter): number {
  return node?.range ? lines.linePos(node.range[0]).line : 1;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function targetOf(raw: unknown, origin: string): TargetSpec {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(origin, 'a target must be a mapping');
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!KEYS.has(key)) fail(origin, `unknown key ${JSON.stringify(key)}`);
  const name = text(entry.name);
  if (name === undefined || name.trim() === '') fail(origin, 'the target has no name');
  const dsn = entry.dsn === undefined ? undefined : text(entry.dsn);
  const dsnEnv = entry.dsnEnv === undefined ? undefined : text(entry.dsnEnv);
  if (entry.dsn !== undefined && dsn === undefined) fail(origin, `${name}: dsn must be a string`);
  if ((dsn === undefined) === (dsnEnv === undefined)) fail(origin, `${name}: give exactly one of dsn or dsnEnv`);
  const group = entry.group === undefined ? undefined : text(entry.group);
  if (entry.group !== undefined && (group === undefined || group === '')) fail(origin, `${name}: group must be a non-empty string`);
  const labels: Record<string, string> = {};
  if (entry.labels !== undefined) {
    if (entry.labels === null || typeof entry.labels !== 'object' || Array.isArray(entry.labels)) fail(origin, `${name}: labels must be a mapping`);
    for (const [k, v] of Object.entries(entry.labels as Record<string, unknown>)) {
      const value = text(v);
      if (value === undefined) fail(origin, `${name}: label ${k} must be a string`);
      labels[k] = value;
    }
  }
  return {
    name,
    ...(dsn === undefined ? {} : { dsn }),
    ...(dsnEnv === undefined ? {} : { dsnEnv }),
    ...(group === undefined ? {} : { group }),
    labels,
    origin,
  };
}

/** Parse a targets list; `source` names it in errors (a file path, `$VAR`, `command output`). */
export function parseTargetList(input: string, source: string): TargetList {
  const lines = new LineCounter();
  const doc = parseDocument(input, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line ?? lines.linePos(first.pos[0]).line;
    fail(`${source}:${line}`, `not valid JSON or YAML: ${first.message.split('\n')[0]}`, 'fix the syntax; JSON and YAML are both accepted');
  }
  let seq: Node | null = doc.contents as Node | null;
  let groups: string[] = [];
  if (isMap(seq)) {
    const plain = doc.toJS() as Record<string, unknown>;
    for (const key of Object.keys(plain)) {
      if (key !== 'groups' && key !== 'targets') fail(`${source}:${lineOf(seq, lines)}`, `unknown key ${JSON.stringify(key)}`, 'the top level is a list of targets, or { groups: [...], targets: [...] }');
    }
    if (plain.groups !== undefined) {
      if (!Array.isArray(plain.groups) || plain.groups.some((g) => typeof g !== 'string')) fail(`${source}:${lineOf(seq.get('groups', true) as Node, lines)}`, 'groups must be a list of group names');
      groups = plain.groups as string[];
    }
    seq = seq.get('targets', true) as Node | null;
  }
  if (!isSeq(seq)) fail(`${source}:${lineOf(seq, lines)}`, 'expected a list of targets', 'the top level is a list of targets, or { groups: [...], targets: [...] }');
  const targets = seq.items.map((item) => {
    const node = item as Node;
    return targetOf(node && typeof node === 'object' && 'toJSON' in node ? node.toJSON() : node, `${source}:${lineOf(node, lines)}`);
  });
  const seen = new Map<string, string>();
  for (const t of targets) {
    const earlier = seen.get(t.name);
    if (earlier) fail(t.origin, `the name ${JSON.stringify(t.name)} is already used at ${earlier}`, 'give every target a unique name');
    seen.set(t.name, t.origin);
  }
  return { groups, targets };
}
