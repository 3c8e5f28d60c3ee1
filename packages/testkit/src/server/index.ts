export { SERVER_KINDS, type EphemeralDatabase, type EphemeralServer, type ServerKind } from './ephemeral-server.js';
export { startEphemeralPostgres, type StartEphemeralOptions } from './start-ephemeral.js';
export { startEmbeddedPostgres, type EmbeddedPostgresOptions, type EmbeddedPostgresServer } from './embedded-postgres.js';
export { DEFAULT_POSTGRES_IMAGE, startTestcontainersPostgres, type TestcontainersOptions } from './testcontainers.js';
export { pgliteServer, type PgliteServerOptions } from './pglite-server.js';
export { externalServer, externalServerUrlFromEnv } from './external.js';
export { probeDockerEngine, type DockerEngineProbe } from './docker-engine.js';
export { chooseServerFor, type ChooseServerOptions, type ChosenServer, type DatabaseChoice } from './choose-server.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
