import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API server at `/`; in development, Vite forwards /api to a server on port 8080
// (override with BLUEZONE_API) so cookies stay same-origin.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': process.env.BLUEZONE_API ?? 'http://127.0.0.1:8080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
