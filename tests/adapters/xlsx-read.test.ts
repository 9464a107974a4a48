import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDate, plainValue, readXlsx, readXlsxWorkbook, XlsxReadError } from '../../src/adapters/xlsx/read';
import { cellAt, formulaAt, mergeAt, shownAt } from '../../src/core/grid';

let dir = '';
let file = '';
let bytes: Uint8Array;

/** A workbook with every kind of cell the reader must understand, built with ExcelJS. */
async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核 (一)');
  ws.getCell('A1').value = '2014年考核细则';
  ws.mergeCells('A1:I1');
  ws.getCell('A3').value = '(一)日常工作(65分)';
  ws.mergeCells('A3:A6');
  ws.getCell('B3').value = {
    richText: [{ text: '1、领导' }, { font: { bold: true }, text: '重视' }, { text: '(5分)' }],
  };
  ws.getCell('D3').value = 3;
  ws.getCell('D4').value = 2;
  ws.getCell('G3').value = 0.5;
  ws.getCell('G4').value = 1;
  // 得分 = 分值 − 扣分, the first a shared-formula master, the second its clone.
  ws.getCell('H3').value = {
    formula: 'D3-G3',
    result: 2.5,
    shareType: 'shared',
    ref: 'H3:H4',
  } as ExcelJS.CellFormulaValue;
  ws.getCell('H4').value = { sharedFormula: 'H3', result: 1 } as ExcelJS.CellSharedFormulaValue;
  // A formula Excel never calculated: no cached result.
  ws.getCell('H5').value = { formula: 'D5-G5' } as ExcelJS.CellFormulaValue;
  ws.getCell('H6').value = {
    formula: 'VLOOKUP(1,A1:B2,2,0)',
    result: { error: '#N/A' },
  } as ExcelJS.CellFormulaValue;
  ws.getCell('H7').value = { formula: 'SUM(H3:H4)', result: 3.5 } as ExcelJS.CellFormulaValue;
  ws.getCell('I3').value = { text: '见附件', hyperlink: 'https://example.org/a' };
  ws.getCell('I4').value = new Date(Date.UTC(2014, 11, 31));
  ws.getCell('I5').value = true;
  ws.getCell('I6').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('E3').value = '按责任状考核';
  ws.mergeCells('E3:E4');
  wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'h';
  wb.addWorksheet('深度隐藏', { state: 'veryHidden' }).getCell('A1').value = 'v';
  const locked = wb.addWorksheet('保护');
  locked.getCell('A1').value = 'p';
  await locked.protect('pw', {});
  wb.addWorksheet('空白');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-read-'));
  bytes = await buildWorkbook();
  file = join(dir, '考核.xlsx');
  await writeFile(file, bytes);
});

describe('readXlsx', () => {
  it('reads plain values, rich text as plain text, hyperlinks as their text, dates as ISO text, booleans and errors', async () => {
    const s = (await readXlsx(bytes)).sheets[0]!;
    expect(s.name).toBe('考核 (一)');
    expect(cellAt(s, 0, 0)).toBe('2014年考核细则');
    expect(cellAt(s, 2, 1)).toBe('1、领导重视(5分)');
    expect(cellAt(s, 2, 3)).toBe(3);
    expect(cellAt(s, 2, 6)).toBe(0.5);
    expect(cellAt(s, 2, 8)).toBe('见附件');
    expect(cellAt(s, 3, 8)).toBe('2014-12-31');
    expect(cellAt(s, 4, 8)).toBe(true);
    expect(cellAt(s, 5, 8)).toBe('#DIV/0!');
    expect(cellAt(s, 1, 0)).toBeNull();
  });

  it('gives a formula cell its cached result and its formula text, shared formulas moved to their cell', async () => {
    const s = (await readXlsx(bytes)).sheets[0]!;
    expect(cellAt(s, 2, 7)).toBe(2.5);
    expect(formulaAt(s, 2, 7)).toBe('=D3-G3');
    expect(cellAt(s, 3, 7)).toBe(1);
    expect(formulaAt(s, 3, 7)).toBe('=D4-G4');
    expect(cellAt(s, 4, 7)).toBeNull();
    expect(formulaAt(s, 4, 7)).toBe('=D5-G5');
    expect(cellAt(s, 5, 7)).toBe('#N/A');
    expect(formulaAt(s, 6, 7)).toBe('=SUM(H3:H4)');
    expect(cellAt(s, 6, 7)).toBe(3.5);
    // A plain value has no formula.
    expect(formulaAt(s, 2, 6)).toBeNull();
  });

  it('turns merges into 0-based areas and keeps the covered cells empty', async () => {
    const s = (await readXlsx(bytes)).sheets[0]!;
    const sorted = [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(sorted).toEqual([
      { top: 0, left: 0, bottom: 0, right: 8 },
      { top: 2, left: 0, bottom: 5, right: 0 },
      { top: 2, left: 4, bottom: 3, right: 4 },
    ]);
    expect(cellAt(s, 4, 0)).toBeNull();
    expect(cellAt(s, 3, 4)).toBeNull();
    expect(mergeAt(s, 4, 0)).toEqual({ top: 2, left: 0, bottom: 5, right: 0 });
    expect(shownAt(s, 5, 0)).toBe('(一)日常工作(65分)');
    expect(shownAt(s, 3, 4)).toBe('按责任状考核');
  });

  it('marks hidden and very hidden sheets hidden, protected sheets protected, and keeps empty sheets', async () => {
    const { grid, states } = await readXlsxWorkbook(bytes);
    const by = new Map(grid.sheets.map((s) => [s.name, s]));
    expect([...by.keys()]).toEqual(['考核 (一)', '隐藏', '深度隐藏', '保护', '空白']);
    expect(by.get('考核 (一)')!.hidden).toBeUndefined();
    expect(by.get('隐藏')!.hidden).toBe(true);
    expect(by.get('深度隐藏')!.hidden).toBe(true);
    expect(states).toMatchObject({ '考核 (一)': 'visible', 隐藏: 'hidden', 深度隐藏: 'veryHidden' });
    expect(by.get('保护')!.protected).toBe(true);
    expect(by.get('考核 (一)')!.protected).toBeUndefined();
    expect(by.get('空白')!.values).toEqual([]);
  });

  it('reads a path the same as its bytes and leaves the file untouched', async () => {
    const before = await stat(file);
    const fromPath = await readXlsx(file);
    expect(fromPath).toEqual(await readXlsx(bytes));
    const after = await stat(file);
    expect(sha(await readFile(file))).toBe(sha(bytes));
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });
});

describe('unreadable files', () => {
  const reject = async (input: string | Uint8Array, name?: string) => {
    try {
      await readXlsx(input, name === undefined ? {} : { name });
    } catch (e) {
      return e;
    }
    throw new Error('expected XlsxReadError');
  };

  it('random bytes: not an .xlsx, with what file and what to do in both languages', async () => {
    const noise = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = x >>> 24;
    }
    noise[0] = 0x13;
    const p = join(dir, '随机.xlsx');
    await writeFile(p, noise);
    const e = await reject(p);
    expect(e).toBeInstanceOf(XlsxReadError);
    const err = e as XlsxReadError;
    expect(err.code).toBe('notXlsx');
    expect(err.message).toContain('随机.xlsx');
    expect(err.message).toContain('另存为');
    expect(err.messageIn('en')).toContain('随机.xlsx');
    expect(err.messageIn('en')).toMatch(/save it as/i);
  });

  it('a damaged zip (a truncated .xlsx) is corrupt', async () => {
    const e = await reject(bytes.slice(0, Math.floor(bytes.length / 2)), '半个.xlsx');
    expect(e).toBeInstanceOf(XlsxReadError);
    expect((e as XlsxReadError).code).toBe('corrupt');
    expect((e as XlsxReadError).message).toContain('半个.xlsx');
  });

  it('an old .xls or encrypted workbook, an empty file, a missing path, a folder', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(((await reject(ole, 'old.xls')) as XlsxReadError).code).toBe('legacyOrEncrypted');
    expect(((await reject(new Uint8Array(0), 'empty.xlsx')) as XlsxReadError).code).toBe('empty');
    expect(((await reject(join(dir, 'none.xlsx'))) as XlsxReadError).code).toBe('notFound');
    expect(((await reject(dir)) as XlsxReadError).code).toBe('notAFile');
  });
});

describe('value conversion', () => {
  it('plainValue and isoDate', () => {
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue(Number.NaN)).toBeNull();
    expect(plainValue({ formula: 'A1', result: { error: '#REF!' } })).toBe('#REF!');
    expect(plainValue({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(isoDate(new Date(Date.UTC(2014, 0, 2, 8, 30)))).toBe('2014-01-02T08:30:00Z');
  });
});
