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
    // Maps for reading production stack traces, without advertising them in the served files.
    sourcemap: 'hidden',
    // The production CSP allows no inline script: no module-preload polyfill (it is inline).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/, priority: 20 },
            { name: 'data', test: /node_modules[\\/](@tanstack|@trpc)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // Keep the browser's Host header (changeOrigin: false): the API's origin check compares the
    // Origin of a mutation with the host it was sent to. Vite's string shorthand would rewrite it.
    proxy: Object.fromEntries(['/trpc', '/healthz', '/readyz', '/export'].map((path) => [path, { target: api, changeOrigin: false }])),
  },
});
