import type { Node, RangeVar } from 'libpg-query';

/** The name lock rules compare: schema-less, as PostgreSQL folded it. */
export function relationName(range: RangeVar | undefined): string | undefined {
  return range?.relname;
}

/** `String` nodes of a qualified name (`[schema, name]`), last part. */
export function lastName(names: readonly Node[] | undefined): string | undefined {
  const last = names?.at(-1);
  if (last === undefined || !('String' in last)) return undefined;
  return last.String.sval;
}

/** A DROP's object: a list of `String` nodes for tables and indexes. */
export function droppedName(object: Node): string | undefined {
  if ('List' in object) return lastName(object.List.items);
  if ('String' in object) return object.String.sval;
  if ('TypeName' in object) return lastName(object.TypeName.names);
  return undefined;
}
