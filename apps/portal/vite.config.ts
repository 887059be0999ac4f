import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built portal from dist/ in production; in development Vite serves it and
// forwards the API's paths to the API process (same origin, so the session cookie just works).
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The production CSP allows no inline script: keep every module in its own file.
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/trpc': api,
      '/healthz': api,
      '/readyz': api,
      '/export': api,
    },
  },
});
