/**
 * The browser playground (npm run demo): src/playground/index.html with the real task pane over the
 * fake Excel object model. A separate config, so the add-in's build (vite.config.ts) never bundles
 * HyperFormula or the fake. The sample workbooks in samples/ are served beside the page (and copied
 * into dist-playground/ by a build), so the page opens samples/communities.xlsx by default.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { openccOnDemand, PREACT_ALIASES } from './vite.config';

const ROOT = import.meta.dirname;

export default defineConfig({
  root: resolve(ROOT, 'src/playground'),
  base: './',
  // PLAYGROUND_SAMPLES serves another folder of workbooks instead (a test's fixtures, say).
  publicDir: resolve(ROOT, process.env.PLAYGROUND_SAMPLES ?? 'samples'),
  // The pane as the add-in ships it: the dictionary fetched only for a workbook that needs it, and
  // React as preact/compat (vite.config.ts).
  plugins: [react(), openccOnDemand()],
  resolve: { alias: PREACT_ALIASES },
  // Its own cache, so the add-in's dev server and this one never re-optimise each other's deps.
  cacheDir: resolve(ROOT, 'node_modules/.vite-playground'),
  // Known up front, so the first page load is not reloaded when the optimiser finds them late.
  optimizeDeps: {
    include: [
      'preact/compat',
      'preact/compat/client',
      'preact/jsx-runtime',
      '@fluentui/react-components',
      'hyperformula',
      'exceljs',
    ],
  },
  build: {
    outDir: resolve(ROOT, 'dist-playground'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5180, host: 'localhost' },
  preview: { port: 5180, host: 'localhost' },
});
