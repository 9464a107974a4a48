// @vitest-environment jsdom
import './jsdom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WriteOp } from '../../src/core/plan';
import { App } from '../../src/taskpane/App';
import { coreEngine, type Engine, type PlanOptions } from '../../src/taskpane/components/engine';
import { PREVIEW_PAGE_SIZE } from '../../src/taskpane/state/flow';
import { cleanRubric, stubHost } from './stub-host';

afterEach(cleanup);

/** The core engine with the plan replaced, to drive the write step through conflicts and long plans. */
function withPlan(
  ops: (o: PlanOptions) => WriteOp[],
  conflictCells: string[],
): Engine & { calls: PlanOptions[] } {
  const calls: PlanOptions[] = [];
  return {
    ...coreEngine,
    calls,
    plan: (_wb, _report, o) => {
      calls.push(o);
      const conflicts = conflictCells
        .filter((c) => !o.overwrite.includes(`一村!${c}`))
        .map((cell) => ({
          sheet: '一村',
          cell,
          existing: '4',
          planned: `=C${cell.slice(1)}-E${cell.slice(1)}`,
        }));
      return { ops: ops(o), owned: [], conflicts };
    },
  };
}

const formulas = (n: number): WriteOp[] =>
  Array.from({ length: n }, (_, i) => ({
    op: 'formula',
    sheet: '一村',
    cell: `F${i + 3}`,
    formula: `=C${i + 3}-E${i + 3}`,
  }));

async function openWrite(host: ReturnType<typeof stubHost>, engine: Engine) {
  render(<App host={host} engine={engine} />);
  fireEvent.click(await screen.findByRole('tab', { name: '写入' }));
  await screen.findByRole('table');
}

describe('write step with conflicts and long plans', () => {
  it('lists conflicts with what is there and what would be written; confirmed cells are passed as overwrites', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    const engine = withPlan(() => formulas(3), ['F3', 'F4']);
    await openWrite(host, engine);
    // The cells are listed under their sheet, one box each.
    const LIST = '替换“一村”中已有的内容（2 个）';
    const list = screen.getByRole('list', { name: LIST });
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(list.textContent).toContain('一村!F3：现为“4”，写入后为“公式计算的结果”');
    fireEvent.click(boxes[1]!);
    await waitFor(() => expect(engine.calls.at(-1)?.overwrite).toEqual(['一村!F4']));
    // The list stays (it comes from the plan without overwrites), with the confirmed cell ticked.
    const again = within(screen.getByRole('list', { name: LIST })).getAllByRole(
      'checkbox',
    ) as HTMLInputElement[];
    expect(again.map((b) => b.checked)).toEqual([false, true]);
    fireEvent.click(screen.getByRole('checkbox', { name: '全部覆盖' }));
    await waitFor(() => expect(engine.calls.at(-1)?.overwrite).toEqual(['一村!F3', '一村!F4']));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    const done = (await screen.findByText('写入完成。')).closest('[role="status"]') as HTMLElement;
    expect(done.getAttribute('data-ops')).toBe('3');
    expect(host.plans).toHaveLength(1);
  });

  it('pages a long preview and passes the write options to the plan', async () => {
    const host = stubHost({ sheets: [cleanRubric('一村'), cleanRubric('二村')] });
    const n = PREVIEW_PAGE_SIZE * 2 + 5;
    const engine = withPlan(() => formulas(n), []);
    await openWrite(host, engine);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(PREVIEW_PAGE_SIZE + 1);
    expect(screen.getByText('第 1 / 3 页')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByText('第 3 / 3 页')).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(5 + 1);
    expect(screen.getByRole('table').textContent).toContain(`一村!F${n + 2}`);

    expect(engine.calls.at(-1)).toMatchObject({ entryColumns: false, sheets: ['一村', '二村'] });
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByRole('checkbox', { name: '二村' }));
    await waitFor(() => expect(engine.calls.at(-1)).toMatchObject({ entryColumns: true, sheets: ['一村'] }));
  });

  it('shows the progress bar while the host reports progress', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    let release: () => void = () => {};
    host.applyPlan = (plan, onProgress) =>
      new Promise((resolve) => {
        onProgress?.(1, plan.ops.length);
        release = () => resolve({ syncs: 3, skipped: [{ feature: 'notes', op: 'note', count: 2 }] });
      });
    await openWrite(
      host,
      withPlan(() => formulas(4), []),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0.25');
    expect(screen.getByText('正在写入… 1 / 4')).toBeTruthy();
    await act(async () => {
      release();
    });
    const done = (await screen.findByText('写入完成。')).closest('[role="status"]') as HTMLElement;
    expect([done.getAttribute('data-ops'), done.getAttribute('data-syncs')]).toEqual(['4', '3']);
    expect(screen.getByText('此 Excel 版本不支持批注，已跳过 2 项。')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('rules the parser could not read', () => {
  it('are marked and ask for a decision; choosing one makes a draft to save', async () => {
    const engine: Engine = {
      ...coreEngine,
      analyze: (wb) => {
        const report = coreEngine.analyze(wb);
        const a = report.sheets[0]?.analysis;
        const item = a?.table.items[1];
        const rule = item ? a?.rules[item.id] : undefined;
        if (rule) rule.unread = [{ start: 0, end: 4 }];
        return report;
      },
    };
    const host = stubHost({ sheets: [cleanRubric()] });
    render(<App host={host} engine={engine} />);
    fireEvent.click(await screen.findByRole('tab', { name: '规则' }));
    const card = screen.getByRole('group', { name: /信息报送/ });
    expect(within(card).getByText('未能识别')).toBeTruthy();
    expect(within(card).getByText('每少报送').tagName).toBe('MARK');
    expect(screen.getAllByText('未能识别')).toHaveLength(1);
    fireEvent.click(within(card).getByRole('button', { name: '酌情扣分' }));
    // The card moves out of the items that need a decision: find it again.
    const decided = screen.getByRole('group', { name: /信息报送/ });
    expect(within(decided).queryByText('未能识别')).toBeNull();
    expect(within(decided).getByText('未保存')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存规则（1 项）' }));
    });
    await screen.findByText('规则已保存在工作簿中。');
    const json = host.plans[0]!.ops.flatMap((o) =>
      o.op === 'value' && o.cell !== 'A1' ? [String(o.value)] : [],
    ).join('');
    expect(JSON.parse(json).overrides[0].terms).toEqual([expect.objectContaining({ kind: 'discretion' })]);
  });
});

describe('a step that fails while rendering', () => {
  it('shows the failure in the pane instead of going blank; other steps still work', async () => {
    const engine: Engine = {
      ...coreEngine,
      explain: () => {
        throw new RangeError('explain failed');
      },
    };
    render(<App host={stubHost({ sheets: [cleanRubric()] })} engine={engine} />);
    fireEvent.click(await screen.findByRole('tab', { name: '规则' }));
    const shown = (await screen.findByRole('alert')).textContent;
    expect(shown).toContain('出现意外错误');
    expect(shown).toContain('重新读取');
    expect(shown).not.toContain('explain failed');
    fireEvent.click(screen.getByRole('tab', { name: '识别' }));
    expect(screen.getByRole('tree')).toBeTruthy();
  });
});
