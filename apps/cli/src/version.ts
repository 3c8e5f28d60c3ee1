import { createRequire } from 'node:module';

// src/version.ts and dist/version.js both sit one level below package.json.
const require = createRequire(import.meta.url);

/** The gander CLI's version, from its package.json. */
export const CLI_VERSION: string = (require('../package.json') as { version: string }).version;
