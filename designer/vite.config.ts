/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server (npm run dev, http://127.0.0.1:5173) forwards the API to a server started with ./run.sh.
const api = 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    // The server serves this folder (server/Workflows.Server/wwwroot, ignored by git).
    outDir: '../server/Workflows.Server/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': api,
      '/openapi': api,
      '/verify': api,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    testTimeout: 30_000,
  },
});
