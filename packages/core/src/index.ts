export * from './errors.js';
export * from './parser/index.js';
export * from './source/index.js';
export * from './db/index.js';
export * from './store/index.js';
export * from './lock/index.js';
export * from './provider/index.js';
export * from './fleet/index.js';
export { GANDER_VERSION } from './version.js';
