/**
 * Which unit an input is: its name from the file (or sheet), the same unit handed in twice, and the
 * office's roster of units expected (名单) with the names that match none of them.
 *
 * Names are compared after normalisation (full-width → half-width, traditional → simplified, spaces
 * dropped) and after the marks a copy picks up: 新华社区(1).xlsx, 新华社区 - 副本.xlsx, Copy of 新华社区.
 * Close matches (新华社区 vs 新华社区居委会, one character off) are suggested, never taken silently.
 */
import type { CellValue } from '../grid';
import { norm } from '../text';

const COPY_SUFFIX = [
  /\(\d+\)$/, // 新华社区(1)
  /[-_]?副本\d*$/, // 新华社区 - 副本, 新华社区副本2
  /[-_]?copy\d*$/i, // 新华社区 - Copy
  /的副本$/,
];
const COPY_PREFIX = [/^copyof/i, /^副本[-_]?/, /^复件[-_]?/];

/** A name as compared: normalised, without spaces and without the marks of a copy. */
export function unitKey(name: string): string {
  let k = norm(name).replace(/\s+/g, '').toLowerCase();
  for (let changed = true; changed && k.length > 0; ) {
    changed = false;
    for (const re of [...COPY_SUFFIX, ...COPY_PREFIX]) {
      const next = k.replace(re, '');
      if (next !== k && next.length > 0) {
        k = next;
        changed = true;
      }
    }
  }
  return k;
}

/** Whether the name carries a copy's mark (so the unmarked one is kept when both are the same). */
export function looksLikeCopy(name: string): boolean {
  return unitKey(name) !== norm(name).replace(/\s+/g, '').toLowerCase();
}

/**
 * Of identical copies, the one to keep: the one whose name carries no copy's mark, then the least
 * `depth` (the shallowest folder), then the first.
 */
export function preferredCopy<T>(items: readonly T[], name: (t: T) => string, depth: (t: T) => number): T {
  const [best] = [...items].sort(
    (a, b) => Number(looksLikeCopy(name(a))) - Number(looksLikeCopy(name(b))) || depth(a) - depth(b),
  );
  if (best === undefined) throw new RangeError('preferredCopy needs at least one item');
  return best;
}

/** The file's name without folders and extension. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm|xls)$/i, '');
}

function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * How alike two keys are, 0–1: 1 equal; 0.9 when one contains the other (新华社区 / 新华社区居委会);
 * else 1 − edit distance / length. Below 0.6 is not a close match.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const shorter = Math.min([...a].length, [...b].length);
  if (shorter >= 2 && (a.includes(b) || b.includes(a))) return 0.9;
  return 1 - levenshtein(a, b) / Math.max([...a].length, [...b].length);
}

export const CLOSE_MATCH = 0.6;

/** The roster names closest to a name, best first (at most three), for a suggestion. */
export function closeMatches(name: string, roster: readonly string[]): string[] {
  const k = unitKey(name);
  return roster
    .map((r) => ({ r, s: similarity(k, unitKey(r)) }))
    .filter((x) => x.s >= CLOSE_MATCH && x.s < 1)
    .sort((p, q) => q.s - p.s)
    .slice(0, 3)
    .map((x) => x.r);
}

/** The roster name a unit is, by any of its names (file stem, sheet name), or null. */
export function rosterMatch(names: readonly string[], roster: readonly string[]): string | null {
  for (const n of names) {
    const k = unitKey(n);
    const hit = roster.find((r) => unitKey(r) === k);
    if (hit !== undefined) return hit;
  }
  return null;
}

const ROSTER_HEADER =
  /^(序号|编号|no\.?|单位|单位名称|名称|参评单位|被考核单位|考核单位|考核对象|unit|units|name)$/i;

/**
 * The unit names of a roster: a one-column list (a text file's lines, a sheet's cells). With several
 * columns (序号 | 单位名称 …) the column with the most names is taken; a header word heading it
 * (单位名称, 参评单位 …) and numbers are left out, and each name is kept once.
 * @example rosterNames([['单位名称'], ['东风社区'], ['新华社区']]) // ['东风社区', '新华社区']
 */
export function rosterNames(rows: readonly (readonly CellValue[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let best: string[] = [];
  for (let c = 0; c < width; c++) {
    const names: string[] = [];
    for (const r of rows) {
      const v = r[c];
      if (typeof v !== 'string') continue;
      const t = v.trim();
      if (t === '' || /^\d+([.、]\d*)?$/.test(t) || ROSTER_HEADER.test(norm(t).replace(/\s+/g, ''))) continue;
      if (!names.some((n) => unitKey(n) === unitKey(t))) names.push(t);
    }
    if (names.length > best.length) best = names;
  }
  return best;
}

/** Lines of a text roster (UTF-8, a BOM, CR/LF, comma or tab separated columns) as rows. */
export function rosterRowsFromText(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.split(/[,\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
}
