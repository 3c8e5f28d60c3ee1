import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@gander/source'] },
  // The integration tests run the built CLI many times as a subprocess.
  test: { name: 'cli', testTimeout: 60_000, hookTimeout: 60_000 },
});
