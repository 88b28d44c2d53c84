import { defineConfig } from 'vitest/config';

// Browser tests: the real server (Release build) and Debian's chromium, one file after another.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
