import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { answerChecks } from './client/build/answer-checks';
import { precompress } from './client/build/precompress';

// The client lives in client/; the server serves the built files from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    answerChecks(),
    // The PWA (docs/offline.md): a manifest, and a service worker of our own (client/src/sw.ts) with Workbox
    // bundled into it (injectManifest), so that nothing comes from a CDN.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by the app itself (client/src/offline/register-worker.ts), in the production build only.
      injectRegister: null,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Gridwatch',
        short_name: 'Gridwatch',
        description: 'Illegal crypto-mining load on the grid: the map, the sites and their enforcement',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f4f1ea',
        theme_color: '#1f4e79',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,woff}'],
        // MapLibre's chunk is over Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
      },
    }),
    precompress(['geodata/build/basemap']),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/basemap': 'http://127.0.0.1:3000' },
  },
});
