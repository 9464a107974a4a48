/**
 * The streaming reader on a folder of workbooks in one process (the CLI's `check` reads them one
 * after another), for A/B runs and CPU profiles of the reader alone:
 *   npx tsx bench/read-many.ts <folder> [rounds]
 * Prints the median time of a round (every file read once) and its CPU time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readXlsxStream } from '../src/adapters/xlsx/reader';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: read-many <folder> [rounds]');
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 9);
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.xlsx'))
  .map((n) => ({ name: n, bytes: readFileSync(join(dir, n)) }));
const round = () => {
  let cells = 0;
  for (const f of files)
    for (const s of readXlsxStream(f.bytes, f.name).grid.sheets) cells += s.values.length;
  return cells;
};
round(); // warm-up
const ts: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  round();
  ts.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpu0);
ts.sort((a, b) => a - b);
console.log(
  `read: ${files.length} workbooks, median ${ts[Math.floor(ts.length / 2)]!.toFixed(1)} ms a round, min ${ts[0]!.toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000 / rounds).toFixed(1)} ms a round (${rounds} rounds)`,
);
