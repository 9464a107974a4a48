/**
 * Builds the task pane: src/taskpane/index.html → dist/taskpane.html, with the icons in
 * dist/assets/ where the manifest expects them.
 *
 * office.js comes from Microsoft's CDN by default; OFFICE_JS=21vianet takes it from the CDN of
 * Office 365 operated by 21Vianet, and OFFICE_JS=local (offices whose Excel cannot reach the
 * internet) copies the package's files to dist/office-js/ and loads them from there. The dev server
 * and the build read the same setting.
 * The dev server runs on https://localhost:3000 with office-addin-dev-certs' certificate when one
 * can be had (Office refuses plain http add-ins).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ServerOptions, type UserConfig } from 'vite';
import { OFFICE_JS_SOURCES, type OfficeJsSource, officeJsSource } from './scripts/build-manifest';

const ROOT = import.meta.dirname;
const PANE = resolve(ROOT, 'src/taskpane');
const DIST = resolve(ROOT, 'dist');
const ICONS = resolve(ROOT, 'assets');
const OFFICE_JS_PACKAGE = resolve(ROOT, 'node_modules/@microsoft/office-js/dist');

/** Adds the office.js tag for `source`, serves and copies the icons, and names the page taskpane.html. */
export function addinShell(source: OfficeJsSource): Plugin {
  const localOfficeJs = source === 'local';
  return {
    name: 'rubric-scorer-addin-shell',
    transformIndexHtml: () => [
      {
        tag: 'script',
        attrs: { src: OFFICE_JS_SOURCES[source] },
        injectTo: 'head-prepend',
      },
    ],
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (url === '/taskpane.html') req.url = '/index.html';
        const icon = /^\/assets\/(icon-\d+\.png)$/.exec(url);
        if (icon && existsSync(join(ICONS, icon[1]!))) {
          res.setHeader('Content-Type', 'image/png');
          res.end(readFileSync(join(ICONS, icon[1]!)));
          return;
        }
        if (localOfficeJs && url.startsWith('/office-js/')) {
          const file = join(OFFICE_JS_PACKAGE, url.slice('/office-js/'.length));
          if (file.startsWith(OFFICE_JS_PACKAGE) && existsSync(file)) {
            res.end(readFileSync(file));
            return;
          }
        }
        next();
      });
    },
    closeBundle() {
      if (existsSync(join(DIST, 'index.html')))
        renameSync(join(DIST, 'index.html'), join(DIST, 'taskpane.html'));
      mkdirSync(join(DIST, 'assets'), { recursive: true });
      for (const f of readdirSync(ICONS).filter((n) => /^icon-\d+\.png$/.test(n))) {
        copyFileSync(join(ICONS, f), join(DIST, 'assets', f));
      }
      if (localOfficeJs) cpSync(OFFICE_JS_PACKAGE, join(DIST, 'office-js'), { recursive: true });
    },
  };
}

const TRADITIONAL = resolve(PANE, 'traditional.ts');

/**
 * src/core/text.ts imports opencc-js/t2cn; in the pane that import gets src/taskpane/traditional.ts,
 * whose converter fetches the dictionary only for a workbook in traditional characters. Its own
 * import of opencc-js/t2cn is the real one, a chunk of its own.
 */
export function openccOnDemand(): Plugin {
  return {
    name: 'rubric-scorer-opencc-on-demand',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id !== 'opencc-js/t2cn' || !importer) return null;
      return importer.split('?')[0] === TRADITIONAL ? null : TRADITIONAL;
    },
  };
}

/**
 * React as preact/compat in the pane's build: the same components at a fraction of react-dom's size
 * on the first load. Fluent UI v9 needs React 18's hooks (useId, useSyncExternalStore,
 * useInsertionEffect), which preact/compat has. The tests render with React itself; the e2e tests
 * drive this build.
 */
export const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^scheduler$/, replacement: 'preact/compat/scheduler' },
];

/** The dev certificate, or none (then the server is plain http and Office will not load it). */
async function devHttps(): Promise<ServerOptions['https']> {
  try {
    const certs = await import('office-addin-dev-certs');
    const { ca, cert, key } = await certs.getHttpsServerOptions();
    return { ca, cert, key };
  } catch (e) {
    console.warn(
      `office-addin-dev-certs unavailable, serving http: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
}

export default defineConfig(async ({ command }): Promise<UserConfig> => {
  const source = officeJsSource(process.env.OFFICE_JS);
  const https = command === 'serve' ? await devHttps() : undefined;
  return {
    root: PANE,
    base: './',
    publicDir: false,
    plugins: [react(), openccOnDemand(), addinShell(source)],
    resolve: { alias: PREACT_ALIASES },
    build: {
      outDir: DIST,
      emptyOutDir: true,
      target: 'es2020',
      rollupOptions: { input: resolve(PANE, 'index.html') },
    },
    server: {
      port: 3000,
      strictPort: true,
      ...(https ? { https } : {}),
    },
  };
});
