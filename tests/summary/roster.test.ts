/**
 * Who handed in what: the same unit handed in twice (a copy, a copy in a subfolder, the same sheet name
 * in two files) is never ranked twice, and the office's roster reports missing units and names that
 * match no expected unit, with close matches suggested.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/cli/commands/summary';
import { analyzeWorkbook } from '../../src/core';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { a1 } from '../../src/core/a1';
import {
  closeMatches,
  findRosterSheet,
  formatNote,
  LABELS,
  planSummary,
  planSummaryValues,
  summaryLayout,
  rosterNames,
  rosterRowsFromText,
  type SummaryInput,
  unitKey,
} from '../../src/core/summary';
import { applyPlan, evaluate, valueAt } from './harness';
import { writeUnitWorkbook } from './units';

function unitSheet(name: string, d: number[]): SheetGrid {
  const items = ['学习制度', '台账资料', '宣传阵地'];
  return {
    name,
    merges: [],
    values: [
      ['考核内容', '标准分值', '评分标准', '扣分', '得分', '扣分原因'],
      ...items.map((it, i): CellValue[] => [it, 5, '每缺一次扣1分', d[i] ?? 0, 5 - (d[i] ?? 0), null]),
    ],
  };
}

function input(file: string, sheet: string, d: number[]): SummaryInput {
  const grid = { sheets: [unitSheet(sheet, d)] };
  return { file, report: analyzeWorkbook(grid), grid };
}

describe('names', () => {
  it('a copy’s marks are not part of the name', () => {
    for (const n of [
      '新华社区(1)',
      '新华社区（2）',
      '新华社区 - 副本',
      '新华社区副本',
      'Copy of 新华社区',
      '新华社区 - Copy',
    ])
      expect(unitKey(n), n).toBe(unitKey('新华社区'));
    expect(unitKey('新华社区')).not.toBe(unitKey('新华社区居委会'));
  });

  it('close matches: a longer official name, one character off; not a different unit', () => {
    const roster = ['东风社区', '新华社区居委会', '彩屯社区', '铁西社区'];
    expect(closeMatches('新华社区', roster)).toEqual(['新华社区居委会']);
    expect(closeMatches('彩囤社区', roster)).toEqual(['彩屯社区']);
    expect(closeMatches('站前社区', roster)).toEqual([]);
  });

  it('reads a roster from a column with a header and numbers, each name once', () => {
    expect(
      rosterNames([
        ['序号', '单位名称'],
        [1, '东风社区'],
        [2, '新华社区'],
        [3, '东风社区 '],
      ]),
    ).toEqual(['东风社区', '新华社区']);
    expect(rosterNames(rosterRowsFromText('\uFEFF单位\r\n东风社区\r\n\r\n新华社区\n'))).toEqual([
      '东风社区',
      '新华社区',
    ]);
  });
});

describe('the same unit handed in twice', () => {
  it('an exact copy (新华社区(1).xlsx, a copy in a subfolder) is counted once and said', () => {
    const plan = planSummaryValues(
      [
        input('u/东风社区.xlsx', '考核细则', [1]),
        input('u/旧/新华社区.xlsx', '考核细则', [2]),
        input('u/新华社区(1).xlsx', '考核细则', [2]),
        input('u/新华社区.xlsx', '考核细则', [2]),
      ],
      { lang: 'zh' },
    );
    expect(plan.units.map((u) => [u.name, u.file, u.rank])).toEqual([
      ['东风社区', 'u/东风社区.xlsx', 1],
      ['新华社区', 'u/新华社区.xlsx', 2],
    ]);
    expect(plan.copies.map((c) => c.file).sort()).toEqual(['u/新华社区(1).xlsx', 'u/旧/新华社区.xlsx']);
    const n = plan.notes.filter((x) => x.code === 'duplicateCopy');
    expect(n).toHaveLength(2);
    expect(formatNote(n[0]!, 'zh')).toContain('只计一次');
  });

  it('two different workbooks for one unit: both listed, neither ranked, an error', () => {
    const plan = planSummaryValues(
      [
        input('东风社区.xlsx', '考核细则', [1]),
        input('新华社区.xlsx', '考核细则', [2]),
        input('新华社区 - 副本.xlsx', '考核细则', [0]),
      ],
      { lang: 'zh' },
    );
    expect(plan.units.map((u) => [u.name, u.rank, u.hold])).toEqual([
      ['东风社区', 1, []],
      ['新华社区', null, ['duplicate']],
      ['新华社区 - 副本', null, ['duplicate']],
    ]);
    const n = plan.notes.find((x) => x.code === 'duplicateUnit')!;
    expect(n.severity).toBe('error');
    expect(formatNote(n, 'zh')).toContain('新华社区.xlsx、新华社区 - 副本.xlsx');
  });

  it('the same unit sheet name in two files is the same unit; a template name shared by all is not', () => {
    const named = planSummaryValues(
      [input('a.xlsx', '新华社区', [1]), input('b.xlsx', '新华社区', [2]), input('c.xlsx', '东风社区', [0])],
      { lang: 'zh' },
    );
    expect(named.units.map((u) => u.rank)).toEqual([null, null, 1]);
    const template = planSummaryValues(
      [input('a.xlsx', '考核细则', [1]), input('b.xlsx', '考核细则', [2]), input('c.xlsx', '考核细则', [0])],
      { lang: 'zh' },
    );
    expect(template.units.map((u) => u.rank)).toEqual([2, 3, 1]);
    expect(template.notes.some((x) => x.code.startsWith('duplicate'))).toBe(false);
  });
});

describe('the roster', () => {
  const roster = ['东风社区', '新华社区居委会', '彩屯社区', '铁西社区'];
  const plan = planSummaryValues(
    [
      input('东风社区.xlsx', '考核细则', [1]),
      input('新华社区.xlsx', '考核细则', [0]),
      input('彩屯社区.xlsx', '考核细则', [2]),
    ],
    { lang: 'zh', roster },
  );

  it('lists missing units, and a name matching none, with close matches both ways; that unit is not ranked', () => {
    expect(plan.missing).toEqual([
      { name: '新华社区居委会', maybe: ['新华社区'] },
      { name: '铁西社区', maybe: [] },
    ]);
    expect(plan.units.map((u) => [u.name, u.rosterName, u.rank])).toEqual([
      ['东风社区', '东风社区', 1],
      ['新华社区', null, null],
      ['彩屯社区', '彩屯社区', 2],
    ]);
    const off = plan.notes.find((n) => n.code === 'notOnRosterClose')!;
    expect(off.params).toMatchObject({ unit: '新华社区', maybe: '新华社区居委会' });
    expect(formatNote(off, 'zh')).toContain('名单中相近的有：新华社区居委会');
    expect(plan.notes.find((n) => n.code === 'missingUnit')?.params.unit).toBe('铁西社区');
  });

  it('the 汇总 lists the missing units in their own block, unranked', () => {
    const cells = new Map(
      plan.ops.flatMap((o) => (o.op === 'value' && o.sheet === '汇总' ? [[o.cell, o.value]] : [])),
    );
    const titleRow = [...cells].find(([, v]) => String(v).startsWith('未交单位'))?.[0];
    expect(titleRow).toBeDefined();
    const r = Number(titleRow!.slice(1));
    expect([cells.get(`B${r + 2}`), cells.get(`C${r + 2}`)]).toEqual(['新华社区居委会', '新华社区']);
    expect(cells.get(`B${r + 3}`)).toBe('铁西社区');
  });

  it('a unit handed in twice under its roster name is caught by the roster name', () => {
    const twice = planSummaryValues(
      [input('东风社区.xlsx', '考核细则', [1]), input('第二批/东风社区.xlsx', '考核细则', [3])],
      { lang: 'zh', roster: ['东风社区'] },
    );
    expect(twice.units.map((u) => u.hold)).toEqual([['duplicate'], ['duplicate']]);
  });
});

describe('rubric-scorer summary --roster', () => {
  it('reads a roster kept beside the workbooks (not taken for a unit) and prints the missing units', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'summary-roster-'));
    await mkdir(join(dir, 'units'));
    await writeUnitWorkbook(join(dir, 'units', '东风社区.xlsx'), { sheet: '考核细则', deductions: [0, 1] });
    await writeUnitWorkbook(join(dir, 'units', '新华社区.xlsx'), { sheet: '考核细则', deductions: [0] });
    const rosterFile = join(dir, 'units', '名单.xlsx');
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('参评单位');
    ws.addRows([
      ['序号', '单位名称'],
      [1, '东风社区'],
      [2, '新华社区'],
      [3, '彩屯社区'],
    ]);
    await x.xlsx.writeFile(rosterFile);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const code = await runSummary(
      [join(dir, 'units')],
      { output: join(dir, 's.xlsx'), lang: 'zh', roster: rosterFile },
      io,
    );
    expect(out.filter((l) => /：总分/.test(l))).toHaveLength(2);
    expect(out).toContain('未交单位 1 个：彩屯社区');
    expect(err.join('\n')).toContain('名单中的“彩屯社区”没有交评分表');
    expect(code).toBe(0);

    const txt = join(dir, 'roster.txt');
    await writeFile(txt, '东风社区\n');
    const out2: string[] = [];
    await runSummary(
      [join(dir, 'units')],
      { output: join(dir, 's2.xlsx'), lang: 'en', roster: txt },
      {
        out: (l) => out2.push(l),
        err: () => {},
      },
    );
    expect(out2.find((l) => l.startsWith('新华社区'))).toBe('新华社区: total 21 (not ranked)');
    expect(
      await runSummary(
        [join(dir, 'units')],
        { output: join(dir, 's3.xlsx'), lang: 'zh', roster: join(dir, 'none.txt') },
        io,
      ),
    ).toBe(2);
  });
});

describe('the add-in’s 汇总 with a roster sheet', () => {
  const sheets = [
    unitSheet('东风社区', [1]),
    unitSheet('东风社区 (2)', [1]),
    unitSheet('新华社区', [0]),
    unitSheet('彩屯社区', [2]),
  ];
  const roster: SheetGrid = {
    name: '参评单位名单',
    merges: [],
    values: [['单位名称'], ['东风社区'], ['新华社区居委会'], ['彩屯社区'], ['铁西社区']],
  };
  const wb = { sheets: [...sheets, roster] };
  const report = analyzeWorkbook(wb);

  it('finds the roster sheet, withholds a sheet copied for the same unit and one matching no name', () => {
    expect(findRosterSheet(wb, report)).toBe('参评单位名单');
    const names = rosterNames(roster.values);
    const plan = planSummary(wb, report, { lang: 'zh', roster: names });
    // 东风社区 (2) is an identical copy: counted once, under the name without a copy's mark.
    expect(plan.status.map((s) => [s.sheet, s.hold, s.rank])).toEqual([
      ['东风社区', [], 1],
      ['东风社区 (2)', ['duplicate'], null],
      ['新华社区', ['unlisted'], null],
      ['彩屯社区', [], 2],
    ]);
    expect(plan.missing).toEqual([
      { name: '新华社区居委会', maybe: ['新华社区'] },
      { name: '铁西社区', maybe: [] },
    ]);
    const hf = evaluate(applyPlan(wb, plan).wb);
    const lay = summaryLayout(0);
    const at = (r: number, c: number) => valueAt(hf, '汇总', a1(r, c));
    expect([0, 1, 2, 3].map((i) => at(lay.firstRow + i, lay.rank))).toEqual([1, '—', '—', 2]);
    expect(at(lay.firstRow + 2, lay.status)).toBe(LABELS.zh.statusUnlisted);
    // The missing block: its title, a header, then one row per missing unit.
    let title = lay.firstRow + 4;
    while (!String(at(title, 0) ?? '').startsWith('未交单位') && title < 30) title++;
    expect([at(title + 2, 1), at(title + 2, 2), at(title + 3, 1)]).toEqual([
      '新华社区居委会',
      '新华社区',
      '铁西社区',
    ]);
    // Agrees with the CLI's values for the same units.
    const values = planSummaryValues(
      sheets.map((s) => {
        const grid = { sheets: [s] };
        return { file: `${s.name}.xlsx`, report: analyzeWorkbook(grid), grid };
      }),
      { lang: 'zh', roster: names },
    );
    // The CLI leaves the identical copy out; the add-in lists it unranked. Every other figure agrees.
    expect(values.copies.map((c) => c.sheet)).toEqual(['东风社区 (2)']);
    expect(values.units.map((u) => [u.sheet, u.rank])).toEqual(
      plan.status.filter((s) => s.sheet !== '东风社区 (2)').map((s) => [s.sheet, s.rank]),
    );
    expect(values.missing).toEqual(plan.missing);
  });
});
