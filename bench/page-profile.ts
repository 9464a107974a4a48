/**
 * Where the playground's load to an interactive pane spends its time: one load in Chromium (CPU
 * slowed down as DevTools does, 4× unless told) under the DevTools protocol's CPU profiler, then
 * self time by script file and by function, largest first.
 *   npx tsx bench/page-profile.ts [slowdown] [count]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const slowdown = Number(process.argv[2] ?? 4);
const count = Number(process.argv[3] ?? 25);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const outDir = mkdtempSync(join(tmpdir(), 'rubric-page-profile-'));
const profileDir = mkdtempSync(join(tmpdir(), 'rubric-page-profile-chromium-'));
try {
  const configFile = join(ROOT, 'vite.playground.config.ts');
  // Not minified, so that the functions keep their names (the times are a little longer for it).
  await build({ configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true, minify: false } });
  const server = await preview({
    configFile,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(server.resolvedUrls!.local[0]!);
    const ms = await page.waitForFunction(
      () => document.querySelector('[data-testid="task-pane"] [role="tree"]') !== null && performance.now(),
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`interactive at ${Number(await ms.jsonValue()).toFixed(0)} ms (${slowdown}× slowdown)`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const byFile = new Map<string, number>();
    const byFn = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)?.callFrame;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const file = f?.url ? f.url.replace(/^.*\//, '') : `(${f?.functionName || 'native'})`;
      byFile.set(file, (byFile.get(file) ?? 0) + ms);
      const fn = `${f?.functionName || '(anonymous)'} ${file}:${(f?.lineNumber ?? 0) + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    });
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms  ${k}`)
        .join('\n');
    console.log(`by file (self time; slowed down ${slowdown}×):\n${top(byFile)}`);
    console.log(`by function:\n${top(byFn)}`);
  } finally {
    await context.close();
    await server.close();
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}
