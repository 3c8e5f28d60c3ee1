import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests (no build needed).
const sourceConditions = ['@gander/source', 'module', 'node', 'development|production'];

/** The settings every package's vitest project shares; projects do not inherit the root's. */
export function ganderProject(name: string, overrides: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions } },
    test: {
      name,
      // Integration tests talk to real databases; PGlite's cold start alone is seconds.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      pool: 'forks',
      // vitest's default is CPUs - 1 (one file at a time on 2 cores); these
      // files mostly wait on PostgreSQL and child processes.
      maxWorkers: 2,
      // A test that asserts nothing cannot fail: make it fail instead.
      expect: { requireAssertions: true },
      ...overrides,
    },
  });
}
