import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@gander/source'] },
  test: { name: 'testkit' },
});
