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
const named = process.argv.slice(4);
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
