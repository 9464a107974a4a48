/**
 * Self time by function from a .cpuprofile (node --cpu-prof):
 *   npx tsx bench/profile-top.ts <file.cpuprofile> [count]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: profile-top <file.cpuprofile> [count]');
  process.exit(2);
}
const count = Number(process.argv[3] ?? 15);
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
prof.samples.forEach((id, i) => {
  const n = byId.get(id);
  if (!n) return;
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
});
const total = (prof.endTime - prof.startTime) / 1000;
console.log(`total ${total.toFixed(0)} ms`);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count))
  console.log(`${ms.toFixed(1).padStart(9)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);

// Inclusive time of the functions named after the count (e.g. detectWorkbook scoreSheet rulesFor).
// --lines among them: the hottest source lines as well (needs a bundled run, see core-profile.ts).
const named = process.argv.slice(4).filter((a) => a !== '--lines');
if (process.argv.slice(4).includes('--lines')) {
  const ticks = new Map<string, number>();
  let all = 0;
  for (const n of prof.nodes as (Node & { positionTicks?: { line: number; ticks: number }[] })[])
    for (const pt of n.positionTicks ?? []) {
      const key = `${n.callFrame.url}\t${pt.line}\t${n.callFrame.functionName || '(anonymous)'}`;
      ticks.set(key, (ticks.get(key) ?? 0) + pt.ticks);
      all += pt.ticks;
    }
  const sources = new Map<string, string[]>();
  const lineOf = (url: string, line: number): string => {
    if (!url.startsWith('file://')) return '';
    if (!sources.has(url)) {
      try {
        sources.set(url, readFileSync(new URL(url), 'utf8').split('\n'));
      } catch {
        sources.set(url, []);
      }
    }
    return (sources.get(url)![line - 1] ?? '').trim().slice(0, 100);
  };
  console.log(`hot lines (share of ${all} ticks):`);
  for (const [key, t] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    const [url, line, fn] = key.split('\t') as [string, string, string];
    console.log(`${((100 * t) / all).toFixed(1).padStart(5)}%  ${fn}:${line}  ${lineOf(url, Number(line))}`);
  }
}
if (named.length > 0) {
  const parent = new Map<number, number>();
  for (const n of prof.nodes as (Node & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  prof.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) {
      const f = byId.get(k)?.callFrame.functionName ?? '';
      if (named.includes(f) && !seen.has(f)) {
        seen.add(f);
        incl.set(f, (incl.get(f) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
      }
    }
  });
  console.log('inclusive:');
  for (const f of named) console.log(`${(incl.get(f) ?? 0).toFixed(1).padStart(9)} ms  ${f}`);
}
