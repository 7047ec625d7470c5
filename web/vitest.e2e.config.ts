import { defineConfig } from 'vitest/config';

// End-to-end specs drive Debian's chromium through playwright-core against a running API (E2E_BASE_URL).
// One browser, one file at a time: the specs share the seeded database and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 90000,
    hookTimeout: 60000,
    sequence: { concurrent: false },
  },
});
