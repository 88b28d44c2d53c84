import { defineConfig } from 'vitest/config';

// Browser tests: the real server (Release build) and Debian's chromium. Two files at a time, each
// with its own server, data folder and clock: the tests mostly wait on the server and the browser,
// so two workers use the two cores; more would only starve them.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
