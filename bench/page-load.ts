/**
 * Two figures for bench/run.ts: the add-in's production bundle (built with vite.config.ts into a
 * temporary folder, gzip size per file) and the time from navigation start to an interactive task
 * pane in the playground, in Debian's Chromium over a production build of the playground.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, loadConfigFromFile, type PluginOption, preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The add-in config's plugin that renames pages and copies icons into dist/: not wanted in a temp build. */
const SHELL_PLUGIN = 'rubric-scorer-addin-shell';

export interface BundleFile {
  name: string;
  bytes: number;
  gzipBytes: number;
}

function withoutShell(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat(Number.POSITIVE_INFINITY as 1).filter((p) => {
    const name = p && typeof p === 'object' && 'name' in p ? p.name : undefined;
    return name !== SHELL_PLUGIN;
  });
}

/**
 * Builds the task pane with the add-in's own vite.config.ts into `outDir`, leaving out only the
 * plugin that writes icons and renames pages in dist/ (so nothing outside `outDir` is touched);
 * `extraPlugins` are added (a recorder of what each chunk holds, say).
 * @throws Error when vite.config.ts is missing or the build fails.
 */
export async function buildAddinInto(outDir: string, extraPlugins: PluginOption[] = []): Promise<void> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(ROOT, 'vite.config.ts'),
    ROOT,
    'silent',
  );
  if (!loaded) throw new Error('vite.config.ts not found');
  await build({
    ...loaded.config,
    configFile: false,
    logLevel: 'silent',
    // What ships, wherever this runs: under the tests NODE_ENV is "test", which would otherwise
    // keep the packages' development code (their warnings and checks) in the build.
    define: { ...loaded.config.define, 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [...withoutShell(loaded.config.plugins), ...extraPlugins],
    build: { ...loaded.config.build, outDir, emptyOutDir: true },
  });
}

/** Every file under a folder, as paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * What the pane's first load fetches: each HTML page, the scripts and styles it names, and the
 * modules those import statically (`import … from "./chunk.js"`), but not what is loaded on demand
 * (`import("./chunk.js")`). Paths relative to `outDir`.
 */
export function firstLoadFiles(outDir: string): Set<string> {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const name = rel.replace(/^\.?\//, '');
    if (seen.has(name)) return;
    const path = join(outDir, name);
    if (!existsSync(path)) return;
    seen.add(name);
    const text = readFileSync(path, 'utf8');
    const dir = dirname(name);
    const refs = name.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
      : name.endsWith('.js')
        ? [...text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map(
            (m) => m[1]!,
          )
        : [];
    for (const r of refs) {
      if (/^[a-z]+:/i.test(r)) continue; // office.js from a CDN is not the bundle's
      visit(r.startsWith('/') ? r.slice(1) : join(name.endsWith('.html') ? dirname(name) : dir, r));
    }
  };
  for (const f of filesUnder(outDir)) if (f.endsWith('.html')) visit(relative(outDir, f));
  return seen;
}

/**
 * The add-in's production bundle (office.js stays on Microsoft's CDN, so it is not counted):
 * every file the build emits, with its size and gzip size, largest first.
 */
export async function measureBundle(): Promise<{
  files: BundleFile[];
  totalGzip: number;
  firstLoadGzip: number;
}> {
  const outDir = mkdtempSync(join(tmpdir(), 'rubric-bundle-'));
  try {
    await buildAddinInto(outDir);
    const first = firstLoadFiles(outDir);
    const files = filesUnder(outDir)
      .map((p) => {
        const data = readFileSync(p);
        return {
          name: relative(outDir, p),
          bytes: data.length,
          gzipBytes: gzipSync(data, { level: 9 }).length,
        };
      })
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      files,
      totalGzip: files.reduce((n, f) => n + f.gzipBytes, 0),
      firstLoadGzip: files.filter((f) => first.has(f.name)).reduce((n, f) => n + f.gzipBytes, 0),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Builds the playground, serves it with `vite preview` on localhost and loads it in Chromium with a
 * fresh profile three times; the figure is the median time from navigation start until the 识别
 * tree of the sample is on screen (the pane has read, analysed and rendered the workbook).
 */
export async function measurePageLoad(cpuSlowdown = 1): Promise<{ msToInteractive: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'rubric-playground-'));
  const profiles: string[] = [];
  try {
    const configFile = join(ROOT, 'vite.playground.config.ts');
    await build({ configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      configFile,
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('preview server has no local URL');
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const profile = mkdtempSync(join(tmpdir(), 'rubric-bench-profile-'));
        profiles.push(profile);
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM,
          headless: true,
          args: CHROMIUM_ARGS,
          viewport: { width: 1280, height: 800 },
        });
        try {
          const page = context.pages()[0] ?? (await context.newPage());
          if (cpuSlowdown > 1) {
            // Chrome DevTools protocol's CPU throttling, as DevTools' "4× slowdown".
            const cdp = await context.newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
          }
          await page.goto(url);
          // Measured inside the page, so the figure is from navigation start, not from when Node asked.
          const ms = await page.waitForFunction(
            () =>
              document.querySelector('[data-testid="task-pane"] [role="tree"]') !== null && performance.now(),
            undefined,
            { polling: 'raf', timeout: 60_000 },
          );
          runs.push(Number(await ms.jsonValue()));
        } finally {
          await context.close();
        }
      }
      runs.sort((a, b) => a - b);
      return { msToInteractive: runs[1] ?? runs[0] ?? Number.NaN };
    } finally {
      await server.close();
    }
  } finally {
    for (const p of [outDir, ...profiles]) rmSync(p, { recursive: true, force: true });
  }
}
