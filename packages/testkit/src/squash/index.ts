export { squashMigrations, type SquashOptions, type SquashResult } from './squash-migrations.js';
export { proveSquash, type SquashProof } from './prove-squash.js';
export { explainByReread, type RereadResult } from './reread-definitions.js';
export { startScratchServer, type ScratchServer } from './scratch-server.js';
