import { objectKey, type CatalogObject, type CatalogObjectKind, type CatalogSnapshot } from './types.js';

export type CatalogChangeOp = '+' | '-' | '~';

export interface PropertyChange {
  property: string;
  before: string | undefined;
  after: string | undefined;
}

export interface CatalogChange {
  /** `+` only in the second snapshot, `-` only in the first, `~` in both but different. */
  op: CatalogChangeOp;
  kind: CatalogObjectKind;
  name: string;
  before?: CatalogObject;
  after?: CatalogObject;
  /** For `~`: the properties that differ. */
  properties: PropertyChange[];
  /**
   * Set when this change is part of a larger one and has no line of its own:
   * a partition's copy of an index that was added on the parent, or a column
   * of a table that was added as a whole. Holds the key of that change.
   */
  foldedInto?: string;
  /** How many changes were folded into this one, by what they are ("columns", "indexes on partitions"). */
  folded: Readonly<Record<string, number>>;
  /** The readable line, e.g. `+ index idx_x on public.t: CREATE INDEX …`. */
  line: string;
}

const INLINE_LIMIT = 200;

/** The kinds whose parts (columns, indexes, …) fold into them when they are added or dropped whole. */
const RELATION_KINDS: readonly CatalogObjectKind[] = ['table', 'view', 'materialized view'];

/** Every difference between two snapshots, folded changes included (see `foldedInto`). */
export function compareCatalogs(a: CatalogSnapshot, b: CatalogSnapshot): CatalogChange[] {
  const before = new Map(a.objects.map((o) => [objectKey(o), o]));
  const after = new Map(b.objects.map((o) => [objectKey(o), o]));
  const changes = new Map<string, Omit<CatalogChange, 'line' | 'folded'>>();
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) changes.set(key, { op: '-', kind: old.kind, name: old.name, before: old, properties: [] });
    else {
      const properties = changedProperties(old, now);
      if (properties.length > 0) changes.set(key, { op: '~', kind: old.kind, name: old.name, before: old, after: now, properties });
    }
  }
  for (const [key, now] of after) {
    if (!before.has(key)) changes.set(key, { op: '+', kind: now.kind, name: now.name, after: now, properties: [] });
  }
  // One order for every kind of change: by kind, then name, as snapshots are sorted.
  const sorted = new Map([...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return fold(sorted);
}

/**
 * The differences as readable lines, one per change, with copies on
 * partitions and the parts of an added or dropped table folded into one line:
 *   `+ index idx_x on public.t: CREATE INDEX idx_x ON public.t USING btree (x)`
 *   `- column public.t.c (integer)`
 *   `~ function public.f(integer): definition changed`
 */
export function diffCatalogs(a: CatalogSnapshot, b: CatalogSnapshot): string[] {
  return compareCatalogs(a, b)
    .filter((change) => change.foldedInto === undefined)
    .map((change) => change.line);
}

function changedProperties(a: CatalogObject, b: CatalogObject): PropertyChange[] {
  const names = [...new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])];
  return names
    .filter((name) => a.properties[name] !== b.properties[name])
    .map((property) => ({ property, before: a.properties[property], after: b.properties[property] }));
}

/** The change this one belongs to, if that one is in the same direction. */
function parentOf(change: Omit<CatalogChange, 'line' | 'folded'>, changes: ReadonlyMap<string, { op: CatalogChangeOp }>): string | undefined {
  const object = change.after ?? change.before!;
  const ownRelation = object.relation && object.relation !== object.name ? object.relation : undefined;
  const candidates = [
    object.inheritedFrom,
    ...(ownRelation ? RELATION_KINDS.map((kind) => `${kind} ${ownRelation}`) : []),
    object.kind === 'table' && object.properties['partition bound'] ? `table ${object.properties.parents}` : undefined,
  ];
  return candidates.find((key) => key !== undefined && changes.get(key)?.op === change.op);
}

function fold(changes: Map<string, Omit<CatalogChange, 'line' | 'folded'>>): CatalogChange[] {
  const rootOf = (key: string): string => {
    let current = key;
    for (let depth = 0; depth < 10; depth++) {
      const parent = parentOf(changes.get(current)!, changes);
      if (parent === undefined) return current;
      current = parent;
    }
    return current;
  };
  const counts = new Map<string, Map<string, number>>();
  const folded = new Map<string, string>();
  for (const [key, change] of changes) {
    const root = rootOf(key);
    if (root === key) continue;
    folded.set(key, root);
    const label = foldLabel(changes.get(root)!.kind, change.kind);
    const byLabel = counts.get(root) ?? new Map<string, number>();
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    counts.set(root, byLabel);
  }
  return [...changes.entries()].map(([key, change]) => {
    const byLabel = Object.fromEntries(counts.get(key) ?? []);
    const foldedInto = folded.get(key);
    return {
      ...change,
      ...(foldedInto === undefined ? {} : { foldedInto }),
      folded: byLabel,
      line: lineOf(change, byLabel),
    };
  });
}

function foldLabel(rootKind: CatalogObjectKind, kind: CatalogObjectKind): string {
  if (rootKind === 'table' && kind === 'table') return 'partitions';
  if (rootKind === kind) return `${plural(kind)} on partitions`;
  return plural(kind);
}

function plural(kind: CatalogObjectKind): string {
  return kind === 'index' ? 'indexes' : `${kind}s`;
}

function countsText(byLabel: Readonly<Record<string, number>>): string {
  const parts = Object.entries(byLabel).map(([label, n]) => `${n} ${n === 1 ? singular(label) : label}`);
  return parts.length === 0 ? '' : ` [with ${parts.join(', ')}]`;
}

function singular(label: string): string {
  return label.replace(/^indexes/, 'index').replace(/^(\w+)s\b/, '$1');
}

function lineOf(change: Omit<CatalogChange, 'line' | 'folded'>, byLabel: Readonly<Record<string, number>>): string {
  const head = `${change.op} ${change.kind} ${change.name}`;
  if (change.op !== '~') {
    const summary = (change.after ?? change.before)!.summary;
    return `${head}${summary.startsWith('(') ? ' ' : ''}${summary}${countsText(byLabel)}`;
  }
  const described = change.properties.map(describeProperty).join('; ');
  return `${head}: ${described}${countsText(byLabel)}`;
}

function describeProperty(change: PropertyChange): string {
  const inline = (value: string | undefined) => value === undefined || (value.length <= INLINE_LIMIT && !value.includes('\n'));
  if (!inline(change.before) || !inline(change.after)) return `${change.property} changed`;
  return `${change.property} ${change.before ?? '(none)'} → ${change.after ?? '(none)'}`;
}
