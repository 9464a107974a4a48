/**
 * End-to-end harness: the playground's Vite dev server on a free localhost port and Debian's
 * Chromium driven by playwright-core (never a downloaded browser), with a fresh profile each run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const VIEWPORT = { width: 1280, height: 800 };

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Playground {
  url: string;
  close(): Promise<void>;
}

/** Starts the playground (vite.playground.config.ts) on localhost; `samplesDir` replaces samples/. */
export async function startPlayground(samplesDir?: string): Promise<Playground> {
  if (samplesDir) process.env.PLAYGROUND_SAMPLES = samplesDir;
  const port = await freePort();
  let server: ViteDevServer;
  try {
    server = await createServer({
      configFile: join(ROOT, 'vite.playground.config.ts'),
      logLevel: 'error',
      server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
    });
  } finally {
    if (samplesDir) delete process.env.PLAYGROUND_SAMPLES;
  }
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a throwaway profile and a 1280×800 page; page errors are collected in `errors`. */
export async function launchBrowser(errors: string[] = []): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'rubric-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
