export { TestkitError, type TestkitErrorCode, type TestkitErrorOptions } from './errors.js';
export * from './server/index.js';
export * from './catalog/index.js';
export * from './data/index.js';
export * from './database/index.js';
export * from './scenarios/index.js';
export * from './squash/index.js';
