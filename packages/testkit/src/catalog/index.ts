export type { CatalogObject, CatalogObjectKind, CatalogSnapshot, SnapshotOptions } from './types.js';
export { objectKey } from './types.js';
export { ALWAYS_EXCLUDED_TABLES, snapshotCatalog } from './snapshot.js';
export { compareCatalogs, diffCatalogs, type CatalogChange, type CatalogChangeOp, type PropertyChange } from './diff.js';
