// Vite build of the web app (web/ → web/dist) and the dev server, which proxies /api to `tinnhiem serve`.

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The config: fonts stay files (the CSP's font-src 'self' refuses data: URLs), no source maps in the room build. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inlined assets would become data: URLs, which `font-src 'self'` blocks; keep every asset a file.
    assetsInlineLimit: 0,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.TINNHIEM_API ?? 'http://localhost:3000' },
  },
});
