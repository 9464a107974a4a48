/**
 * Builds the command line: src/cli/main.ts → dist-cli/main.js, ES modules for Node 20. `npm ci`
 * builds it (the `prepare` script), so `npx rubric-scorer` starts from JavaScript instead of
 * compiling TypeScript on every run; bin/rubric-scorer.js falls back to the sources when the build
 * is missing or older than them.
 *
 * Start-up is most of a one-file run, so: the packages are bundled in (Node resolving and
 * lexing zod's, commander's and saxes' many files cost more than the code), except ExcelJS, which
 * only `summary` loads, on demand; each command's module is loaded when it runs (src/cli/main.ts);
 * and opencc-js's dictionary is built only for a text that needs it (src/cli/opencc.ts).
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const ROOT = import.meta.dirname;
const OPENCC = resolve(ROOT, 'src/cli/opencc.ts');
const TEXT = resolve(ROOT, 'src/core/text.ts');

/** src/core/text.ts's import of opencc-js/t2cn gets src/cli/opencc.ts; every other import is the real one. */
function openccWhenNeeded(): Plugin {
  return {
    name: 'rubric-scorer-cli-opencc',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id !== 'opencc-js/t2cn' || !importer) return null;
      return importer.split('?')[0] === TEXT ? OPENCC : null;
    },
  };
}

export default defineConfig({
  root: ROOT,
  logLevel: 'warn',
  publicDir: false,
  plugins: [openccWhenNeeded()],
  ssr: { noExternal: true, external: ['exceljs'] },
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
