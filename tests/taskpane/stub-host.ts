/** An in-memory Host for task pane tests: serves a WorkbookGrid built in code and records every call. */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/plan';
import type { Host, HostFeature, HostRead, HostWrite } from '../../src/host/types';
import { GridBuilder } from '../helpers/grid';

export interface StubHost extends Host {
  workbook: WorkbookGrid;
  reads: number;
  plans: WritePlan[];
  selected: { sheet: string; cell: string }[];
  /** When set, the next readWorkbook / applyPlan rejects with it. */
  failRead: unknown;
  failWrite: unknown;
}

export function stubHost(
  workbook: WorkbookGrid,
  opts: { lang?: string; features?: HostFeature[] } = {},
): StubHost {
  const host: StubHost = {
    workbook,
    reads: 0,
    plans: [],
    selected: [],
    failRead: null,
    failWrite: null,
    async readWorkbook(): Promise<HostRead> {
      host.reads++;
      if (host.failRead) throw host.failRead;
      return { workbook: structuredClone(host.workbook), syncs: 2, mergesKnown: true };
    },
    async applyPlan(plan, onProgress): Promise<HostWrite> {
      if (host.failWrite) throw host.failWrite;
      host.plans.push(plan);
      const total = plan.ops.length;
      for (let i = 1; i <= total; i++) onProgress?.(i, total);
      return { syncs: 2, skipped: [] };
    },
    async selectCell(sheet, cell) {
      host.selected.push({ sheet, cell });
    },
    displayLanguage: () => opts.lang ?? 'zh-CN',
    supports: (f) => (opts.features ?? ['dataValidation', 'notes', 'charts', 'suspendCalc']).includes(f),
  };
  return host;
}

export interface RubricRow {
  content: string;
  points: CellValue;
  criteria: string;
  score?: CellValue;
  deduction?: CellValue;
  reason?: string;
}

/**
 * A rubric sheet in a common layout: header 考核项目 | 考核内容 | 标准分值 | 评分标准 | 扣分 | 得分 | 扣分原因
 * on row 1, group rows merged across the table, items below each group.
 */
export function rubricSheet(name: string, groups: { label: string; items: RubricRow[] }[]): SheetGrid {
  const b = new GridBuilder(name);
  b.row('A1', ['考核项目', '考核内容', '标准分值', '评分标准', '扣分', '得分', '扣分原因']);
  let r = 1;
  for (const g of groups) {
    b.mergeAt({ top: r, left: 0, bottom: r, right: 6 }, g.label);
    r++;
    for (const it of g.items) {
      b.at(r, 1, it.content).at(r, 2, it.points).at(r, 3, it.criteria);
      b.at(r, 4, it.deduction ?? null)
        .at(r, 5, it.score ?? null)
        .at(r, 6, it.reason ?? null);
      r++;
    }
  }
  return b.build();
}

/** A clean 100-point rubric: points add up, no entries yet. */
export function cleanRubric(
  name = '一村',
  entries: Partial<Record<number, Partial<RubricRow>>> = {},
): SheetGrid {
  const rows: RubricRow[] = [
    { content: '(1)会议记录', points: 5, criteria: '每缺一次会议记录扣0.5分，扣完为止。' },
    { content: '(2)信息报送', points: 5, criteria: '每少报送一篇扣1分。' },
    { content: '(1)安全生产检查', points: 90, criteria: '每发现一处隐患扣2分。' },
  ].map((row, i) => ({ ...row, ...entries[i] }));
  return rubricSheet(name, [
    { label: '一、日常工作（10分）', items: rows.slice(0, 2) },
    { label: '二、重点工作（90分）', items: rows.slice(2) },
  ]);
}
