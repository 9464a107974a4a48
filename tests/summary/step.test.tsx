// @vitest-environment jsdom
import '../taskpane/jsdom-setup';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkbookGrid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/plan';
import { planSummary } from '../../src/core/summary';
import { PlanNotApplicableError } from '../../src/host/errors';
import type { Host } from '../../src/host/types';
import { SummaryStep } from '../../src/taskpane/components/SummaryStep';
import { applyPlan, reportOf, type UnitSpec, workbookOf } from './harness';

afterEach(cleanup);

const SPECS: UnitSpec[] = [
  { sheet: '东风社区', deductions: [0, 1] },
  { sheet: '新华社区', deductions: [0.5] },
];

function host(fail?: Error): Host & { plans: WritePlan[] } {
  const plans: WritePlan[] = [];
  return {
    plans,
    async readWorkbook() {
      throw new Error('not used');
    },
    async applyPlan(plan, onProgress) {
      if (fail) throw fail;
      plans.push(plan);
      onProgress?.(plan.ops.length, plan.ops.length);
      return { syncs: 1, skipped: [] };
    },
    async selectCell() {},
    displayLanguage: () => 'zh-CN',
    supports: () => true,
  };
}

describe('SummaryStep', () => {
  it('lists the sheets it will create and writes the plan', async () => {
    const { wb, tables } = workbookOf(SPECS);
    const h = host();
    let applied = 0;
    render(
      <SummaryStep
        host={h}
        workbook={wb}
        report={reportOf(wb, tables)}
        lang="zh"
        onApplied={() => void applied++}
      />,
    );
    expect(screen.getByText('新建工作表“汇总”')).toBeTruthy();
    expect(screen.getByText('新建工作表“扣分明细”')).toBeTruthy();
    expect(screen.getByText('共 2 个单位')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
    await waitFor(() => expect(screen.getByText(/汇总已生成/)).toBeTruthy());
    expect(h.plans).toHaveLength(1);
    expect(h.plans[0]!.ops.filter((o) => o.op === 'addSheet').map((o) => o.sheet)).toContain('汇总');
    expect(applied).toBe(1);
  });

  it('on regenerate says what it replaces and replaces them in one write, deletions first', async () => {
    const { wb, tables } = workbookOf(SPECS);
    const once: WorkbookGrid = applyPlan(wb, planSummary(wb, reportOf(wb, tables), { lang: 'en' })).wb;
    const h = host();
    render(<SummaryStep host={h} workbook={once} report={reportOf(once, tables)} lang="en" />);
    expect(screen.getByText('Replace "Summary", generated earlier by this tool')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate summary' }));
    await waitFor(() => expect(h.plans).toHaveLength(1));
    const ops = h.plans[0]!.ops.map((o) => o.op);
    expect(ops.slice(0, 2)).toEqual(['deleteSheet', 'deleteSheet']);
    expect(ops.filter((o) => o === 'deleteSheet')).toHaveLength(2);
    expect(ops).toContain('addSheet');
  });

  it('shows why the write failed instead of swallowing it', async () => {
    const { wb, tables } = workbookOf(SPECS);
    render(
      <SummaryStep
        host={host(new PlanNotApplicableError('sheetProtected', '汇总'))}
        workbook={wb}
        report={reportOf(wb, tables)}
        lang="zh"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
    await waitFor(() => expect(screen.getByText(/生成汇总失败：工作表“汇总”受保护/)).toBeTruthy());
  });

  it('says an unforeseen failure in the catalogue’s words, not the error’s own text', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { wb, tables } = workbookOf(SPECS);
    render(
      <SummaryStep
        host={host(new TypeError('internal words'))}
        workbook={wb}
        report={reportOf(wb, tables)}
        lang="zh"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
    await waitFor(() => expect(screen.getByText(/生成汇总失败：.*重新读取/)).toBeTruthy());
    expect(document.body.textContent).not.toContain('internal words');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
