/** Reports and plans for task pane tests, built by code. */
import type { SheetReport, WorkbookReport } from '../../src/core/analyze';
import { issue } from '../../src/core/issues';
import { emptyMeta } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import type { WriteOp, WritePlan } from '../../src/core/plan';
import { makeTable, rule, SPAN } from '../fixtures/table';

/** A rubric sheet analysed by hand: two items under one group, rules chosen by the test. */
export function analysedSheet(name: string): SheetReport {
  const { table } = makeTable(
    name,
    [{ id: 'g1', text: '日常工作', declared: 10 }],
    [
      { text: '会议记录', points: 5, criteria: '每缺一次扣0.5分', group: 'g1' },
      { text: '信息报送', points: 4, criteria: '酌情扣分', group: 'g1' },
    ],
  );
  const analysis: SheetAnalysis = {
    table,
    rules: {
      i1: rule([{ kind: 'perUnit', amount: 0.5, unit: '次', what: '缺会议记录', span: SPAN }]),
      i2: rule([]),
    },
    entries: [],
    score: { items: [], groups: [], total: 9, max: 9, vetoed: false, vetoItemIds: [] },
  };
  return {
    sheet: name,
    analysis,
    skipped: null,
    issues: [issue('pointsSumMismatch', name, 'A2', { group: '日常工作', declared: 10, sum: 9 })],
  };
}

export function report(sheets: SheetReport[]): WorkbookReport {
  return { sheets, issues: [], meta: emptyMeta() };
}

export function skippedSheet(name: string): SheetReport {
  return {
    sheet: name,
    analysis: null,
    skipped: { sheet: name, reason: 'noHeader', code: 'noHeader', nearest: null },
    issues: [],
  };
}

export function planOf(n: number, conflicts: WritePlan['conflicts'] = []): WritePlan {
  const ops: WriteOp[] = Array.from({ length: n }, (_, i) => ({
    op: 'formula',
    sheet: 'S',
    cell: `F${i + 2}`,
    formula: `=C${i + 2}-E${i + 2}`,
  }));
  return { ops, owned: ops.map((o) => `S!${(o as { cell: string }).cell}`), conflicts };
}
