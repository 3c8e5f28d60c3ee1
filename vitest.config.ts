import { defineConfig } from 'vitest/config';

// One vitest run for the whole workspace: every package is a project, and one
// PostgreSQL server (started by the testkit's global setup) serves them all.
// Each test file creates and drops its own database on it.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
    globalSetup: ['./packages/testkit/src/vitest/global-setup.ts'],
    maxWorkers: 2,
  },
});
