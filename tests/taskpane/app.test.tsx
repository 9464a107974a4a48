// @vitest-environment jsdom
import './jsdom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readMeta } from '../../src/core/meta';
import { ExcelTooOldError, HostError, PlanNotApplicableError } from '../../src/host/errors';
import { App } from '../../src/taskpane/App';
import { cleanRubric, rubricSheet, stubHost } from './stub-host';

afterEach(cleanup);

async function openPane(host: ReturnType<typeof stubHost>) {
  render(<App host={host} />);
  await screen.findByRole('tab', { name: host.displayLanguage().startsWith('zh') ? '识别' : 'Detect' });
  await waitFor(() => expect(screen.queryByRole('tabpanel')).not.toBeNull());
}

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('task pane: 识别', () => {
  it('shows the detected tree with declared and summed points, in Chinese by default', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    await openPane(host);
    const tree = screen.getByRole('tree', { name: '表格结构' });
    expect(within(tree).getByText(/日常工作/)).toBeTruthy();
    expect(within(tree).getByText(/会议记录/)).toBeTruthy();
    expect(within(tree).getByText('标明 10 分，合计 10 分')).toBeTruthy();
    expect(within(tree).getByText('标明 90 分，合计 90 分')).toBeTruthy();
    expect(screen.getByText('各项标准分值合计 100 分，共 3 项')).toBeTruthy();
  });

  it('flags a group whose items do not add up, with the integrity finding', async () => {
    const sheet = rubricSheet('二村', [
      {
        label: '一、日常工作（10分）',
        items: [
          { content: '(1)会议记录', points: 5, criteria: '每缺一次会议记录扣0.5分。' },
          { content: '(2)信息报送', points: 3, criteria: '每少报送一篇扣1分。' },
        ],
      },
    ]);
    await openPane(stubHost({ sheets: [sheet] }));
    expect(screen.getByText('分值不符')).toBeTruthy();
    const list = screen.getByRole('list', { name: '细则自查' });
    expect(within(list).getAllByText(/日常工作/).length).toBeGreaterThan(0);
  });

  it('offers a sheet picker when several sheets are rubrics, and lists skipped sheets with reasons', async () => {
    const notes = { name: '说明', values: [['本表由街道填写']], merges: [] };
    await openPane(stubHost({ sheets: [notes, cleanRubric('一村'), cleanRubric('二村')] }));
    const picker = screen.getByRole('combobox', { name: '评分表' }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['一村', '二村']);
    expect(screen.getByRole('list', { name: '未作为评分表读取的工作表' }).textContent).toContain('说明');
  });

  it('says what was found on a skipped sheet with a header but no points, as for one with no header', async () => {
    const sanctions = {
      name: '问责',
      values: [
        ['问责办法'],
        ['考核项目', '考核内容', '处理', '评分标准'],
        ['一、安全', '发生重大安全事故', '降职', '降职处理'],
        ['二、诚信', '弄虚作假', '降薪', '降薪处理'],
      ],
      merges: [],
    };
    const notes = { name: '说明', values: [['本表由街道填写']], merges: [] };
    await openPane(stubHost({ sheets: [sanctions, notes, cleanRubric('一村')] }));
    const list = screen.getByRole('list', { name: '未作为评分表读取的工作表' });
    const rows = within(list).getAllByRole('listitem');
    const report = analyzeWorkbook({ sheets: [sanctions, notes] });
    for (const name of ['问责', '说明']) {
      const row = rows.find((r) => r.textContent?.startsWith(name))!;
      const s = report.sheets.find((x) => x.sheet === name)!.skipped!;
      expect(s.reason).toBe(name === '问责' ? 'noItems' : 'noHeader');
      // What the detector found (the header row and what stands where points would) is shown.
      if (name === '问责')
        expect(row.textContent).toMatch(/第2行像是表头（考核项目、.*“处理”“评分标准”列写的是降职、降薪/);
      else expect(row.textContent).toContain('没有找到评分表表头');
    }
  });

  it('follows an English display language, and switches language on demand', async () => {
    await openPane(stubHost({ sheets: [cleanRubric()] }, { lang: 'en-US' }));
    expect(screen.getByRole('tree', { name: 'Table structure' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Language/ }));
    expect(screen.getByRole('tab', { name: '识别' })).toBeTruthy();
    expect(screen.getByRole('tree', { name: '表格结构' })).toBeTruthy();
  });
});

describe('task pane: 规则', () => {
  it('shows each rule in plain words beside its source and saves an edit as an override in the workbook', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    await openPane(host);
    tab('规则');
    const card = screen.getByRole('group', { name: /会议记录/ });
    expect(within(card).getByText('每缺一次会议记录扣0.5分，扣完为止。')).toBeTruthy();
    const plain = within(card).getByText('本工具的理解').nextElementSibling?.textContent ?? '';
    expect(plain).toMatch(/0\.5/);

    fireEvent.click(within(card).getByRole('button', { name: '修改' }));
    const amount = within(card).getAllByRole('spinbutton', { name: '分数' })[0]!;
    fireEvent.change(amount, { target: { value: '0.3' } });
    expect(within(card).getByText('本工具的理解').nextElementSibling?.textContent).toMatch(/0\.3/);
    expect(within(card).getByText('未保存')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存规则（1 项）' }));
    });
    await screen.findByText('规则已保存在工作簿中。');
    expect(host.plans).toHaveLength(1);
    // Apply the saved meta to the stub's workbook the way Excel would, and read it back.
    const ops = host.plans[0]!.ops;
    expect(ops.every((o) => o.sheet === 'RubricScorerData')).toBe(true);
    const values: (string | null)[][] = [];
    for (const o of ops)
      if (o.op === 'value') values[Number(o.cell.slice(1)) - 1] = [o.value as string | null];
    const meta = readMeta({ sheets: [{ name: 'RubricScorerData', values, merges: [] }] });
    expect(meta.ok && meta.meta.overrides).toEqual([
      expect.objectContaining({
        sheet: '一村',
        itemText: expect.stringContaining('会议记录'),
        terms: [expect.objectContaining({ amount: 0.3 })],
      }),
    ]);
  });

  it('changing a term kind and the cap updates the plain words', async () => {
    await openPane(stubHost({ sheets: [cleanRubric()] }));
    tab('规则');
    const card = screen.getByRole('group', { name: /安全生产/ });
    const before = within(card).getByText('本工具的理解').nextElementSibling?.textContent;
    fireEvent.click(within(card).getByRole('button', { name: '修改' }));
    fireEvent.change(within(card).getByRole('combobox', { name: '扣分上限' }), {
      target: { value: 'explicit' },
    });
    fireEvent.change(within(card).getByRole('spinbutton', { name: '上限分数' }), { target: { value: '6' } });
    const after = within(card).getByText('本工具的理解').nextElementSibling?.textContent;
    expect(after).not.toEqual(before);
    expect(after).toMatch(/6/);
    fireEvent.click(within(card).getByRole('button', { name: '添加一条' }));
    expect(within(card).getAllByRole('combobox', { name: '类型' })).toHaveLength(2);
    fireEvent.click(within(card).getAllByRole('button', { name: '删除这一条' })[1]!);
    expect(within(card).getAllByRole('combobox', { name: '类型' })).toHaveLength(1);
  });
});

describe('task pane: 检查', () => {
  it('groups issues by severity with counts, and a click selects the cell', async () => {
    const host = stubHost({ sheets: [cleanRubric('一村', { 0: { score: 6 } })] });
    await openPane(host);
    tab('检查');
    const errors = screen.getByRole('region', { name: '错误' });
    const item = within(errors).getAllByRole('button')[0]!;
    expect(item.textContent).toContain('一村!F3');
    await act(async () => {
      fireEvent.click(item);
    });
    expect(host.selected).toEqual([{ sheet: '一村', cell: 'F3' }]);
    expect(screen.getByRole('status').textContent).toMatch(/错误 [1-9]/);
    expect(screen.queryByText('可以提交')).toBeNull();
  });

  it('shows the all-clear state on a clean sheet, and re-checks on demand', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    await openPane(host);
    tab('检查');
    const report = analyzeWorkbook(host.workbook);
    expect(report.sheets[0]?.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(screen.getByText('可以提交')).toBeTruthy();
    host.workbook = { sheets: [cleanRubric('一村', { 1: { score: 9 } })] };
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重新检查' }));
    });
    await waitFor(() => expect(screen.queryByText('可以提交')).toBeNull());
    expect(host.reads).toBe(2);
  });
});

describe('task pane: 写入', () => {
  it('previews the plan, lists conflicts to confirm, and writes with progress and a sync count', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    await openPane(host);
    tab('写入');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(table.textContent).toMatch(/一村!/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    const done = (await screen.findByText('写入完成。')).closest('[role="status"]') as HTMLElement;
    // The counts are kept for developers, not shown: two round trips for the whole write.
    expect(done.getAttribute('data-syncs')).toBe('2');
    expect(done.textContent).not.toMatch(/往返|项操作/);
    expect(host.plans).toHaveLength(1);
    expect(host.plans[0]!.ops.length).toBeGreaterThan(0);
  });
});

describe('task pane: 写入 after the workbook changed', () => {
  it('a 得分 typed in Excel after the preview is not overwritten: nothing is written and the new conflict is shown', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    await openPane(host);
    tab('写入');
    await screen.findByRole('table');
    expect(screen.queryByRole('checkbox', { name: '全部覆盖' })).toBeNull();
    // The assessor types a score into the first item's 得分 cell (the cell the plan fills with a formula).
    const report = analyzeWorkbook(host.workbook);
    const table = report.sheets[0]!.analysis!.table;
    const item = table.items[0]!;
    const sheet = host.workbook.sheets[0]!;
    sheet.values[item.row]![table.columns.score!] = 3;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('预览后有改动');
    expect(host.plans).toEqual([]);
    await screen.findByRole('checkbox', { name: '全部覆盖' });
  });
});

describe('task pane: faults', () => {
  it('a read that fails with an Office.js error is shown with what to do, not thrown', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    host.failRead = new HostError({ code: 'InvalidOperation', message: 'cell edit mode' });
    render(<App host={host} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Excel 报告错误');
    expect(alert.textContent).toContain('InvalidOperation');
    host.failRead = null;
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: '重新读取' }));
    });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('tree')).toBeTruthy();
  });

  it('a workbook with no rubric table says so', async () => {
    render(<App host={stubHost({ sheets: [{ name: 'Sheet1', values: [['姓名', '电话']], merges: [] }] })} />);
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到评分表');
  });

  it('Excel too old and a protected sheet on write are explained; nothing is written to a protected sheet', async () => {
    const host = stubHost({ sheets: [{ ...cleanRubric(), protected: true }] });
    await openPane(host);
    tab('写入');
    await screen.findByRole('table');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('受保护');
    expect(host.plans).toEqual([]);

    cleanup();
    const old = stubHost({ sheets: [cleanRubric()] });
    old.failWrite = new ExcelTooOldError('数据验证', 'ExcelApi 1.8');
    await openPane(old);
    tab('写入');
    await screen.findByRole('table');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Excel 版本过旧');
    expect(alert.textContent).toContain('ExcelApi 1.8');
  });

  it('a host refusal before writing (protected sheet) and an unexpected error are shown', async () => {
    const host = stubHost({ sheets: [cleanRubric()] });
    host.failWrite = new PlanNotApplicableError('sheetProtected', '一村');
    await openPane(host);
    tab('写入');
    await screen.findByRole('table');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('一村');

    cleanup();
    const broken = stubHost({ sheets: [cleanRubric()] });
    broken.selectCell = async () => {
      throw new TypeError('no selection');
    };
    broken.workbook = { sheets: [cleanRubric('一村', { 0: { score: 6 } })] };
    await openPane(broken);
    tab('检查');
    await act(async () => {
      fireEvent.click(within(screen.getByRole('region', { name: '错误' })).getAllByRole('button')[0]!);
    });
    const shown = (await screen.findByRole('alert')).textContent;
    expect(shown).toContain('出现意外错误');
    expect(shown).not.toContain('no selection');
  });
});
