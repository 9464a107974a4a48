/**
 * Builds the WPS add-in into dist-wps/: the add-in page (src/wps/index.html, the ribbon callbacks)
 * and the same task pane as Excel's (src/taskpane/index.html, which picks the WPS host at start-up),
 * without office.js. scripts/build-wps.ts then adds ribbon.xml, the icons and the deployment files.
 * Target es2017: WPS's webview is an older Chromium.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const ROOT = import.meta.dirname;

export default defineConfig({
  root: resolve(ROOT, 'src'),
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(ROOT, 'dist-wps'),
    emptyOutDir: true,
    target: 'es2017',
    rollupOptions: {
      input: {
        addin: resolve(ROOT, 'src/wps/index.html'),
        taskpane: resolve(ROOT, 'src/taskpane/index.html'),
      },
    },
  },
});
