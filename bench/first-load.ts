/**
 * What the pane's first load carries: builds the add-in with vite.config.ts into a temporary
 * folder, prints the gzip size of what the page fetches before anything runs (firstLoadFiles) and
 * of everything the build emits, and, per first-load chunk, the largest packages and modules in it
 * (rollup's rendered length, before minification's last pass and gzip: a ranking, not a size).
 * Run: npx tsx bench/first-load.ts [--modules]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { buildAddinInto, filesUnder, firstLoadFiles } from './page-load';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** The package a module id belongs to (its node_modules name), or the project path. */
function owner(id: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  return m ? m[1]! : relative(process.cwd(), id.replace(/\?.*$/, ''));
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'rubric-first-load-'));
  const chunks = new Map<string, Map<string, number>>();
  const recorder: Plugin = {
    name: 'first-load-recorder',
    generateBundle(_, bundle) {
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        const sizes = new Map<string, number>();
        for (const [id, mod] of Object.entries(out.modules)) sizes.set(id, mod.renderedLength);
        chunks.set(file, sizes);
      }
    },
  };
  try {
    await buildAddinInto(outDir, [recorder]);
    const first = firstLoadFiles(outDir);
    let firstGzip = 0;
    let totalGzip = 0;
    const rows: string[] = [];
    for (const p of filesUnder(outDir)) {
      const name = relative(outDir, p);
      const gz = gzipSync(readFileSync(p), { level: 9 }).length;
      totalGzip += gz;
      if (first.has(name)) firstGzip += gz;
      rows.push(`${first.has(name) ? 'first ' : 'later '} ${kib(gz).padStart(10)}  ${name}`);
    }
    console.log(rows.sort().join('\n'));
    console.log(`first load: ${kib(firstGzip)} gzip; all files: ${kib(totalGzip)} gzip`);
    const showModules = process.argv.includes('--modules');
    for (const [file, sizes] of chunks) {
      if (!first.has(file)) continue;
      const byOwner = new Map<string, number>();
      for (const [id, n] of sizes) byOwner.set(owner(id), (byOwner.get(owner(id)) ?? 0) + n);
      const top = [...(showModules ? sizes : byOwner)].sort((a, b) => b[1] - a[1]).slice(0, 40);
      console.log(`\n${file} (rendered, largest first):`);
      for (const [k, n] of top) console.log(`  ${kib(n).padStart(10)}  ${showModules ? owner(k) : k}`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
