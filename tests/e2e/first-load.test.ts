/**
 * What the pane fetches before anything runs (bench/page-load.ts firstLoadFiles) leaves out the
 * traditional → simplified dictionary and every step but 识别: they are fetched on demand.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildAddinInto, filesUnder, firstLoadFiles } from '../../bench/page-load';

let outDir: string;
let first: Set<string>;
let later: string[];
const read = (name: string) => readFileSync(join(outDir, name), 'utf8');
/** An entry of opencc-js's traditional → simplified character table. */
const DICTIONARY_ENTRY = '㑯 㑔|㑳 㑇';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rubric-first-load-'));
  await buildAddinInto(outDir);
  first = firstLoadFiles(outDir);
  later = filesUnder(outDir)
    .map((p) => relative(outDir, p))
    .filter((n) => n.endsWith('.js') && !first.has(n));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the pane first load', () => {
  it('is the page, its scripts and their static imports, with 识别 in it', () => {
    expect([...first].some((n) => n.endsWith('.html'))).toBe(true);
    expect(
      [...first]
        .filter((n) => n.endsWith('.js'))
        .map(read)
        .join('\n'),
    ).toContain('表格结构');
  });

  it('leaves out the traditional → simplified dictionary, which a later chunk carries', () => {
    for (const n of first) expect(read(n)).not.toContain(DICTIONARY_ENTRY);
    expect(later.filter((n) => read(n).includes(DICTIONARY_ENTRY))).toHaveLength(1);
  });

  it('leaves out every step but 识别', () => {
    for (const step of ['RulesStep', 'ScoreStep', 'CheckStep', 'WriteStep', 'SummaryStep']) {
      expect([...first].filter((n) => n.includes(step))).toEqual([]);
      expect(later.filter((n) => n.includes(step))).toHaveLength(1);
    }
  });

  it('stays within its budget: 220 KiB gzip (207 KiB with React as preact/compat, 264 KiB with react-dom)', () => {
    const gzip = [...first].reduce(
      (n, f) => n + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length,
      0,
    );
    expect(gzip / 1024).toBeLessThan(220);
  });
});
