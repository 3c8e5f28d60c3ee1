import { TestkitError } from '../errors.js';
import type { EphemeralServer } from './ephemeral-server.js';
import { serverAtUrl } from './url-server.js';

/** PostgreSQL 16 with pgvector, what the Data Storage schema targets (DD-011). */
export const DEFAULT_POSTGRES_IMAGE = 'pgvector/pgvector:pg16';

export interface TestcontainersOptions {
  image?: string;
  onLog?: (line: string) => void;
}

// The slice of @testcontainers/postgresql we use. It is an optional peer
// dependency, so its types cannot be imported here.
interface StartedContainer {
  getConnectionUri(): string;
  stop(): Promise<unknown>;
  logs?(): Promise<NodeJS.ReadableStream>;
}
interface ContainerBuilder {
  start(): Promise<StartedContainer>;
}
type ContainerCtor = new (image: string) => ContainerBuilder;

/**
 * A PostgreSQL container through testcontainers (loaded only now: it is an
 * optional peer). testcontainers' own Ryuk container removes it if we crash.
 */
export async function startTestcontainersPostgres(options: TestcontainersOptions = {}): Promise<EphemeralServer> {
  const moduleName = '@testcontainers/postgresql';
  let Container: ContainerCtor;
  try {
    Container = ((await import(moduleName)) as { PostgreSqlContainer: ContainerCtor }).PostgreSqlContainer;
  } catch (cause) {
    throw new TestkitError('E_SERVER_START', '@testcontainers/postgresql is not installed', {
      hint: 'npm i -D @testcontainers/postgresql, or choose another server kind',
      cause,
    });
  }
  const image = options.image ?? DEFAULT_POSTGRES_IMAGE;
  let container: StartedContainer;
  try {
    container = await new Container(image).start();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new TestkitError('E_SERVER_START', `the ${image} container failed to start: ${message}`, {
      hint: 'check that Docker can pull and run the image',
      cause,
    });
  }
  if (options.onLog && container.logs) {
    const onLog = options.onLog;
    const stream = await container.logs();
    stream.on('data', (chunk: Buffer | string) => onLog(chunk.toString()));
  }
  return serverAtUrl('testcontainers', container.getConnectionUri(), async () => {
    await container.stop();
  });
}
