export { REQUIRED_SCHEMA_VERSION, loadConfig, type ServiceConfig } from './config.js';
export { createHttpServer } from './server.js';
export { startService, type RunningService } from './start.js';
