/**
 * One unit's workbooks where some name an assessor (新华社区-组长.xlsx) and one does not (新华社区.xlsx):
 * not "two versions of one workbook" (keeping one would drop an assessor's scores) but a mix the
 * office must settle. An unmarked file identical to an assessor's is that assessor's copy and is left
 * out; otherwise every file of the unit is listed, none ranked, with a message saying which file lacks
 * an assessor and how to mark it.
 */
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { writeUnitWorkbook } from './units';

function capture() {
  const lines: string[] = [];
  return {
    lines,
    io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), errIsTTY: false },
  };
}

async function folder(unmarked: 'different' | 'copy'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mixed-'));
  const u = join(dir, 'units');
  await mkdir(u);
  await writeUnitWorkbook(join(u, '新华社区-组长.xlsx'), { sheet: '考核细则', deductions: [0, 1] });
  await writeUnitWorkbook(join(u, '新华社区-组员.xlsx'), { sheet: '考核细则', deductions: [1, 1] });
  await writeUnitWorkbook(join(u, '东风社区.xlsx'), { sheet: '考核细则', deductions: [0] });
  if (unmarked === 'copy') await copyFile(join(u, '新华社区-组长.xlsx'), join(u, '新华社区.xlsx'));
  else await writeUnitWorkbook(join(u, '新华社区.xlsx'), { sheet: '考核细则', deductions: [0, 0, 2] });
  return dir;
}

describe('assessor workbooks mixed with an unmarked one for the same unit', () => {
  it('a different unmarked workbook: not called a duplicate; all listed, none ranked, told how to mark it', async () => {
    const dir = await folder('different');
    const c = capture();
    const code = await run(['summary', join(dir, 'units'), '-o', join(dir, 'o.xlsx')], c.io);
    expect(code).toBe(1);
    const text = c.lines.join('\n');
    expect(text).not.toContain('交了不止一份、内容不同的评分表');
    const msg = text.split('\n').find((l) => l.includes('没有写明考核人'));
    expect(msg).toBeDefined();
    expect(msg).toContain('新华社区.xlsx');
    expect(msg).toMatch(/组长、组员|组员、组长/);
    expect(msg).toContain('考核人：');
    const xh = c.lines.filter((l) => l.startsWith('新华社区'));
    expect(xh.length).toBeGreaterThanOrEqual(1);
    for (const l of xh) expect(l).toContain('未排名');
    expect(c.lines.find((l) => l.startsWith('东风社区'))).toContain('第 1 名');
  });

  it('the same in English', async () => {
    const dir = await folder('different');
    const c = capture();
    await run(['summary', join(dir, 'units'), '-o', join(dir, 'o.xlsx'), '--lang', 'en'], c.io);
    const msg = c.lines.find((l) => l.includes('names no assessor'));
    expect(msg).toContain('新华社区.xlsx');
  });

  it("an unmarked copy of one assessor's workbook is left out and the assessors are combined", async () => {
    const dir = await folder('copy');
    const c = capture();
    const code = await run(['summary', join(dir, 'units'), '-o', join(dir, 'o.xlsx')], c.io);
    expect(code).toBe(0);
    const text = c.lines.join('\n');
    expect(text).toMatch(/新华社区\.xlsx 与 .*新华社区-组长\.xlsx 内容完全相同/);
    expect(text).toMatch(/“新华社区”有 2 位考核人的评分表/);
    expect(c.lines.find((l) => l.startsWith('新华社区'))).toMatch(/第 \d 名/);
  });
});
