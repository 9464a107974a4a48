/**
 * `fill` on real .xlsx files sees the user's own layout through the streaming reader: a list
 * validation on the 扣分 cells is a conflict, listed and left (replaced with --overwrite); a hidden
 * column where a subtotal goes is said and shown again; the print area grows over the added columns.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsxStream } from '../../src/adapters/xlsx/reader/index';
import { parseArea, parseSqref } from '../../src/adapters/xlsx/reader/layout';
import { run } from '../../src/cli/main';
import { capture, rubricRows } from '../cli/helpers';

interface Spec {
  /** Cells given the user's list validation ("0,1,2"). */
  listed?: string[];
  /** 1-based columns hidden. */
  hidden?: number[];
  printArea?: string;
}

async function input(spec: Spec): Promise<{ dir: string; file: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核表');
  for (const r of rubricRows()) ws.addRow(r);
  for (const a of spec.listed ?? [])
    ws.getCell(a).dataValidation = { type: 'list', allowBlank: true, formulae: ['"0,1,2"'] };
  for (const c of spec.hidden ?? []) ws.getColumn(c).hidden = true;
  if (spec.printArea) ws.pageSetup.printArea = spec.printArea;
  const dir = await mkdtemp(join(tmpdir(), 'user-things-'));
  const file = join(dir, 'in.xlsx');
  await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return { dir, file };
}

const sheetXml = (file: string) =>
  strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['xl/worksheets/sheet1.xml']!);

/** The <dataValidation> elements whose sqref covers the cell, as text. */
function validationsOn(xml: string, cell: string): string[] {
  const at = parseArea(cell)!;
  return [...xml.matchAll(/<dataValidation\b[^>]*>[\s\S]*?<\/dataValidation>/g)]
    .map((m) => m[0])
    .filter((el) =>
      parseSqref(/sqref="([^"]*)"/.exec(el)?.[1] ?? '').some(
        (r) => r.top <= at.top && r.bottom >= at.top && r.left <= at.left && r.right >= at.left,
      ),
    );
}

const read = (file: string) => readXlsxStream(new Uint8Array(readFileSync(file)), file).grid.sheets[0]!;

describe('fill and the user’s own validation on the 扣分 cells', () => {
  it('is a conflict: listed, nothing written, the input unchanged', async () => {
    const { dir, file } = await input({ listed: ['E3', 'E4'] });
    const before = readFileSync(file);
    const out = join(dir, 'out.xlsx');
    const c = capture();
    expect(await run(['fill', file, '-o', out], c.io)).toBe(1);
    const text = c.out() + c.err();
    expect(text).toContain('考核表!E3：已有您自己设置的数据验证');
    expect(text).toContain('考核表!E4：已有您自己设置的数据验证');
    expect(text).toContain('考核表!E4');
    expect(text).toContain('--overwrite');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('without a validation of the user’s there, the same workbook fills (the conflict is the validation)', async () => {
    const { dir, file } = await input({});
    const out = join(dir, 'out.xlsx');
    expect(await run(['fill', file, '-o', out], capture().io)).toBe(0);
    expect(validationsOn(sheetXml(out), 'E3')).toHaveLength(1);
  });

  it('--overwrite confirms it: the product’s input check replaces the user’s list', async () => {
    const { dir, file } = await input({ listed: ['E3', 'E4'] });
    const USERS = '&quot;0,1,2&quot;';
    expect(validationsOn(sheetXml(file), 'E3').join('')).toContain(USERS);
    const out = join(dir, 'out.xlsx');
    const c = capture();
    expect(await run(['fill', file, '-o', out, '--overwrite'], c.io)).toBe(0);
    const xml = sheetXml(out);
    for (const cell of ['E3', 'E4']) {
      const on = validationsOn(xml, cell);
      expect(on, cell).toHaveLength(1);
      expect(on[0]).not.toContain(USERS);
    }
    expect(c.out() + c.err()).toMatch(/覆盖 2 个/);
  });
});

describe('fill and hidden columns, print area', () => {
  it('a hidden column where the subtotal goes is said (zh and en) and shown again; other hidden columns stay', async () => {
    const { dir, file } = await input({ hidden: [8, 12] });
    const inGrid = read(file);
    expect(inGrid.hiddenCols).toEqual([7, 11]);
    for (const lang of ['zh', 'en'] as const) {
      const out = join(dir, `out-${lang}.xlsx`);
      const c = capture();
      expect(await run(['fill', file, '-o', out, '--lang', lang], c.io)).toBe(0);
      expect(c.out() + c.err()).toContain(
        lang === 'zh' ? '工作表「考核表」的 H 列是隐藏的' : 'Column H of sheet "考核表" is hidden',
      );
      const g = read(out);
      expect(g.values[1]?.[7]).toBe(lang === 'zh' ? '一级小计' : 'Subtotal L1');
      expect(g.hiddenCols).toEqual([11]);
    }
  });

  it('the print area grows over the added subtotal column', async () => {
    const { dir, file } = await input({ printArea: 'A1:G4' });
    expect(read(file).printArea).toEqual([{ top: 0, left: 0, bottom: 3, right: 6 }]);
    const out = join(dir, 'out.xlsx');
    expect(await run(['fill', file, '-o', out], capture().io)).toBe(0);
    const g = read(out);
    const added = g.values[1]!.indexOf('一级小计');
    expect(added).toBe(7);
    expect(g.printArea).toEqual([{ top: 0, left: 0, bottom: 3, right: added }]);
  });
});
