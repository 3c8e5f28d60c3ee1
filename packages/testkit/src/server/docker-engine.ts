import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DockerEngineProbe {
  available: boolean;
  /** Where we looked, or why not: shown when no server kind could start. */
  reason: string;
}

interface Endpoint {
  label: string;
  options: { socketPath: string } | { host: string; port: number };
}

function endpoints(env: NodeJS.ProcessEnv): Endpoint[] {
  const host = env.DOCKER_HOST;
  if (host) {
    if (host.startsWith('unix://')) return [{ label: host, options: { socketPath: host.slice('unix://'.length) } }];
    if (host.startsWith('tcp://')) {
      const url = new URL(host.replace(/^tcp:/, 'http:'));
      return [{ label: host, options: { host: url.hostname, port: Number(url.port || 2375) } }];
    }
    return [];
  }
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker', 'run', 'docker.sock'),
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'docker.sock') : undefined,
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock') : undefined,
  ].filter((path): path is string => path !== undefined && existsSync(path));
  return sockets.map((socketPath) => ({ label: socketPath, options: { socketPath } }));
}

function ping(endpoint: Endpoint, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...endpoint.options, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Is a Docker-compatible engine answering? Asked before loading
 * testcontainers, which would otherwise spend a long time finding out. Looks
 * at DOCKER_HOST, else the usual sockets, and sends `GET /_ping` with a short
 * timeout: a machine without Docker answers in a few milliseconds.
 */
export async function probeDockerEngine(env: NodeJS.ProcessEnv = process.env, timeoutMs = 1000): Promise<DockerEngineProbe> {
  const candidates = endpoints(env);
  if (candidates.length === 0) {
    return {
      available: false,
      reason: env.DOCKER_HOST ? `DOCKER_HOST=${env.DOCKER_HOST} is not a unix:// or tcp:// address` : 'no DOCKER_HOST and no Docker socket found',
    };
  }
  for (const endpoint of candidates) {
    if (await ping(endpoint, timeoutMs)) return { available: true, reason: `Docker engine at ${endpoint.label}` };
  }
  return { available: false, reason: `no Docker engine answers at ${candidates.map((c) => c.label).join(', ')}` };
}
