import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { answerChecks } from './client/build/answer-checks';
import { precompress } from './client/build/precompress';

// The client lives in client/; the server serves the built files from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react(), answerChecks(), precompress(['geodata/build/basemap'])],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/basemap': 'http://127.0.0.1:3000' },
  },
});
