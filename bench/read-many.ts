/**
 * The streaming reader on a folder of workbooks in one process (the CLI's `check` reads them one
 * after another), for A/B runs and CPU profiles of the reader alone:
 *   npx tsx bench/read-many.ts <folder> [rounds] [--files]
 * Prints the median time of a round (every file read once) and its CPU time. With --files each
 * workbook is read from its file as the CLI reads it (src/adapters/xlsx/read.ts, with Node's
 * inflater), else from bytes in memory (fflate's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readXlsxWorkbook } from '../src/adapters/xlsx/read';
import { readXlsxStream } from '../src/adapters/xlsx/reader';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: read-many <folder> [rounds] [--files]');
  process.exit(2);
}
const fromFiles = process.argv.includes('--files');
const rounds = Number(process.argv.slice(3).find((a) => !a.startsWith('--')) ?? 9);
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.xlsx'))
  .map((n) => ({ name: n, path: join(dir, n), bytes: readFileSync(join(dir, n)) }));
const round = async () => {
  let cells = 0;
  for (const f of files) {
    const wb = fromFiles ? await readXlsxWorkbook(f.path) : readXlsxStream(f.bytes, f.name);
    for (const s of wb.grid.sheets) cells += s.values.length;
  }
  return cells;
};
await round(); // warm-up
const ts: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  await round();
  ts.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpu0);
ts.sort((a, b) => a - b);
console.log(
  `read: ${files.length} workbooks, median ${ts[Math.floor(ts.length / 2)]!.toFixed(1)} ms a round, min ${ts[0]!.toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000 / rounds).toFixed(1)} ms a round (${rounds} rounds, ${fromFiles ? 'from files' : 'from bytes'})`,
);
