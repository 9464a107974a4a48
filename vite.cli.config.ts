/**
 * Builds the command line: src/cli/main.ts → dist-cli/main.js, one ES module for Node 20 with the
 * packages (ExcelJS, commander, fflate, saxes, opencc-js) left as imports. `npm ci` builds it (the
 * `prepare` script), so `npx rubric-scorer` starts from JavaScript instead of compiling TypeScript on
 * every run; bin/rubric-scorer.js falls back to the sources when the build is missing or older than
 * them.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const ROOT = import.meta.dirname;

export default defineConfig({
  root: ROOT,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: resolve(ROOT, 'src/cli/main.ts'),
    outDir: resolve(ROOT, 'dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
});
