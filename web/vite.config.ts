/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';

// The dev server proxies the API paths to a locally running Crm.Api, so the SPA and the API share an origin
// exactly as in production (the API serves the built SPA), and the SameSite=Strict session cookie just works.
const apiTarget = process.env.CRM_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/openapi': { target: apiTarget },
      '/health': { target: apiTarget },
    },
  },
  build: {
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Form tests type with user-event into antd inputs under jsdom: on a busy shared 2-core machine one took 42 s.
    testTimeout: 120000,
  },
});
