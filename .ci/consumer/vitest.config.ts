import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@gander/testkit/global-setup'],
    testTimeout: 60_000,
  },
});
