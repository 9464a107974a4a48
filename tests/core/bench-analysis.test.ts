/**
 * The benchmark's workbook (bench/fixtures, 100 sheets × 60 items) read the same however fast the
 * reading gets: the detection is byte for byte what it was before the caches and the narrowed scans
 * (digest of its JSON, recorded from the code before them), what the sheets hold comes back item by
 * item, and a second analysis, served from the caches, equals the first.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { benchWorkbook } from '../../bench/fixtures';
import { analyzeWorkbook } from '../../src/core/analyze';
import { detectWorkbook } from '../../src/core/detect';

const digest = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** Digests of detectWorkbook(benchWorkbook(…)) as the detector read them before it was made faster. */
const DETECTION_BEFORE = {
  '100x60': 'd66276a3f634f3c16c72350c283cd2bda9e1ae751e6b4772a6cb027f67f62e8c',
  '7x13': '6c457f8c8bb814399608af2e0da33bedbaa6ff435a42aa12c58a12903fc33f12',
};

describe('the benchmark workbook', () => {
  const wb = benchWorkbook(100, 60);

  it('is detected exactly as before', () => {
    expect(digest(detectWorkbook(wb))).toBe(DETECTION_BEFORE['100x60']);
    expect(digest(detectWorkbook(benchWorkbook(7, 13)))).toBe(DETECTION_BEFORE['7x13']);
  });

  it('gives each sheet its 60 items, their points, criteria and deductions, and a score within what they allow', () => {
    const report = analyzeWorkbook(wb);
    expect(report.sheets).toHaveLength(100);
    report.sheets.forEach((s, k) => {
      const body = wb.sheets[k]!.values.slice(2, 62);
      const a = s.analysis;
      expect(s.skipped, s.sheet).toBeNull();
      if (!a) return;
      expect(a.table.items.map((i) => i.points)).toEqual(body.map((v) => v[3]));
      expect(a.table.items.map((i) => i.criteria)).toEqual(body.map((v) => v[4]));
      expect(a.table.items.map((i) => i.requirement)).toEqual(body.map((v) => v[2]));
      // Ten sections, each a 考核项目 and a 考核内容 merged down its six rows.
      expect(a.table.groups).toHaveLength(20);
      expect(a.table.declaredTotal).toBe(100);
      expect(a.entries.map((e) => e.deduction?.value ?? null)).toEqual(body.map((v) => v[6]));
      const points = body.reduce((n, v) => n + (v[3] as number), 0);
      const deducted = body.reduce((n, v) => n + ((v[6] as number | null) ?? 0), 0);
      expect(a.score.max).toBe(points);
      // A deduction larger than its item's points is held to them (扣完为止), so the total lies between.
      expect(a.score.total).toBeGreaterThanOrEqual(points - deducted);
      expect(a.score.total).toBeLessThanOrEqual(points - (deducted > 0 ? 0.5 : 0));
    });
  });

  it('reads the same from the caches as the first time', () => {
    const first = JSON.stringify(analyzeWorkbook(structuredClone(wb)));
    const again = JSON.stringify(analyzeWorkbook(wb));
    expect(again).toBe(first);
  });
});
