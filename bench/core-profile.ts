/**
 * The core's benchmark case (100 sheets × 60 items) run in a loop, for a CPU profile:
 *   npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/core-profile.ts [runs]
 * then summarise self time by function with bench/profile-top.ts.
 * Without --cpu-prof it prints the median time of the runs.
 * Run through tsx, every function sits on line 1 of its file; for source lines (profile-top's --lines),
 * profile a bundle instead:
 *   npx esbuild bench/core-profile.ts --bundle --platform=node --format=esm --outfile=/tmp/core.mjs
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/core.mjs 40
 *   npx tsx bench/profile-top.ts /tmp/prof/<file>.cpuprofile 30 --lines
 */
import { performance } from 'node:perf_hooks';
import { analyzeWorkbook } from '../src/core';
import { benchWorkbook } from './fixtures';

const runs = Number(process.argv[2] ?? 20);
const wb = benchWorkbook(100, 60);
analyzeWorkbook(wb); // warm-up
const ts: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  analyzeWorkbook(wb);
  ts.push(performance.now() - t);
}
ts.sort((a, b) => a - b);
console.log(
  `core: analyzeWorkbook, 100 sheets × 60 items: median ${ts[Math.floor(ts.length / 2)]!.toFixed(1)} ms, min ${ts[0]!.toFixed(1)} ms (${runs} runs)`,
);
