import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** Built by `npm run build` into dist/settings; the api serves it at GET /settings. */
export default defineConfig({
  base: '/settings/',
  plugins: [preact()],
  build: {
    outDir: '../../dist/settings',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline assets: the page's Content-Security-Policy allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
